import { z } from "zod";
import { router } from "../trpc/init";
import { authedProcedure, orgProcedure, publicProcedure } from "../trpc/procedures";
import { actorContext } from "../members/router";
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from "./invitation-service";
import { ZCreateInvitationRequest, ZInvitation, ZInvitationPreview, ZInvitationToken } from "./invitation.schemas";

export const invitationRouter = router({
  list: orgProcedure("member.read")
    .output(z.array(ZInvitation))
    .query(({ ctx }) => ctx.scope((tx) => listInvitations(tx, ctx.org.id))),
  create: orgProcedure("member.invite")
    .input(ZCreateInvitationRequest)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createInvitation({ ...actorContext(ctx), orgName: ctx.org.name }, input)),
  revoke: orgProcedure("member.invite")
    .input(z.object({ invitationId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => ctx.scope((tx) => revokeInvitation(tx, actorContext(ctx), input.invitationId))),
  preview: publicProcedure
    .input(ZInvitationToken)
    .output(ZInvitationPreview)
    .query(({ input }) => previewInvitation(input.token)),
  accept: authedProcedure
    .input(ZInvitationToken)
    .output(z.object({ slug: z.string(), role: z.string() }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx.user, input.token, ctx.ip)),
});
