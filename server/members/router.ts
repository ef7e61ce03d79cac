import { z } from "zod";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";
import { listMembers, removeMember, unwrapGuarded, updateMemberRole, type OrgActorContext } from "./member-service";
import { ZMember, ZRemoveMemberRequest, ZUpdateMemberRoleRequest } from "./member.schemas";

type OrgCtx = {
  org: { id: string };
  actor: OrgActorContext["actor"];
  membership: { role: OrgActorContext["actorRole"] };
  user: { id: string };
  ip: string;
};

export const actorContext = (ctx: OrgCtx): OrgActorContext => ({
  orgId: ctx.org.id,
  actor: ctx.actor,
  actorRole: ctx.membership.role,
  actorUserId: ctx.user.id,
  ip: ctx.ip,
});

export const memberRouter = router({
  list: orgProcedure("member.read")
    .output(z.array(ZMember))
    .query(({ ctx }) => ctx.scope((tx) => listMembers(tx, ctx.org.id))),
  updateRole: orgProcedure("member.updateRole")
    .input(ZUpdateMemberRoleRequest)
    .mutation(async ({ ctx, input }) =>
      unwrapGuarded(await ctx.scope((tx) => updateMemberRole(tx, actorContext(ctx), input))),
    ),
  remove: orgProcedure("member.remove")
    .input(ZRemoveMemberRequest)
    .mutation(async ({ ctx, input }) =>
      unwrapGuarded(await ctx.scope((tx) => removeMember(tx, actorContext(ctx), input))),
    ),
});
