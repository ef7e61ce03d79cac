import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/tenancy";
import { sameJsonValue } from "../governance/json-equal";
import type { RecordJson } from "./record-validation";

/** Who changed a record: a person by hand, AI on its own, AI after people approved, or the system. */
export type RecordActor = {
  type: "human" | "ai" | "human_approved_ai" | "system";
  id: string | null;
  /** The governed action that made the change, when there was one. */
  actionId?: string | null;
};

/** The field name RecordChange uses for a change to the whole record (create, delete). */
export const WHOLE_RECORD = "*";

export type LockedRecord = { id: string; type: string; data: RecordJson; version: number };

/**
 * Reads a record with a row lock, so the value checked (conflict detection, optimistic
 * concurrency) is the value overwritten. Null when absent (RLS hides other organisations' rows).
 */
export async function lockRecord(
  tx: Tx,
  ref: { orgId: string; type: string; id: string },
): Promise<LockedRecord | null> {
  const rows = await tx.$queryRaw<LockedRecord[]>`
    SELECT "id", "type", "data", "version" FROM "BusinessRecord"
    WHERE "id" = ${ref.id} AND "orgId" = ${ref.orgId} AND "type" = ${ref.type} FOR UPDATE`;
  return rows[0] ?? null;
}

export type FieldChange = { field: string; oldValue: unknown; newValue: unknown };

/** One change per field whose value differs (absent and null are the same). */
export function changedFields(before: RecordJson, after: RecordJson): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => !sameJsonValue(before[field], after[field]))
    .map((field) => ({ field, oldValue: before[field] ?? null, newValue: after[field] ?? null }));
}

const json = (value: unknown) => (value ?? null) as Prisma.InputJsonValue;

/** Writes the RecordChange rows (the record's history; manual ones are the human outcomes). */
export async function recordChanges(
  tx: Tx,
  input: { orgId: string; recordType: string; recordId: string; actor: RecordActor; changes: FieldChange[] },
): Promise<void> {
  if (input.changes.length === 0) return;
  await tx.recordChange.createMany({
    data: input.changes.map((c) => ({
      orgId: input.orgId,
      recordType: input.recordType,
      recordId: input.recordId,
      field: c.field,
      oldValue: json(c.oldValue),
      newValue: json(c.newValue),
      actorType: input.actor.type,
      actorId: input.actor.id,
      actionId: input.actor.actionId ?? null,
    })),
  });
}

/** Replaces a record's data, bumping its version, and records what changed. */
export async function saveRecordData(
  tx: Tx,
  input: { orgId: string; record: LockedRecord; data: RecordJson; actor: RecordActor },
): Promise<{ version: number; changes: FieldChange[] }> {
  const changes = changedFields(input.record.data, input.data);
  if (changes.length === 0) return { version: input.record.version, changes };
  const updated = await tx.businessRecord.update({
    where: { id: input.record.id },
    data: { data: input.data as Prisma.InputJsonObject, version: { increment: 1 } },
    select: { version: true },
  });
  await recordChanges(tx, {
    orgId: input.orgId,
    recordType: input.record.type,
    recordId: input.record.id,
    actor: input.actor,
    changes,
  });
  return { version: updated.version, changes };
}

/** Creates a record (with a caller-chosen id when given) and records it as one whole-record change. */
export async function insertRecord(
  tx: Tx,
  input: { orgId: string; type: string; id?: string; externalId?: string | null; data: RecordJson; actor: RecordActor },
) {
  const created = await tx.businessRecord.create({
    data: {
      ...(input.id ? { id: input.id } : {}),
      orgId: input.orgId,
      type: input.type,
      externalId: input.externalId ?? null,
      data: input.data as Prisma.InputJsonObject,
    },
  });
  await recordChanges(tx, {
    orgId: input.orgId,
    recordType: input.type,
    recordId: created.id,
    actor: input.actor,
    changes: [{ field: WHOLE_RECORD, oldValue: null, newValue: input.data }],
  });
  return created;
}

/** Deletes a record and records its last data as one whole-record change (to null). */
export async function removeRecord(
  tx: Tx,
  input: { orgId: string; record: LockedRecord; actor: RecordActor },
): Promise<void> {
  await tx.businessRecord.delete({ where: { id: input.record.id } });
  await recordChanges(tx, {
    orgId: input.orgId,
    recordType: input.record.type,
    recordId: input.record.id,
    actor: input.actor,
    changes: [{ field: WHOLE_RECORD, oldValue: input.record.data, newValue: null }],
  });
}
