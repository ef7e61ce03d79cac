import type { Prisma } from "../db/generated/client";
import { appendAudit } from "../audit/append-audit";
import type { Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { connectorFor } from "../connectors/registry";
import { decideAction, requiredApprovals } from "./governance-gate";
import type { LivePolicy } from "./policy-store";
import { ZProposedAction, type GateDecision } from "./policy.schemas";

export type ProposalOutcome = {
  actionId: string;
  decision: GateDecision;
  shadow: boolean;
  approvalId: string | null;
  expiresAt: Date | null;
};

const json = (v: unknown) => (v === undefined ? undefined : (v as Prisma.InputJsonValue));

/**
 * Records one proposed action and the gate's decision, and opens an approval request when
 * people must decide. The current value is read from the system of record here, so the gate
 * and the conflict check later see the truth, not what an AI step claimed.
 */
export async function proposeAction(
  tx: Tx,
  ctx: { orgId: string; runId: string; live: LivePolicy; requesterId: string | null },
  raw: unknown,
): Promise<ProposalOutcome> {
  const parsed = ZProposedAction.omit({ currentValue: true }).safeParse(raw);
  if (!parsed.success)
    throw new AppError("BAD_REQUEST", `The proposed action is invalid: ${parsed.error.issues[0]?.message}`);
  const proposal = parsed.data;
  const count = await tx.action.count({ where: { runId: ctx.runId } });
  if (count >= ctx.live.policy.approval.maxActionsPerRun) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `A run may propose at most ${ctx.live.policy.approval.maxActionsPerRun} actions.`,
    );
  }

  const ref = { orgId: ctx.orgId, recordType: proposal.recordType, recordId: proposal.recordId, field: proposal.field };
  const currentValue = await connectorFor(proposal.recordType, false).read(tx, ref);
  const gate = decideAction(ctx.live.policy, { ...proposal, currentValue });
  const approvals = gate.shadow ? 0 : requiredApprovals(gate.decision);
  const status = gate.shadow
    ? "proposed"
    : gate.decision === "block"
      ? "blocked"
      : approvals > 0
        ? "pending_approval"
        : "approved";

  const action = await tx.action.create({
    data: {
      orgId: ctx.orgId,
      runId: ctx.runId,
      kind: proposal.kind,
      recordType: proposal.recordType,
      recordId: proposal.recordId,
      field: proposal.field,
      oldValue: json(currentValue),
      newValue: json(proposal.newValue),
      finalValue: json(proposal.newValue),
      reason: proposal.reason,
      confidence: proposal.confidence,
      risk: proposal.risk,
      amount: proposal.amount,
      source: proposal.source,
      decision: gate.decision,
      decisionReasons: gate.reasons,
      status,
    },
  });
  await appendAudit(tx, {
    orgId: ctx.orgId,
    actor: { type: "ai", id: null, label: proposal.source },
    action: "action.proposed",
    targetType: proposal.recordType,
    targetId: proposal.recordId,
    data: {
      runId: ctx.runId,
      field: proposal.field,
      oldValue: currentValue,
      newValue: proposal.newValue,
      confidence: proposal.confidence,
      decision: gate.decision,
      reasons: gate.reasons.map((r) => r.code),
    },
  });
  if (status !== "pending_approval") {
    return { actionId: action.id, decision: gate.decision, shadow: gate.shadow, approvalId: null, expiresAt: null };
  }

  const expiresAt = new Date(Date.now() + ctx.live.policy.approval.timeout.hours * 3600_000);
  const approval = await tx.approvalRequest.create({
    data: {
      orgId: ctx.orgId,
      actionId: action.id,
      domain: ctx.live.policy.approval.domain,
      amount: proposal.amount,
      requiredApprovals: approvals,
      allowedRoles: ["owner", "admin", "approver"],
      excludedUserIds: [ctx.live.versionAuthorId, ...(ctx.requesterId ? [ctx.requesterId] : [])],
      // High risk (the gate's high_risk rule): approving needs a fresh 2FA code (server/approvals/step-up.ts).
      stepUpRequired: proposal.risk === "high",
      expiresAt,
    },
  });
  await appendAudit(tx, {
    orgId: ctx.orgId,
    actor: { type: "system", id: null, label: "governance gate" },
    action: "approval.requested",
    targetType: "approval",
    targetId: approval.id,
    data: { actionId: action.id, requiredApprovals: approvals, domain: approval.domain },
  });
  return { actionId: action.id, decision: gate.decision, shadow: false, approvalId: approval.id, expiresAt };
}
