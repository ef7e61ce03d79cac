import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { refuseApprover as refuseWithActor, type Approver } from "./decide-approval";
import { issueDecisionToken } from "./decision-token";
import { INBOX_PAGE, type ApprovalItem, type ZInboxRequest } from "./inbox.schemas";
import { needsStepUp } from "./step-up";
import type { z } from "zod";

/** The person looking at the inbox, as the decision rules see them. */
export type Viewer = Omit<Approver, "actor">;

const INCLUDE = {
  decisions: { orderBy: { createdAt: "asc" } },
  action: { include: { execution: true, run: { select: { workflow: { select: { id: true, name: true } } } } } },
} as const satisfies Prisma.ApprovalRequestInclude;

/** The decision rules read no actor; reading needs none. */
export const refuseApprover = (viewer: Viewer, request: Parameters<typeof refuseWithActor>[1]) =>
  refuseWithActor({ ...viewer, actor: { type: "system", id: null, label: null } }, request);

type Row = Prisma.ApprovalRequestGetPayload<{ include: typeof INCLUDE }>;
type Member = { userId: string; label: string; approver: Viewer; stepUpLimit: number | null };
type Context = { viewer: Viewer; members: Map<string, Member>; records: Map<string, Record<string, unknown>> };

async function loadContext(tx: Tx, viewer: Viewer, rows: Row[]): Promise<Context> {
  const memberships = await tx.membership.findMany({
    where: { orgId: viewer.orgId },
    include: { user: { select: { id: true, email: true, name: true } } },
  });
  const members = new Map<string, Member>(
    memberships.map((m) => [
      m.userId,
      {
        userId: m.userId,
        label: m.user.name ? `${m.user.name} (${m.user.email})` : m.user.email,
        approver: {
          orgId: viewer.orgId,
          userId: m.userId,
          role: m.role,
          approvalDomains: m.approvalDomains,
          approvalLimit: m.approvalLimit === null ? null : Number(m.approvalLimit),
        },
        stepUpLimit: m.stepUpLimit === null ? null : Number(m.stepUpLimit),
      },
    ]),
  );
  const ids = [...new Set(rows.map((r) => r.action.recordId))];
  const records = await tx.businessRecord.findMany({
    where: { orgId: viewer.orgId, id: { in: ids } },
    select: { id: true, data: true },
  });
  return { viewer, members, records: new Map(records.map((r) => [r.id, r.data as Record<string, unknown>])) };
}

export function outcomeOf(row: {
  status: string;
  action: { status: string; execution: { rolledBackAt: Date | null } | null };
}): ApprovalItem["outcome"] {
  if (row.action.execution?.rolledBackAt) return "rolled_back";
  if (row.action.status === "executed") return "executed";
  if (row.action.status === "conflict") return "conflict";
  if (row.status === "pending") return "waiting";
  return row.status as ApprovalItem["outcome"];
}

const person = (ctx: Context, userId: string) => ({
  id: userId,
  label: ctx.members.get(userId)?.label ?? "a former member",
});

function toItem(row: Row, ctx: Context): ApprovalItem {
  const mine = row.decisions.find((d) => d.approverId === ctx.viewer.userId);
  const decided = new Set(row.decisions.map((d) => d.approverId));
  const refusal = refuseApprover(ctx.viewer, row);
  const myRefusal =
    row.status !== "pending"
      ? `This request is ${row.status}.`
      : mine
        ? "You have already decided this request; a second approval must come from someone else."
        : refusal;
  const stillCan =
    row.status === "pending"
      ? [...ctx.members.values()]
          .filter((m) => !decided.has(m.userId) && refuseApprover(m.approver, row) === null)
          .map((m) => person(ctx, m.userId))
      : [];
  const a = row.action;
  const stepUp = needsStepUp(row, ctx.members.get(ctx.viewer.userId)?.stepUpLimit ?? null);
  const binding = { orgId: ctx.viewer.orgId, approvalId: row.id, userId: ctx.viewer.userId };
  return {
    id: row.id,
    status: row.status,
    domain: row.domain,
    amount: row.amount === null ? null : Number(row.amount),
    requiredApprovals: row.requiredApprovals,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    workflow: a.run.workflow,
    action: {
      id: a.id,
      kind: a.kind,
      recordType: a.recordType,
      recordId: a.recordId,
      field: a.field,
      oldValue: a.oldValue,
      newValue: a.newValue,
      finalValue: a.finalValue,
      reason: a.reason,
      confidence: a.confidence,
      risk: a.risk,
      source: a.source,
      status: a.status,
      decisionReasons: Array.isArray(a.decisionReasons)
        ? (a.decisionReasons as ApprovalItem["action"]["decisionReasons"])
        : [],
    },
    sourceData: ctx.records.get(a.recordId) ?? null,
    decisions: row.decisions.map((d) => ({
      approver: person(ctx, d.approverId),
      approve: d.approve,
      reason: d.reason,
      editedValue: d.editedValue,
      at: d.createdAt,
    })),
    stillCan,
    myRefusal,
    myDecision: mine ? { approve: mine.approve, at: mine.createdAt } : null,
    batchable: row.requiredApprovals === 1 && a.risk !== "high" && !stepUp,
    stepUp,
    decisionToken: myRefusal === null ? issueDecisionToken(binding, row.expiresAt) : null,
    outcome: outcomeOf(row),
  };
}

