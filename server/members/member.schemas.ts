import { z } from "zod";
import { APPROVAL_DOMAINS, ROLES } from "../auth/permissions";

/** Approver scope: which domains, and up to what amount. Ignored for other roles. */
export const ZApproverScope = z.object({
  approvalDomains: z.array(z.enum(APPROVAL_DOMAINS)).max(APPROVAL_DOMAINS.length).default([]),
  approvalLimit: z.number().nonnegative("The limit cannot be negative.").max(1e12).nullable().default(null),
});

export const ZUpdateMemberRoleRequest = ZApproverScope.extend({
  memberId: z.string().min(1).max(64),
  role: z.enum(ROLES),
  /** Approvers only: above this amount, approving needs a fresh 2FA code (null: only when the policy flags it). */
  stepUpLimit: z.number().nonnegative("The limit cannot be negative.").max(1e12).nullable().default(null),
});

export const ZRemoveMemberRequest = z.object({ memberId: z.string().min(1).max(64) });

export const ZMember = z.object({
  id: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  approvalDomains: z.array(z.string()),
  approvalLimit: z.number().nullable(),
  stepUpLimit: z.number().nullable(),
  twoFactorEnabled: z.boolean(),
  joinedAt: z.date(),
});
