import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { ZApproverScope } from "../members/member.schemas";

export const INVITATION_TTL_DAYS = 7;

export const ZCreateInvitationRequest = ZApproverScope.extend({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  role: z.enum(ROLES),
});

export const ZInvitationToken = z.object({ token: z.string().min(20).max(100) });

export const INVITATION_STATUSES = ["pending", "accepted", "revoked", "expired"] as const;

export const ZInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  status: z.enum(INVITATION_STATUSES),
  expiresAt: z.date(),
  createdAt: z.date(),
});

export const ZInvitationPreview = z.object({
  orgName: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  status: z.enum(INVITATION_STATUSES),
});
