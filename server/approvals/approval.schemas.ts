import { z } from "zod";

export const ZDecideApprovalRequest = z
  .object({
    approvalId: z.string().min(1).max(64),
    approve: z.boolean(),
    /** Edit before approve: the value that will execute instead of the proposal. */
    editedValue: z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]).optional(),
    reason: z.string().trim().max(1000).optional(),
    /** A fresh 2FA code: needed to approve a high-risk request (see step-up.ts). */
    totpCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.")
      .optional(),
    /** Issued with the item view (decision-token.ts); the router requires it. */
    decisionToken: z.string().min(1).max(200).optional(),
  })
  .refine((d) => d.approve || (d.reason && d.reason.length > 0), {
    message: "Say why you reject it.",
    path: ["reason"],
  })
  .refine((d) => d.approve || d.editedValue === undefined, {
    message: "Only an approval can edit the value.",
    path: ["editedValue"],
  });

export const ZDecideApprovalResponse = z.object({
  outcome: z.enum(["pending", "approved", "rejected"]),
  approvals: z.number(),
  required: z.number(),
});