/**
 * Pending requests this person may decide (or has approved and waits on a second person), soonest
 * due first. Eligibility, facets and the total are computed on a light query over all of them;
 * only the requested page is loaded in full, so a phone gets its first cards fast.
 */
export async function listInbox(tx: Tx, viewer: Viewer, filters: z.infer<typeof ZInboxRequest>) {
  const light = await tx.approvalRequest.findMany({
    where: { orgId: viewer.orgId, status: "pending" },
    select: {
      id: true,
      domain: true,
      amount: true,
      allowedRoles: true,
      excludedUserIds: true,
      action: { select: { risk: true, run: { select: { workflow: { select: { id: true, name: true } } } } } },
    },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  const mine = light.filter((r) => refuseApprover(viewer, r) === null);
  const workflows = new Map(mine.map((r) => [r.action.run.workflow.id, r.action.run.workflow]));
  const facets = {
    workflows: [...workflows.values()].sort((a, b) => a.name.localeCompare(b.name)),
    domains: [...new Set(mine.map((r) => r.domain))].sort(),
    risks: [...new Set(mine.map((r) => r.action.risk))].sort(),
  };
  const matching = mine.filter(
    (r) =>
      (!filters?.workflowId || r.action.run.workflow.id === filters.workflowId) &&
      (!filters?.domain || r.domain === filters.domain) &&
      (!filters?.risk || r.action.risk === filters.risk),
  );
  const pageIds = matching.slice(0, filters?.limit ?? INBOX_PAGE).map((r) => r.id);
  const rows = await tx.approvalRequest.findMany({
    where: { orgId: viewer.orgId, id: { in: pageIds } },
    include: INCLUDE,
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
  });
  const ctx = await loadContext(tx, viewer, rows);
  return { items: rows.map((r) => toItem(r, ctx)), total: matching.length, facets };
}

/** One request in any state: what a deep link opens. Reading never decides anything. */
export async function getApproval(tx: Tx, viewer: Viewer, approvalId: string): Promise<ApprovalItem> {
  const row = await tx.approvalRequest.findFirst({ where: { id: approvalId, orgId: viewer.orgId }, include: INCLUDE });
  if (!row) throw new AppError("NOT_FOUND", "That approval request was not found.");
  return toItem(row, await loadContext(tx, viewer, [row]));
}

/** What I decided, newest first, and what happened after. */
export async function listMyDecisions(tx: Tx, viewer: Viewer) {
  const decisions = await tx.approvalDecision.findMany({
    where: { orgId: viewer.orgId, approverId: viewer.userId },
    include: { request: { include: INCLUDE } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return decisions.map((d) => ({
    approvalId: d.approvalRequestId,
    workflowName: d.request.action.run.workflow.name,
    field: d.request.action.field,
    recordType: d.request.action.recordType,
    proposed: d.request.action.newValue,
    executedValue: d.request.action.execution?.after ?? null,
    approve: d.approve,
    reason: d.reason,
    decidedAt: d.createdAt,
    outcome: outcomeOf(d.request),
  }));
}

/**
 * Edit before approve: the edited value must have the proposal's type, and a text value may
 * not be blank, so what executes is as valid as what was proposed.
 */
export async function checkEditedValue(tx: Tx, orgId: string, approvalId: string, edited: unknown): Promise<void> {
  if (edited === undefined) return;
  const request = await tx.approvalRequest.findFirst({
    where: { id: approvalId, orgId },
    include: { action: { select: { newValue: true } } },
  });
  if (!request) throw new AppError("NOT_FOUND", "That approval request was not found.");
  const proposed = request.action.newValue;
  if (proposed !== null && typeof proposed !== typeof edited) {
    throw new AppError("BAD_REQUEST", `The edited value must be a ${typeof proposed}, like the proposal.`);
  }
  if (typeof edited === "string" && edited.trim() === "")
    throw new AppError("BAD_REQUEST", "The edited value cannot be empty.");
  if (typeof edited === "number" && !Number.isFinite(edited))
    throw new AppError("BAD_REQUEST", "The edited value must be a number.");
}

/** Only single-approver, non-high-risk requests may be approved in a batch. */
export async function refuseBatch(tx: Tx, viewer: Viewer, approvalIds: string[]): Promise<Map<string, string>> {
  const orgId = viewer.orgId;
  const me = await tx.membership.findUnique({
    where: { orgId_userId: { orgId, userId: viewer.userId } },
    select: { stepUpLimit: true },
  });
  const stepUpLimit = me?.stepUpLimit == null ? null : Number(me.stepUpLimit);
  const rows = await tx.approvalRequest.findMany({
    where: { orgId, id: { in: approvalIds } },
    select: {
      id: true,
      requiredApprovals: true,
      stepUpRequired: true,
      amount: true,
      action: { select: { risk: true } },
    },
  });
  const found = new Map(rows.map((r) => [r.id, r]));
  const refused = new Map<string, string>();
  for (const id of approvalIds) {
    const row = found.get(id);
    if (!row) refused.set(id, "That approval request was not found.");
    else if (row.requiredApprovals > 1) refused.set(id, "It needs two people, so it cannot be approved in a batch.");
    else if (row.action.risk === "high") refused.set(id, "It is high risk, so it cannot be approved in a batch.");
    else if (needsStepUp(row, stepUpLimit))
      refused.set(id, "It needs a fresh two-factor code, so it cannot be approved in a batch.");
  }
  return refused;
}
