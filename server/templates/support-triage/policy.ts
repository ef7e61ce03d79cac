import type { VersionPolicy } from "../../governance/policy-store";
import { defaultContractFor } from "../default-contract";
import type { SupportTriageSettings } from "./settings";

/** Flags triage puts on replies and refunds; each sends the action to a person. */
export const SUPPORT_REVIEW_FLAGS = ["vip", "negative_sentiment"] as const;

/**
 * Support triage's default policy: support approvers; refunds and credits above the settings'
 * amounts need one or two approvers; replies to VIP or angry customers go to a person.
 */
export function supportTriagePolicy(settings: SupportTriageSettings): VersionPolicy {
  return {
    approval: {
      domain: "support",
      confidence: { act: settings.thresholds.act, review: settings.thresholds.review },
      amount: {
        approveAbove: settings.refundApprovalAbove,
        twoPersonAbove: settings.refundTwoPersonAbove,
        blockAbove: null,
      },
      alwaysApprove: [],
      reviewFlags: [...SUPPORT_REVIEW_FLAGS, "strategic"],
      highRiskApprovals: 2,
      timeout: {
        hours: settings.approvals.timeoutHours,
        onTimeout: "escalate",
        escalation: settings.approvals.escalateTo.length > 0 ? [{ roles: settings.approvals.escalateTo }] : [],
      },
      maxActionsPerRun: 20,
    },
    fieldContract: defaultContractFor(["helpdesk.ticket", "helpdesk.reply"]),
    suppression: {},
  };
}
