import type { z } from "zod";
import type { Tx } from "../db/tenancy";
import { isRecordType, RECORD_TYPES, referencedType, type RecordType } from "./record-types";
import type { ZReferences } from "./records.schemas";

type Row = { type: string; data: unknown };

/** How a record is named: its title field, else its type and a short id. */
export function recordTitle(type: RecordType, id: string, data: unknown): string {
  const value = (data as Record<string, unknown> | null)?.[RECORD_TYPES[type].titleField];
  if (typeof value === "string" && value.trim()) return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  if (typeof value === "number") return String(value);
  return `${RECORD_TYPES[type].label} ${id.slice(0, 8)}`;
}

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
