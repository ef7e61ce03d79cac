import type { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import type { AuditActor } from "../audit/audit.schemas";
import type { Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { resolveReferences } from "./record-references";
import { insertRecord, lockRecord, removeRecord, saveRecordData, type RecordActor } from "./record-store";
import { RECORD_TYPES, type RecordType } from "./record-types";
import { pickKnown, validateRecordData } from "./record-validation";
import type {
  ZCreateRecordRequest,
  ZDeleteRecordRequest,
  ZGetRecordResponse,
  ZRecord,
  ZUpdateRecordRequest,
  ZUpdateRecordResponse,
} from "./records.schemas";

/** A person working a system of record by hand: their changes are the human outcomes. */
export type RecordContext = { orgId: string; actor: AuditActor & { type: "human" } };

type RecordRow = z.infer<typeof ZRecord>;

const humanActor = (ctx: RecordContext): RecordActor => ({ type: "human", id: ctx.actor.id });

async function findRecord(tx: Tx, orgId: string, type: RecordType, id: string): Promise<RecordRow> {
  const row = await tx.businessRecord.findFirst({ where: { id, orgId, type } });
  if (!row) throw new AppError("NOT_FOUND", `That ${RECORD_TYPES[type].label.toLowerCase()} was not found.`);
  return { ...row, type, data: row.data as Record<string, unknown> };
}

export async function getRecord(
  tx: Tx,
  orgId: string,
  ref: { type: RecordType; id: string },
): Promise<z.infer<typeof ZGetRecordResponse>> {
  const record = await findRecord(tx, orgId, ref.type, ref.id);
  return { record, references: await resolveReferences(tx, orgId, [record]) };
}

export async function createRecord(
  tx: Tx,
  ctx: RecordContext,
  input: z.infer<typeof ZCreateRecordRequest> & { externalId?: string | null },
): Promise<RecordRow> {
  const data = validateRecordData(input.type, input.data);
  const created = await insertRecord(tx, {
    orgId: ctx.orgId,
    type: input.type,
    externalId: input.externalId ?? null,
    data,
    actor: humanActor(ctx),
  });
  await appendAudit(tx, {
    orgId: ctx.orgId,
    actor: ctx.actor,
    action: "record.created",
    targetType: input.type,
    targetId: created.id,
    data: { recordType: input.type, data },
  });
  return { ...created, type: input.type, data };
}

function staleEdit(type: RecordType, yours: number, current: number): AppError {
  const label = RECORD_TYPES[type].label.toLowerCase();
  return new AppError(
    "CONFLICT",
    `This ${label} was changed by someone else after you opened it (your version ${yours}, now ${current}). ` +
      "Nothing was saved: load their changes, check your edits, then save again.",
  );
}

/**
 * Saves a person's edit of some fields. Optimistic concurrency: the edit names the version it
 * started from, and a newer stored version refuses it (nothing is written, so nothing is lost).
 */
export async function updateRecord(
  tx: Tx,
  ctx: RecordContext,
  input: z.infer<typeof ZUpdateRecordRequest>,
): Promise<z.infer<typeof ZUpdateRecordResponse>> {
  const record = await lockRecord(tx, { orgId: ctx.orgId, type: input.type, id: input.id });
  if (!record) throw new AppError("NOT_FOUND", `That ${RECORD_TYPES[input.type].label.toLowerCase()} was not found.`);
  if (record.version !== input.version) throw staleEdit(input.type, input.version, record.version);
  const data = validateRecordData(input.type, { ...pickKnown(input.type, record.data), ...input.changes });
  const saved = await saveRecordData(tx, { orgId: ctx.orgId, record, data, actor: humanActor(ctx) });
  if (saved.changes.length > 0) {
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "record.updated",
      targetType: input.type,
      targetId: input.id,
      data: {
        recordType: input.type,
        version: saved.version,
        changes: saved.changes.map((c) => ({ field: c.field, from: c.oldValue, to: c.newValue })),
      },
    });
  }
  return {
    record: await findRecord(tx, ctx.orgId, input.type, input.id),
    changed: saved.changes.map((c) => c.field),
  };
}

export async function deleteRecord(
  tx: Tx,
  ctx: RecordContext,
  input: z.infer<typeof ZDeleteRecordRequest>,
): Promise<void> {
  const record = await lockRecord(tx, { orgId: ctx.orgId, type: input.type, id: input.id });
  if (!record) throw new AppError("NOT_FOUND", `That ${RECORD_TYPES[input.type].label.toLowerCase()} was not found.`);
  if (record.version !== input.version) throw staleEdit(input.type, input.version, record.version);
  await removeRecord(tx, { orgId: ctx.orgId, record, actor: humanActor(ctx) });
  await appendAudit(tx, {
    orgId: ctx.orgId,
    actor: ctx.actor,
    action: "record.deleted",
    targetType: input.type,
    targetId: input.id,
    data: { recordType: input.type, data: record.data },
  });
}
