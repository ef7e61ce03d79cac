import { z } from "zod";
import { ZApprovals, ZThresholds } from "../shared-settings";

const amount = z
  .number({ error: "Enter an amount." })
  .nonnegative("Enter zero or more.")
  .max(1e9, "At most 1,000,000,000.");

/**
 * What the onboarding wizard asks for AP invoice matching (WorkflowVersion.settings). Amounts
 * are in the organisation's currency.
 */
export const ZApInvoiceSettings = z
  .object({
    autoApproveUpTo: amount.default(1000).meta({
      title: "Bills are created without approval up to",
      description: "When nothing else needs review (PO matched, known vendor, no duplicate).",
    }),
    twoPersonAbove: amount.default(5000).meta({
      title: "Two approvers above",
      description: "Bills and payment releases above this amount need two different people.",
    }),
    blockAbove: amount
      .nullable()
      .default(null)
      .meta({ title: "Never above", description: "Optional: above this nothing is created or paid." }),
    amountTolerancePercent: z.number().min(0, "Enter zero or more.").max(50, "At most 50%.").default(2).meta({
      title: "PO amount tolerance (%)",
      description: "Of the PO total; the larger of the two tolerances applies.",
    }),
    amountToleranceAbsolute: amount
      .default(10)
      .meta({ title: "PO amount tolerance (amount)", description: "The invoice may differ from the PO by this much." }),
    requirePo: z
      .boolean()
      .default(true)
      .meta({ title: "Invoices need a PO number", description: "Without one, the bill goes to review." }),
    defaultTermsDays: z
      .number()
      .int("Enter whole days.")
      .min(0)
      .max(365, "At most 365 days.")
      .default(30)
      .meta({ title: "Payment terms for new vendors (days)", description: "When the invoice states none." }),
    thresholds: ZThresholds.prefault({ act: 0.9, review: 0.6 }),
    approvals: ZApprovals.prefault({ timeoutHours: 48 }),
  })
  .superRefine((s, ctx) => {
    if (s.twoPersonAbove < s.autoApproveUpTo)
      ctx.addIssue({
        code: "custom",
        message: "The two-approver amount must be at least the auto-approval amount.",
        path: ["twoPersonAbove"],
      });
    if (s.blockAbove !== null && s.blockAbove < s.twoPersonAbove)
      ctx.addIssue({
        code: "custom",
        message: "The ceiling must be at least the two-approver amount.",
        path: ["blockAbove"],
      });
  });

export type ApInvoiceSettings = z.output<typeof ZApInvoiceSettings>;

export const DEFAULT_AP_INVOICE_SETTINGS: ApInvoiceSettings = ZApInvoiceSettings.parse({});

/** A version's settings; unreadable settings (an older shape) fall back to the defaults. */
export function readApInvoiceSettings(raw: unknown): ApInvoiceSettings {
  const parsed = ZApInvoiceSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_AP_INVOICE_SETTINGS;
}
