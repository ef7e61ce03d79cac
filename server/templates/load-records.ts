import type { Tx } from "../db/tenancy";
import { insertRecord, type RecordActor } from "../records/record-store";
import { RECORD_TYPES } from "../records/record-types";
import type { SampleRecord } from "./template-types";

const keyOf = (r: { type: string; externalId: string }) => `${r.type}/${r.externalId}`;

/**
 * Creates the records that do not exist yet (matched on type and externalId), in order, filling
 * reference fields with the ids of records created earlier in the list (or before). Loading the
 * same list twice creates nothing the second time. Each record is validated against its type.
 */
export async function loadRecords(
  tx: Tx,
  input: { orgId: string; records: readonly SampleRecord[]; actor: RecordActor },
): Promise<{ created: number; existing: number; ids: Map<string, string> }> {
  const { orgId, records } = input;
  const found = await tx.businessRecord.findMany({
    where: { orgId, externalId: { in: [...new Set(records.map((r) => r.externalId))] } },
    select: { id: true, type: true, externalId: true },
  });
  const ids = new Map(found.map((r) => [keyOf({ type: r.type, externalId: r.externalId ?? "" }), r.id]));
  let created = 0;
  let existing = 0;
  for (const record of records) {
    if (ids.has(keyOf(record))) {
      existing += 1;
      continue;
    }
    const data: Record<string, unknown> = { ...record.data };
    for (const [field, ref] of Object.entries(record.refs ?? {})) data[field] = ids.get(keyOf(ref)) ?? null;
    const row = await insertRecord(tx, {
      orgId,
      type: record.type,
      externalId: record.externalId,
      data: RECORD_TYPES[record.type].schema.parse(data),
      actor: input.actor,
    });
    ids.set(keyOf(record), row.id);
    created += 1;
  }
  return { created, existing, ids };
}
