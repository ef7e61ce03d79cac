import { z } from "zod";
import { ROLES } from "../auth/permissions";

export const RISKS = ["low", "medium", "high"] as const;

export const ZInboxRequest = z
  .object({
    workflowId: z.string().min(1).max(64).optional(),
    domain: z.string().min(1).max(64).optional(),
    risk: z.enum(RISKS).optional(),
    /** How many cards to return, soonest due first; the total and the facets cover all of them. */
    limit: z.number().int().min(1).max(500).optional(),
  })
  .optional();

export const INBOX_PAGE = 10;

const ZJson = z.unknown();

export const ZGateReason = z.object({ decision: z.string(), code: z.string(), message: z.string() });

const ZPerson = z.object({ id: z.string(), label: z.string() });

export const ZApprovalItem = z.object({
  id: z.string(),
  status: z.enum(["pending", "approved", "rejected", "expired", "cancelled"]),
  domain: z.string(),
  amount: z.number().nullable(),
  requiredApprovals: z.number(),
  expiresAt: z.date(),
  createdAt: z.date(),
  workflow: z.object({ id: z.string(), name: z.string() }),
  action: z.object({
    id: z.string(),
    kind: z.string(),
    recordType: z.string(),
    recordId: z.string(),
    field: z.string(),
    oldValue: ZJson,
    newValue: ZJson,
    finalValue: ZJson,
    reason: z.string(),
    confidence: z.number(),
    risk: z.string(),
    source: z.string(),
    status: z.string(),
    decisionReasons: z.array(ZGateReason),
  }),
  /** The record the action changes, as the system of record holds it now. */
  sourceData: z.record(z.string(), ZJson).nullable(),
  decisions: z.array(
    z.object({
      approver: ZPerson,
      approve: z.boolean(),
      reason: z.string().nullable(),
      editedValue: ZJson,
      at: z.date(),
    }),
  ),
  /** Who else may still give a decision (excludes people who decided, the author and the requester). */
  stillCan: z.array(ZPerson),
  /** Why I may not decide, or null when I may. */
  myRefusal: z.string().nullable(),
  myDecision: z.object({ approve: z.boolean(), at: z.date() }).nullable(),
  /** One approver, not high risk, no step-up: may be approved together with others. */
  batchable: z.boolean(),
  /** Approving needs a fresh 2FA code from me (policy flag, or amount above my step-up limit). */
  stepUp: z.boolean(),
  /** What my decision must carry (decision-token.ts); null when I may not decide. */
  decisionToken: z.string().nullable(),
  outcome: z.enum(["waiting", "approved", "rejected", "expired", "cancelled", "executed", "rolled_back", "conflict"]),
});

export const ZInboxResponse = z.object({
  items: z.array(ZApprovalItem),
  total: z.number(),
  facets: z.object({
    workflows: z.array(z.object({ id: z.string(), name: z.string() })),
    domains: z.array(z.string()),
    risks: z.array(z.string()),
  }),
});

export const ZApprovalGetRequest = z.object({ approvalId: z.string().min(1).max(64) });

export const ZHistoryResponse = z.array(
  z.object({
    approvalId: z.string(),
    workflowName: z.string(),
    field: z.string(),
    recordType: z.string(),
    proposed: ZJson,
    executedValue: ZJson,
    approve: z.boolean(),
    reason: z.string().nullable(),
    decidedAt: z.date(),
    outcome: ZApprovalItem.shape.outcome,
  }),
);

export const ZBatchApproveRequest = z.object({
  items: z
    .array(z.object({ approvalId: z.string().min(1).max(64), decisionToken: z.string().min(1).max(200) }))
    .min(1)
    .max(50),
});

export const ZBatchApproveResponse = z.object({
  results: z.array(
    z.object({
      approvalId: z.string(),
      ok: z.boolean(),
      outcome: z.enum(["pending", "approved", "rejected"]).nullable(),
      error: z.string().nullable(),
    }),
  ),
});

export type ApprovalItem = z.infer<typeof ZApprovalItem>;
export type ApproverRole = (typeof ROLES)[number];
