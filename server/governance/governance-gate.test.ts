import { describe, expect, it } from "vitest";
import { decideAction } from "./governance-gate";
import { ZGovernancePolicy, ZProposedAction, type GateDecision } from "./policy.schemas";

const policy = ZGovernancePolicy.parse({
  mode: "auto",
  approval: {
    domain: "finance",
    confidence: { act: 0.9, review: 0.6 },
    amount: { approveAbove: 1000, twoPersonAbove: 5000, blockAbove: 50000 },
    alwaysApprove: ["payment_release"],
  },
  fieldContract: {
    contact: {
      owner: { rule: "suggest_only", protected: true },
      industry: { rule: "write_if_empty" },
      notes: { rule: "write" },
      opt_out: { rule: "never", protected: true },
      title: { rule: "write", protected: false },
    },
  },
  suppression: { opt_out: ["gone@example.test"], competitors: ["rival.example"] },
});

const base = ZProposedAction.parse({
  kind: "field_write",
  recordType: "contact",
  recordId: "c1",
  field: "notes",
  currentValue: "old",
  newValue: "new",
  reason: "test",
  confidence: 0.95,
});

type Case = [string, Partial<typeof base>, GateDecision, string[], Partial<typeof policy>?];

const CASES: Case[] = [
  ["a confident write to a writable field", {}, "auto", []],
  ["medium confidence", { confidence: 0.7 }, "approve_one", ["medium_confidence"]],
  ["low confidence", { confidence: 0.4 }, "block", ["low_confidence"]],
  ["confidence exactly at act", { confidence: 0.9 }, "auto", []],
  ["confidence exactly at review", { confidence: 0.6 }, "approve_one", ["medium_confidence"]],
  ["a suggest-only field", { field: "owner", currentValue: null }, "approve_one", ["field_suggest_only"]],
  ["a never field", { field: "opt_out" }, "block", ["field_never", "protected_field"]],
  ["write-if-empty on an empty field", { field: "industry", currentValue: "" }, "auto", []],
  [
    "write-if-empty on a filled field",
    { field: "industry", currentValue: "Retail" },
    "approve_one",
    ["field_not_empty"],
  ],
  [
    "a default-protected field outside the contract",
    { recordType: "opportunity", field: "close_date" },
    "approve_one",
    ["protected_field"],
  ],
  ["a contract that unprotects a field", { field: "title" }, "auto", []],
  ["amount under the approval threshold", { amount: 900 }, "auto", []],
  ["amount over the approval threshold", { amount: 1500 }, "approve_one", ["amount_approval"]],
  ["amount over the two-person threshold", { amount: 6000 }, "approve_two", ["amount_two_person"]],
  ["amount over the block threshold", { amount: 60000 }, "block", ["amount_blocked"]],
  ["a payment release", { kind: "payment_release", amount: 10 }, "approve_one", ["kind_always_approved"]],
  ["a strategic account", { accountFlags: ["strategic"] }, "approve_one", ["account_flag"]],
  ["an unlisted flag", { accountFlags: ["newsletter"] }, "auto", []],
  ["high risk", { risk: "high" }, "approve_two", ["high_risk"]],
  [
    "email to an opted-out address",
    { kind: "outbound_message", subjects: ["GONE@example.test"] },
    "block",
    ["suppressed"],
  ],
  ["routing to a competitor domain", { kind: "routing_change", subjects: ["rival.example"] }, "block", ["suppressed"]],
  ["a field write about a suppressed subject", { subjects: ["gone@example.test"] }, "auto", []],
  [
    "the strictest of several reasons wins",
    { confidence: 0.7, amount: 6000 },
    "approve_two",
    ["medium_confidence", "amount_two_person"],
  ],
  ["suggest mode", {}, "approve_one", ["suggest_mode"], { mode: "suggest" }],
  ["off mode", {}, "block", ["workflow_off"], { mode: "off" }],
  ["shadow mode decides as auto would", { amount: 1500 }, "approve_one", ["amount_approval"], { mode: "shadow" }],
];

describe("decideAction", () => {
  it.each(CASES)("%s", (_label, override, decision, codes, policyOverride) => {
    const result = decideAction({ ...policy, ...policyOverride }, { ...base, ...override });
    expect(result.decision).toBe(decision);
    expect(result.reasons.map((r) => r.code)).toEqual(codes);
    expect(result.shadow).toBe(policyOverride?.mode === "shadow");
  });

  it("is deterministic", () => {
    const action = { ...base, confidence: 0.7, amount: 6000, accountFlags: ["vip"] };
    expect(decideAction(policy, action)).toEqual(decideAction(policy, action));
  });

  it("cannot be widened by anything an action carries", () => {
    // An AI-written action cannot smuggle policy: unknown keys are rejected before the gate.
    expect(() => ZProposedAction.parse({ ...base, decision: "auto", policy: { mode: "auto" } })).toThrow();
    // Every rule only tightens: a strict action stays strict whatever else it says.
    const strict = decideAction(policy, { ...base, amount: 60000, confidence: 1, risk: "low", accountFlags: [] });
    expect(strict.decision).toBe("block");
  });
});
