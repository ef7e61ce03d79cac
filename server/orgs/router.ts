import { z } from "zod";
import { router } from "../trpc/init";
import { authedProcedure, orgProcedure } from "../trpc/procedures";
import { createOrganization, describeCurrentOrg, listMyOrganizations, updateOrgSecurity } from "./org-service";
import { ZCreateOrgRequest, ZCurrentOrg, ZOrgSummary, ZUpdateOrgSecurityRequest } from "./org.schemas";

export const orgRouter = router({
  create: authedProcedure
    .input(ZCreateOrgRequest)
    .output(ZOrgSummary)
    .mutation(({ ctx, input }) => createOrganization(ctx.user, input, ctx.ip)),
  listMine: authedProcedure.output(z.array(ZOrgSummary)).query(({ ctx }) => listMyOrganizations(ctx.user.id)),
  // Readable without 2FA so the UI can tell a blocked member what to do.
  current: orgProcedure("org.read", { allowWithoutTwoFactor: true })
    .output(ZCurrentOrg)
    .query(({ ctx }) => describeCurrentOrg(ctx.membership, Boolean(ctx.user.totpEnabledAt))),
  updateSecurity: orgProcedure("org.security")
    .input(ZUpdateOrgSecurityRequest)
    .mutation(({ ctx, input }) =>
      ctx.scope((tx) =>
        updateOrgSecurity(
          tx,
          { orgId: ctx.org.id, actor: ctx.actor, ip: ctx.ip, actorHasTwoFactor: Boolean(ctx.user.totpEnabledAt) },
          input.requireTwoFactorForPrivileged,
        ),
      ),
    ),
});
