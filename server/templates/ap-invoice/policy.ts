import type { VersionPolicy } from "@/server/governance/policy-store";
import { defaultContractFor } from "../default-contract";
import type { ApInvoiceSettings } from "./settings";

/** Flags the matching step puts on a bill or vendor; each sends the action to a person. */
export const AP_REVIEW_FLAGS = ["new_vendor", "blocked_vendor", "po_mismatch", "no_po", "duplicate"] as const;
export type ApReviewFlag = (typeof AP_REVIEW_FLAGS)[number];

/**
 * The default governance policy of AP invoice matching: finance approvers; bills by amount tier
 * from the settings (auto up to the limit, one approver above, two above the two-person tier);
 * every payment release approved by a person; exceptions (new vendor, PO mismatch, missing PO,
 * duplicate, blocked vendor) reviewed; late approvals escalated (reminders are the approvals
 * runtime's, driven by the timeout).
 */
export function apInvoicePolicy(settings: ApInvoiceSettings): VersionPolicy {
  return {
    approval: {
      domain: "finance",
      confidence: { act: settings.thresholds.act, review: settings.thresholds.review },
      amount: {
        approveAbove: settings.autoApproveUpTo,
        twoPersonAbove: settings.twoPersonAbove,
        blockAbove: settings.blockAbove,
      },
      alwaysApprove: ["payment_release"],
      reviewFlags: [...AP_REVIEW_FLAGS, "strategic", "vip", "named_account"],
      highRiskApprovals: 2,
      timeout: {
        hours: settings.approvals.timeoutHours,
        onTimeout: "escalate",
        escalation: settings.approvals.escalateTo.length > 0 ? [{ roles: settings.approvals.escalateTo }] : [],
      },
      maxActionsPerRun: 10,
    },
    fieldContract: defaultContractFor(["ap.vendor", "ap.purchase_order", "ap.invoice", "ap.payment"]),
    suppression: {},
  };
}
