import { appendAudit } from "../audit/append-audit";
import { withScope } from "../db/tenancy";
import type { GovernancePolicy } from "../governance/policy.schemas";
import { notifyEscalated, notifyExpired } from "./notify";

export type TimeoutOutcome =
  | { kind: "escalated"; expiresAt: Date }
  | { kind: "expired" }
  | { kind: "already"; status: "approved" | "rejected" | "expired" | "cancelled" };

/**
 * Called when a run's wait for a decision times out. If the request was decided meanwhile (its
 * event lost), that decision stands; otherwise it escalates to the next group, bounded by the
 * policy, and past the last group it expires (the action is not executed).
 */
export async function handleApprovalTimeout(
  orgId: string,
  approvalId: string,
  timeout: GovernancePolicy["approval"]["timeout"],
  /** The escalation level whose wait ran out: a retried step finds the request past it, and changes nothing. */
  atLevel?: number,
): Promise<TimeoutOutcome> {
  const outcome = await settleTimeout(orgId, approvalId, timeout, atLevel);
  // After the commit, so nobody hears of a change that rolled back; each notice goes out once
  // per level (dedupe keys), so a retried step does not notify twice.
  if (outcome.kind === "escalated") await notifyEscalated(orgId, approvalId);
  if (outcome.kind === "expired") await notifyExpired(orgId, approvalId);
  return outcome;
}

async function settleTimeout(
  orgId: string,
  approvalId: string,
  timeout: GovernancePolicy["approval"]["timeout"],
  atLevel: number | undefined,
): Promise<TimeoutOutcome> {
  return withScope({ orgId }, async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "ApprovalRequest" WHERE "id" = ${approvalId} FOR UPDATE`;
    const request = await tx.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } });
    if (request.status === "expired") return { kind: "expired" };
    if (request.status !== "pending") return { kind: "already", status: request.status };
    // A retried step after its escalation committed: the new level's wait stands.
    if (atLevel !== undefined && request.escalationLevel > atLevel) {
      return { kind: "escalated", expiresAt: request.expiresAt };
    }
    const next = timeout.escalation[request.escalationLevel];
    const actor = { type: "system" as const, id: null, label: "approval timer" };
    if (timeout.onTimeout === "escalate" && next) {
      const expiresAt = new Date(Date.now() + timeout.hours * 3600_000);
      await tx.approvalRequest.update({
        where: { id: approvalId },
        data: { escalationLevel: { increment: 1 }, allowedRoles: next.roles, expiresAt },
      });
      await appendAudit(tx, {
        orgId,
        actor,
        action: "approval.escalated",
        targetType: "approval",
        targetId: approvalId,
        data: { level: request.escalationLevel + 1 },
      });
      return { kind: "escalated", expiresAt };
    }
    await tx.approvalRequest.update({ where: { id: approvalId }, data: { status: "expired", decidedAt: new Date() } });
    await tx.action.update({ where: { id: request.actionId }, data: { status: "expired" } });
    await appendAudit(tx, {
      orgId,
      actor,
      action: "approval.expired",
      targetType: "approval",
      targetId: approvalId,
      data: { onTimeout: timeout.onTimeout },
    });
    return { kind: "expired" };
  });
}

/** The request's status now: a run re-reads it in case a decision came before its wait began. */
export async function approvalStatus(orgId: string, approvalId: string) {
  const request = await withScope({ orgId }, (tx) =>
    tx.approvalRequest.findUniqueOrThrow({ where: { id: approvalId }, select: { status: true } }),
  );
  return request.status;
}
