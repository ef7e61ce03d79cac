import { z } from "zod";

/**
 * Settings pieces several templates ask for in the wizard. `.meta({ title, description })` is
 * what the generated form shows.
 */
export const ZThresholds = z
  .object({
    act: z
      .number()
      .min(0)
      .max(1)
      .default(0.85)
      .meta({ title: "Act at confidence", description: "At or above: the action may run without review (auto mode)." }),
    review: z.number().min(0).max(1).default(0.5).meta({
      title: "Review from confidence",
      description: "Below: the action is blocked; between: a person reviews.",
    }),
  })
  .refine((t) => t.review <= t.act, {
    message: "The review threshold must not exceed the act threshold.",
    path: ["review"],
  })
  .meta({ title: "Confidence thresholds" });

export const ESCALATION_ROLES = ["owner", "admin", "approver"] as const;

export const ZApprovals = z
  .object({
    timeoutHours: z
      .number()
      .positive()
      .max(24 * 14)
      .default(24)
      .meta({ title: "Approval window (hours)", description: "After this, the request escalates." }),
    escalateTo: z
      .array(z.enum(ESCALATION_ROLES))
      .max(3)
      .default(["admin", "owner"])
      .meta({ title: "Escalate to", description: "Roles that get the request when nobody decided in time." }),
  })
  .meta({ title: "Approvers" });

export const personName = z.string().trim().min(1).max(120);
export const personEmail = z.string().trim().toLowerCase().pipe(z.email("a valid email address"));
