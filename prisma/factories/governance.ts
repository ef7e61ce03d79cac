import type { VersionPolicy } from "../../server/governance/policy-store";

/**
 * A finance approval policy for tests, seeds and benchmarks: auto up to 100, one approver
 * above, two above 5,000; confidence acts at 0.9 and is reviewed from 0.5.
 */
export function financePolicy(approval: Partial<VersionPolicy["approval"]> = {}): VersionPolicy {
  return {
    approval: {
      domain: "finance",
      confidence: { act: 0.9, review: 0.5 },
      amount: { approveAbove: 100, twoPersonAbove: 5000, blockAbove: null },
      alwaysApprove: [],
      reviewFlags: [],
      highRiskApprovals: 2,
      timeout: { hours: 24, onTimeout: "escalate", escalation: [] },
      maxActionsPerRun: 10,
      ...approval,
    },
    fieldContract: {},
    suppression: {},
  };
}
