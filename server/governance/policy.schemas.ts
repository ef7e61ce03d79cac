import { z } from "zod";
import { APPROVAL_DOMAINS } from "../auth/permissions";

/** What AI may do with one field of a record type (the field ownership contract). */
export const FIELD_RULES = ["write", "write_if_empty", "suggest_only", "never"] as const;
export const ZFieldRule = z.enum(FIELD_RULES);

export const ZFieldContract = z.record(
  z.string().min(1), // record type, e.g. "contact"
  z.record(
    z.string().min(1), // field, e.g. "owner"
    z.object({ rule: ZFieldRule, protected: z.boolean().default(false) }),
  ),
);

/** Fields protected by default whatever the contract says (product brief). */
export const DEFAULT_PROTECTED_FIELDS = [
  "owner",
  "opportunity_stage",
  "close_date",
  "forecast_category",
  "legal_notes",
  "opt_out",
  "pricing",
  "relationship_flags",
] as const;

export const WORKFLOW_MODES = ["off", "shadow", "suggest", "auto"] as const;
export const ZWorkflowMode = z.enum(WORKFLOW_MODES);

export const SUPPRESSION_LISTS = [
  "opt_out",
  "customers",
  "open_opportunities",
  "strategic_accounts",
  "competitors",
] as const;

/** Kinds of action the suppression lists guard (checked before anything reaches a person). */
export const SUPPRESSED_KINDS = ["outbound_message", "routing_change", "enrolment"] as const;

export const ACTION_KINDS = [
  "field_write",
  "create_record",
  "outbound_message",
  "routing_change",
  "enrolment",
  "payment_release",
] as const;

export const ZApprovalPolicy = z
  .object({
    domain: z.enum(APPROVAL_DOMAINS),
    confidence: z
      .object({
        /** At or above: the action may run without review (if nothing else says otherwise). */
        act: z.number().min(0).max(1),
        /** At or above (and below `act`): a person reviews. Below: blocked. */
        review: z.number().min(0).max(1),
      })
      .refine((c) => c.review <= c.act, "review threshold must not exceed act threshold"),
    amount: z
      .object({
        /** Above this, one approver. */
        approveAbove: z.number().nonnegative(),
        /** Above this, two distinct approvers. */
        twoPersonAbove: z.number().nonnegative(),
        /** Above this, blocked outright. */
        blockAbove: z.number().nonnegative().nullable().default(null),
      })
      .refine(
        (a) => a.approveAbove <= a.twoPersonAbove,
        "two-person threshold must be at least the approval threshold",
      ),
    /** Action kinds that always need approval (e.g. payment_release). */
    alwaysApprove: z.array(z.enum(ACTION_KINDS)).default([]),
    /** Account flags (strategic, vip, named_account, ...) that send an action to review. */
    reviewFlags: z.array(z.string()).default(["strategic", "vip", "named_account"]),
    /** High-risk actions need this many approvers. */
    highRiskApprovals: z.union([z.literal(1), z.literal(2)]).default(2),
    /** Approval wait: how long, what happens when nobody decides, how far it may escalate. */
    timeout: z
      .object({
        hours: z
          .number()
          .positive()
          .max(24 * 30),
        onTimeout: z.enum(["escalate", "reject"]).default("escalate"),
        escalation: z
          .array(z.object({ roles: z.array(z.enum(["owner", "admin", "approver"])).min(1) }))
          .max(3)
          .default([]),
      })
      .default({ hours: 24, onTimeout: "escalate", escalation: [{ roles: ["admin", "owner"] }] }),
    maxActionsPerRun: z.number().int().positive().max(1000).default(20),
  })
  .strict();

export const ZSuppressionLists = z.partialRecord(z.enum(SUPPRESSION_LISTS), z.array(z.string().trim().toLowerCase()));

/** The governed part of a published workflow version. */
export const ZGovernancePolicy = z.object({
  mode: ZWorkflowMode,
  approval: ZApprovalPolicy,
  fieldContract: ZFieldContract.default({}),
  suppression: ZSuppressionLists.default({}),
});

export type GovernancePolicy = z.infer<typeof ZGovernancePolicy>;

export const RISKS = ["low", "medium", "high"] as const;

/** A proposed write. `currentValue` is read from the system of record, never taken from AI output. */
export const ZProposedAction = z
  .object({
    kind: z.enum(ACTION_KINDS),
    recordType: z.string().min(1).max(64),
    recordId: z.string().min(1).max(128),
    field: z.string().min(1).max(64),
    currentValue: z.unknown(),
    newValue: z.unknown(),
    reason: z.string().max(2000),
    confidence: z.number().min(0).max(1),
    risk: z.enum(RISKS).default("low"),
    amount: z.number().nonnegative().nullable().default(null),
    accountFlags: z.array(z.string()).default([]),
    /** Who an outbound message, routing change or enrolment concerns: emails, domains, account ids. */
    subjects: z.array(z.string()).default([]),
    source: z.string().max(200).default("ai"),
  })
  .strict();

export type ProposedAction = z.infer<typeof ZProposedAction>;

export const GATE_DECISIONS = ["auto", "approve_one", "approve_two", "block"] as const;
export type GateDecision = (typeof GATE_DECISIONS)[number];

export type GateReason = { code: string; message: string; decision: GateDecision };
export type GateResult = { decision: GateDecision; reasons: GateReason[]; shadow: boolean };
