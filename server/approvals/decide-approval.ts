import type { z } from "zod";
import type { Prisma } from "../db/generated/client";
import { appendAudit } from "../audit/append-audit";
import type { AuditActor } from "../audit/audit.schemas";
import type { Role } from "../auth/permissions";
import { assertValidProposedValue } from "../records/record-validation";
import { withScope, type Tx } from "../db/tenancy";
import { AppError } from "../errors";
import type { ZDecideApprovalRequest, ZDecideApprovalResponse } from "./approval.schemas";
import { needsStepUp, verifyStepUp } from "./step-up";

export type Approver = {
  orgId: string;
  userId: string;
  role: Role;
  approvalDomains: string[];
  approvalLimit: number | null;
  actor: AuditActor;
};

type Request = { domain: string; amount: unknown; allowedRoles: Role[]; excludedUserIds: string[] };

/** Why this person may not decide this request, or null. */
export function refuseApprover(approver: Approver, request: Request): string | null {
  if (request.excludedUserIds.includes(approver.userId)) {
    return "You cannot approve a request you caused or a workflow version you wrote.";
  }
  if (!request.allowedRoles.includes(approver.role))
    return "Your role cannot decide this request at its current escalation level.";
  if (approver.role === "approver") {
    if (!approver.approvalDomains.includes(request.domain))
      return `You do not approve in the ${request.domain} domain.`;
    const amount = request.amount === null ? null : Number(request.amount);
    if (amount !== null && (approver.approvalLimit === null || amount > approver.approvalLimit)) {
      return `The amount ${amount} is above your approval limit.`;
    }
  }
  return null;
}

/** The approver's own step-up limit (amounts above it need a fresh 2FA code), or null. */
async function stepUpLimitOf(tx: Tx, approver: Approver): Promise<number | null> {
  const m = await tx.membership.findUnique({
    where: { orgId_userId: { orgId: approver.orgId, userId: approver.userId } },
    select: { stepUpLimit: true },
  });
  return m?.stepUpLimit == null ? null : Number(m.stepUpLimit);
}

type Result = z.infer<typeof ZDecideApprovalResponse>;
type RefusalCode = "FORBIDDEN" | "CONFLICT" | "BAD_REQUEST" | "PRECONDITION_FAILED" | "TOO_MANY_REQUESTS";
type Outcome = { ok: true; result: Result; settled: boolean } | { ok: false; reason: string; code: RefusalCode };

async function refuse(
  tx: Tx,
  approver: Approver,
  approvalId: string,
  reason: string,
  code: RefusalCode,
): Promise<Outcome> {
  await appendAudit(tx, {
    orgId: approver.orgId,
    actor: approver.actor,
    action: "approval.refused",
    outcome: "denied",
    targetType: "approval",
    targetId: approvalId,
    data: { reason },
  });
  return { ok: false, reason, code };
}

/**
 * Records one person's decision. The request row is locked, so concurrent decisions are applied
 * one at a time: a quorum is reached exactly once, a rejection ends it, nobody decides twice.
 * Returns `settled` when this decision closed the request (the caller then wakes the run).
 */
export async function decideApproval(approver: Approver, input: z.infer<typeof ZDecideApprovalRequest>) {
  const outcome = await withScope({ orgId: approver.orgId, userId: approver.userId }, async (tx): Promise<Outcome> => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "ApprovalRequest" WHERE "id" = ${input.approvalId} AND "orgId" = ${approver.orgId} FOR UPDATE`;
    if (!rows[0]) throw new AppError("NOT_FOUND", "That approval request was not found.");
    const request = await tx.approvalRequest.findUniqueOrThrow({
      where: { id: input.approvalId },
      include: { decisions: true, action: true },
    });
    if (request.status !== "pending")
      return refuse(tx, approver, request.id, `This request is already ${request.status}.`, "CONFLICT");
    if (request.expiresAt <= new Date())
      return refuse(tx, approver, request.id, "This request has expired.", "CONFLICT");
    if (request.decisions.some((d) => d.approverId === approver.userId)) {
      return refuse(
        tx,
        approver,
        request.id,
        "You have already decided this request; a second approval must come from someone else.",
        "CONFLICT",
      );
    }
    const refusal = refuseApprover(approver, request);
    if (refusal) return refuse(tx, approver, request.id, refusal, "FORBIDDEN");
    const stepUp = input.approve && needsStepUp(request, await stepUpLimitOf(tx, approver));
    if (stepUp) {
      try {
        await verifyStepUp(approver.userId, input.totpCode);
      } catch (error) {
        if (error instanceof AppError && error.code !== "NOT_FOUND" && error.code !== "UNAUTHORIZED")
          return refuse(tx, approver, request.id, error.message, error.code);
        throw error;
      }
    }

    // An edit is validated like any input to that field: a bad value is refused, nothing is lost.
    if (input.editedValue !== undefined)
      assertValidProposedValue(request.action.recordType, request.action.field, input.editedValue);

    await tx.approvalDecision.create({
      data: {
        orgId: approver.orgId,
        approvalRequestId: request.id,
        approverId: approver.userId,
        approve: input.approve,
        editedValue: input.editedValue === undefined ? undefined : (input.editedValue as Prisma.InputJsonValue),
        reason: input.reason ?? null,
      },
    });
    const approvals = request.decisions.filter((d) => d.approve).length + (input.approve ? 1 : 0);
    const status = !input.approve ? "rejected" : approvals >= request.requiredApprovals ? "approved" : "pending";
    if (input.editedValue !== undefined) {
      await tx.action.update({
        where: { id: request.actionId },
        data: { finalValue: input.editedValue as Prisma.InputJsonValue },
      });
    }
    if (status !== "pending") {
      await tx.approvalRequest.update({ where: { id: request.id }, data: { status, decidedAt: new Date() } });
      await tx.action.update({ where: { id: request.actionId }, data: { status } });
    }
    await appendAudit(tx, {
      orgId: approver.orgId,
      actor: approver.actor,
      action: "approval.decided",
      targetType: "approval",
      targetId: request.id,
      data: {
        approve: input.approve,
        reason: input.reason ?? null,
        proposed: request.action.newValue,
        edited: input.editedValue ?? null,
        outcome: status,
        ...(stepUp ? { stepUp: true } : {}),
      },
    });
    return {
      ok: true,
      result: { outcome: status, approvals, required: request.requiredApprovals },
      settled: status !== "pending",
    };
  });
  if (!outcome.ok) throw new AppError(outcome.code, outcome.reason);
  return outcome;
}
