import type { VersionPolicy } from "../../governance/policy-store";
import { defaultContractFor } from "../default-contract";
import type { LeadRoutingSettings } from "./settings";

/** Flags the routing steps put on an action; each sends it to a person. */
export const LEAD_REVIEW_FLAGS = ["ambiguous_identity", "domain_match", "territory_conflict"] as const;

/**
 * Lead routing's default policy: sales approvers; act on high confidence, review the middle,
 * block the rest; strategic or named accounts, ambiguous identities, suggested links to a company
 * (same domain) and territory conflicts go to a person; owners are protected by the field contract (never overwritten silently).
 */
export function leadRoutingPolicy(settings: LeadRoutingSettings): VersionPolicy {
  return {
    approval: {
      domain: "sales",
      confidence: { act: settings.thresholds.act, review: settings.thresholds.review },
      // Lead routing moves no money: amounts never appear on its actions.
      amount: { approveAbove: 0, twoPersonAbove: 0, blockAbove: null },
      alwaysApprove: [],
      reviewFlags: ["strategic", "named_account", "vip", ...LEAD_REVIEW_FLAGS],
      highRiskApprovals: 1,
      timeout: {
        hours: settings.approvals.timeoutHours,
        onTimeout: "escalate",
        escalation: settings.approvals.escalateTo.length > 0 ? [{ roles: settings.approvals.escalateTo }] : [],
      },
      maxActionsPerRun: 20,
    },
    fieldContract: defaultContractFor(["crm.company", "crm.contact", "crm.task"]),
    suppression: {},
  };
}
