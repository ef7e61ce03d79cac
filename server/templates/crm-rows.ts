import type { Tx } from "../db/tenancy";
import type { RecordType } from "../records/record-types";
import type { CrmRow } from "./lead-routing/identity";

/** Records of a type, optionally where one JSON field equals a value (the built-in store's lookups). */
export async function recordsOf(
  tx: Tx,
  orgId: string,
  type: RecordType,
  where?: { field: string; equals: string | number | boolean },
): Promise<CrmRow[]> {
  const rows = await tx.businessRecord.findMany({
    where: { orgId, type, ...(where ? { data: { path: [where.field], equals: where.equals } } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true, data: true },
    take: 500,
  });
  return rows.map((r) => ({ id: r.id, data: (r.data ?? {}) as Record<string, unknown> }));
}
