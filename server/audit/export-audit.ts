import type { Tx } from "../db/tenancy";

export const AUDIT_EXPORT_LIMIT = 50_000;

/**
 * The organisation's chain as JSON Lines, oldest first, with each entry's hash and its link to
 * the previous one, so the export can be verified outside Handrail.
 */
export async function exportAudit(
  tx: Tx,
  orgId: string,
): Promise<{ filename: string; content: string; entries: number }> {
  const rows = await tx.auditEntry.findMany({ where: { orgId }, orderBy: { seq: "asc" }, take: AUDIT_EXPORT_LIMIT });
  const content = rows
    .map((r) =>
      JSON.stringify({
        seq: r.seq,
        createdAt: r.createdAt.toISOString(),
        actorType: r.actorType,
        actorId: r.actorId,
        actorLabel: r.actorLabel,
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        outcome: r.outcome,
        data: r.data,
        ip: r.ip,
        prevHash: r.prevHash,
        hash: r.hash,
      }),
    )
    .join("\n");
  const day = new Date().toISOString().slice(0, 10);
  return { filename: `audit-${day}.jsonl`, content: content ? `${content}\n` : "", entries: rows.length };
}
