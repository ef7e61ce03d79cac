import { z } from "zod";

export const ZDecideApprovalRequest = z
  .object({
    approvalId: z.string().min(1).max(64),
    approve: z.boolean(),
    /** Edit before approve: the value that will execute instead of the proposal. */
    editedValue: z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]).optional(),
    reason: z.string().trim().max(1000).optional(),
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
