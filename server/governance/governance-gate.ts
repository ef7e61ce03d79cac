import {
  DEFAULT_PROTECTED_FIELDS,
  SUPPRESSED_KINDS,
  type GateDecision,
  type GateReason,
  type GateResult,
  type GovernancePolicy,
  type ProposedAction,
} from "./policy.schemas";

const SEVERITY: Record<GateDecision, number> = { auto: 0, approve_one: 1, approve_two: 2, block: 3 };

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

type Rule = (policy: GovernancePolicy, action: ProposedAction) => GateReason | null;

const reason = (decision: GateDecision, code: string, message: string): GateReason => ({ decision, code, message });

const RULES: Rule[] = [
  (p) => (p.mode === "off" ? reason("block", "workflow_off", "The workflow is off.") : null),
  (p) =>
    p.mode === "suggest" ? reason("approve_one", "suggest_mode", "In suggest mode every action needs approval.") : null,

  (p, a) => {
    const contract = p.fieldContract[a.recordType]?.[a.field];
    if (!contract) return null;
    if (contract.rule === "never")
      return reason("block", "field_never", `AI may never change ${a.recordType}.${a.field}.`);
    if (contract.rule === "suggest_only") {
      return reason("approve_one", "field_suggest_only", `AI may only suggest ${a.recordType}.${a.field}.`);
    }
    if (contract.rule === "write_if_empty" && !isEmpty(a.currentValue)) {
      return reason(
        "approve_one",
        "field_not_empty",
        `${a.recordType}.${a.field} already has a value; AI may only fill it when empty.`,
      );
    }
    return null;
  },

  (p, a) => {
    const contract = p.fieldContract[a.recordType]?.[a.field];
    const isProtected = contract?.protected ?? (DEFAULT_PROTECTED_FIELDS as readonly string[]).includes(a.field);
    if (!isProtected || isEmpty(a.currentValue)) return null;
    return reason(
      "approve_one",
      "protected_field",
      `${a.recordType}.${a.field} is protected and is never overwritten silently.`,
    );
  },

  (p, a) => {
    if (!(SUPPRESSED_KINDS as readonly string[]).includes(a.kind)) return null;
    for (const [list, entries] of Object.entries(p.suppression)) {
      const hit = a.subjects.find((s) => entries?.includes(s.trim().toLowerCase()));
      if (hit) return reason("block", "suppressed", `${hit} is on the ${list.replace(/_/g, " ")} suppression list.`);
    }
    return null;
  },

  (p, a) => {
    const { act, review } = p.approval.confidence;
    if (a.confidence < review) {
      return reason(
        "block",
        "low_confidence",
        `Confidence ${a.confidence.toFixed(2)} is below the review threshold ${review}.`,
      );
    }
    if (a.confidence < act) {
      return reason(
        "approve_one",
        "medium_confidence",
        `Confidence ${a.confidence.toFixed(2)} is below the act threshold ${act}.`,
      );
    }
    return null;
  },

  (p, a) => {
    if (a.amount === null) return null;
    const { approveAbove, twoPersonAbove, blockAbove } = p.approval.amount;
    if (blockAbove !== null && a.amount > blockAbove)
      return reason("block", "amount_blocked", `Amount ${a.amount} is above the limit ${blockAbove}.`);
    if (a.amount > twoPersonAbove)
      return reason(
        "approve_two",
        "amount_two_person",
        `Amount ${a.amount} is above ${twoPersonAbove}: two approvers.`,
      );
    if (a.amount > approveAbove)
      return reason("approve_one", "amount_approval", `Amount ${a.amount} is above ${approveAbove}.`);
    return null;
  },

  (p, a) =>
    p.approval.alwaysApprove.includes(a.kind)
      ? reason("approve_one", "kind_always_approved", `Every ${a.kind.replace(/_/g, " ")} needs approval.`)
      : null,

  (p, a) => {
    const flag = a.accountFlags.find((f) => p.approval.reviewFlags.includes(f));
    return flag ? reason("approve_one", "account_flag", `The account is flagged ${flag}.`) : null;
  },

  (p, a) =>
    a.risk === "high"
      ? reason(
          p.approval.highRiskApprovals === 2 ? "approve_two" : "approve_one",
          "high_risk",
          "The action is high risk.",
        )
      : null,
];

/**
 * The governance gate: a pure, deterministic function of the published policy and one proposed
 * action. Every rule can only make the decision stricter, so nothing in the action (which may
 * come from AI output) can widen what the policy allows. In shadow mode the decision is what
 * would have happened; the runtime records it and executes nothing.
 */
export function decideAction(policy: GovernancePolicy, action: ProposedAction): GateResult {
  const reasons = RULES.map((rule) => rule(policy, action)).filter((r): r is GateReason => r !== null);
  const decision = reasons.reduce<GateDecision>(
    (worst, r) => (SEVERITY[r.decision] > SEVERITY[worst] ? r.decision : worst),
    "auto",
  );
  return { decision, reasons, shadow: policy.mode === "shadow" };
}

export function requiredApprovals(decision: GateDecision): number {
  return decision === "approve_two" ? 2 : decision === "approve_one" ? 1 : 0;
}
