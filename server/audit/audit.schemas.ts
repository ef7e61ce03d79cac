import { z } from "zod";

/** Every kind of audit entry and the shape of its `data`. The UI's filter list reads this too. */
export const AUDIT_ACTIONS = {
  "auth.sign_up": z.object({ email: z.string() }),
  "auth.sign_in": z.object({ method: z.enum(["password", "password+totp", "password+recovery_code"]) }),
  "auth.sign_out": z.object({}),
  "auth.sign_in_failed": z.object({ email: z.string(), reason: z.string() }),
  "auth.sign_in_rate_limited": z.object({ email: z.string(), retryAfterSeconds: z.number() }),
  "auth.two_factor_enabled": z.object({}),
  "auth.two_factor_disabled": z.object({}),
  "auth.recovery_codes_regenerated": z.object({}),
  "auth.recovery_code_used": z.object({ remaining: z.number() }),
  "org.created": z.object({ name: z.string(), slug: z.string() }),
  "org.security_updated": z.object({ requireTwoFactorForPrivileged: z.boolean() }),
  "invitation.created": z.object({ email: z.string(), role: z.string() }),
  "invitation.revoked": z.object({ email: z.string() }),
  "invitation.accepted": z.object({ email: z.string(), role: z.string() }),
  "invitation.refused": z.object({ reason: z.string() }),
  "member.role_changed": z.object({
    email: z.string(),
    from: z.string(),
    to: z.string(),
    approvalDomains: z.array(z.string()).optional(),
    approvalLimit: z.number().nullable().optional(),
    stepUpLimit: z.number().nullable().optional(),
  }),
  "member.removed": z.object({ email: z.string(), role: z.string() }),
  "member.change_denied": z.object({ email: z.string().optional(), attempted: z.string(), reason: z.string() }),
  "access.denied": z.object({ procedure: z.string(), permission: z.string() }),
  "workflow.created": z.object({ name: z.string(), templateKey: z.string() }),
  "workflow.version_created": z.object({ number: z.number() }),
  "workflow.version_published": z.object({ number: z.number(), authorId: z.string() }),
  "workflow.mode_changed": z.object({ from: z.string(), to: z.string() }),
  "workflow.paused": z.object({ scope: z.enum(["workflow", "organization"]) }),
  "workflow.resumed": z.object({ scope: z.enum(["workflow", "organization"]), replayed: z.number() }),
  "sample_data.loaded": z.object({ templateKey: z.string(), created: z.number(), existing: z.number() }),
  "action.proposed": z.object({
    runId: z.string(),
    field: z.string(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    confidence: z.number(),
    decision: z.string(),
    reasons: z.array(z.string()),
  }),
  "action.executed": z.object({
    runId: z.string(),
    field: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    proposed: z.unknown(),
    shadow: z.boolean(),
  }),
  "action.conflict": z.object({ field: z.string(), expected: z.unknown(), found: z.unknown() }),
  "action.cancelled": z.object({ reason: z.string() }),
  "action.rolled_back": z.object({ field: z.string(), restored: z.unknown(), replaced: z.unknown() }),
  "approval.requested": z.object({ actionId: z.string(), requiredApprovals: z.number(), domain: z.string() }),
  "approval.decided": z.object({
    approve: z.boolean(),
    reason: z.string().nullable(),
    proposed: z.unknown(),
    edited: z.unknown(),
    outcome: z.enum(["pending", "approved", "rejected"]),
    /** The approver gave a fresh 2FA code (high-risk request, or amount above their step-up limit). */
    stepUp: z.boolean().optional(),
  }),
  "approval.refused": z.object({ reason: z.string() }),
  "push.subscribed": z.object({ devices: z.number() }),
  "push.unsubscribed": z.object({ devices: z.number() }),
  "approval.escalated": z.object({ level: z.number() }),
  "approval.expired": z.object({ onTimeout: z.string() }),
  "record.created": z.object({ recordType: z.string(), data: z.unknown() }),
  "record.updated": z.object({
    recordType: z.string(),
    version: z.number(),
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  }),
  "record.deleted": z.object({ recordType: z.string(), data: z.unknown() }),
  "field_contract.updated": z.object({
    recordType: z.string(),
    field: z.string(),
    rule: z.string(),
    protected: z.boolean(),
    previous: z.object({ rule: z.string(), protected: z.boolean() }),
  }),
  "field_contract.reset": z.object({ recordType: z.string(), fields: z.array(z.string()) }),
  "suppression.added": z.object({ list: z.string(), values: z.array(z.string()) }),
  "suppression.removed": z.object({ list: z.string(), values: z.array(z.string()) }),
  "ai.settings_updated": z.object({ provider: z.string(), model: z.string().nullable(), keyChanged: z.boolean() }),
  "ai.budget_exceeded": z.object({ scope: z.string(), period: z.string(), task: z.string() }),
  "ai.budget_set": z.object({
    workflowId: z.string().nullable(),
    period: z.string(),
    maxTokens: z.number().nullable(),
    maxCostUsd: z.number().nullable(),
  }),
  "ai.budget_removed": z.object({ workflowId: z.string().nullable(), period: z.string() }),
  "ai.example_added": z.object({ task: z.string(), label: z.string().nullable() }),
  "intake.secret_rotated": z.object({ endpointId: z.string(), created: z.boolean() }),
  "intake.api_key_created": z.object({
    name: z.string(),
    prefix: z.string(),
    workflowId: z.string().nullable(),
    scopes: z.array(z.string()),
    expiresAt: z.string().nullable(),
  }),
  "intake.api_key_revoked": z.object({ name: z.string(), prefix: z.string() }),
  "intake.item_accepted": z.object({
    workflowId: z.string(),
    channel: z.string(),
    kind: z.string(),
    attachments: z.number(),
  }),
  "intake.items_resent": z.object({ pending: z.number(), sent: z.number() }),
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export const ACTOR_TYPES = ["human", "ai", "human_approved_ai", "system"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export type AuditActor = { type: ActorType; id: string | null; label: string | null };

export type AuditInput<A extends AuditAction = AuditAction> = {
  orgId: string | null;
  actor: AuditActor;
  action: A;
  data: z.input<(typeof AUDIT_ACTIONS)[A]>;
  targetType?: string;
  targetId?: string;
  outcome?: "success" | "denied" | "failure";
  ip?: string | null;
};

export const ZListAuditRequest = z.object({
  action: z.enum(AUDIT_ACTION_NAMES as [AuditAction, ...AuditAction[]]).optional(),
  actorQuery: z.string().trim().max(200).optional(),
  outcome: z.enum(["success", "denied", "failure"]).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.string().regex(/^\d+$/).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const ZAuditEntry = z.object({
  id: z.string(),
  seq: z.number(),
  actorType: z.enum(ACTOR_TYPES),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.string(),
  data: z.unknown(),
  ip: z.string().nullable(),
  createdAt: z.date(),
  hash: z.string(),
});

export const ZListAuditResponse = z.object({
  entries: z.array(ZAuditEntry),
  nextCursor: z.string().nullable(),
});

export const ZVerifyAuditResponse = z.object({
  ok: z.boolean(),
  checked: z.number(),
  problems: z.array(
    z.object({
      seq: z.number(),
      kind: z.enum(["hash_mismatch", "broken_link", "missing_entries", "truncated"]),
      detail: z.string(),
    }),
  ),
});
