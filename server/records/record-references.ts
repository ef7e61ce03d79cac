import type { z } from "zod";
import type { Tx } from "../db/tenancy";
import { recordTitle } from "./record-title";
import { isRecordType, referencedType, type RecordType } from "./record-types";
import type { ZReferences } from "./records.schemas";

type Row = { type: string; data: unknown };

/**
 * The names of the records the given rows point to (a contact's company, a ticket's queue), in
 * one query. Ids that do not resolve to a record of the expected type in this organisation are
 * left out, so the page shows them as plain ids.
 */
export async function resolveReferences(
  tx: Tx,
  orgId: string,
  rows: readonly Row[],
): Promise<z.infer<typeof ZReferences>> {
  const wanted = new Map<string, RecordType>();
  for (const row of rows) {
    if (!isRecordType(row.type)) continue;
    const data = (row.data ?? {}) as Record<string, unknown>;
    for (const [field, value] of Object.entries(data)) {
      const target = typeof value === "string" && value ? referencedType(row.type, field, data) : null;
      if (target) wanted.set(value as string, target);
    }
  }
  if (wanted.size === 0) return {};
  const found = await tx.businessRecord.findMany({
    where: { orgId, id: { in: [...wanted.keys()] } },
    select: { id: true, type: true, data: true },
  });
  const references: z.infer<typeof ZReferences> = {};
  for (const record of found) {
    const expected = wanted.get(record.id);
    if (expected && record.type === expected) {
      references[record.id] = { type: expected, title: recordTitle(expected, record.id, record.data) };
    }
  }
  return references;
}
