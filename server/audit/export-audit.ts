import type { Tx } from "../db/tenancy";
import { presentAuditEntry } from "./list-audit";

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
    .map((r) => {
      const { id: _id, ...entry } = presentAuditEntry(r);
      return JSON.stringify({ ...entry, createdAt: entry.createdAt.toISOString() });
    })
    .join("\n");
  const day = new Date().toISOString().slice(0, 10);
  return { filename: `audit-${day}.jsonl`, content: content ? `${content}\n` : "", entries: rows.length };
}
