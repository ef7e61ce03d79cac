import { z } from "zod";
import { ROLES } from "../auth/permissions";

export const ZCreateOrgRequest = z.object({
  name: z.string().trim().min(2, "Use at least 2 characters.").max(80, "Use at most 80 characters."),
});

export const ZOrgSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
});

export const ZCurrentOrg = ZOrgSummary.extend({
  requireTwoFactorForPrivileged: z.boolean(),
  twoFactorBlocked: z.boolean(),
  approvalDomains: z.array(z.string()),
  approvalLimit: z.number().nullable(),
});

export const ZUpdateOrgSecurityRequest = z.object({ requireTwoFactorForPrivileged: z.boolean() });
