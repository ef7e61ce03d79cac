import type { Tx } from "../db/tenancy";

/** Pending requests of the organisation, soonest due first, with the action they govern. */
export async function listPendingApprovals(tx: Tx, orgId: string) {
  const rows = await tx.approvalRequest.findMany({
    where: { orgId, status: "pending" },
    include: { action: true, decisions: { select: { approverId: true, approve: true, createdAt: true } } },
    orderBy: { expiresAt: "asc" },
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    domain: r.domain,
    amount: r.amount === null ? null : Number(r.amount),
    requiredApprovals: r.requiredApprovals,
    approvals: r.decisions.filter((d) => d.approve).length,
    decidedBy: r.decisions.map((d) => d.approverId),
    expiresAt: r.expiresAt,
    escalationLevel: r.escalationLevel,
    action: {
      id: r.action.id,
      recordType: r.action.recordType,
      recordId: r.action.recordId,
      field: r.action.field,
      oldValue: r.action.oldValue,
      newValue: r.action.newValue,
      reason: r.action.reason,
      confidence: r.action.confidence,
      risk: r.action.risk,
      decisionReasons: r.action.decisionReasons,
    },
  }));
}
