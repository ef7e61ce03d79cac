import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { lockRecord, recordChanges } from "../records/record-store";
import type { Connector, RecordRef } from "./connector";

async function load(tx: Tx, ref: RecordRef) {
  const row = await lockRecord(tx, { orgId: ref.orgId, type: ref.recordType, id: ref.recordId });
  if (!row) throw new AppError("NOT_FOUND", `${ref.recordType} ${ref.recordId} was not found.`);
  return row;
}

/**
 * Records of a type the registry does not know (BusinessRecord rows, fields in JSON, no schema).
 * Types in RECORD_TYPES go through the typed record connector instead.
 */
export const businessRecordConnector: Connector = {
  name: "business-record",
  async read(tx, ref) {
    const row = await load(tx, ref);
    return row.data[ref.field] ?? null;
  },
  async write(tx, ref, value, context) {
    const row = await load(tx, ref);
    await tx.businessRecord.update({
      where: { id: row.id },
      data: { data: { ...row.data, [ref.field]: value } as Prisma.InputJsonObject, version: { increment: 1 } },
    });
    await recordChanges(tx, {
      orgId: ref.orgId,
      recordType: ref.recordType,
      recordId: ref.recordId,
      actor: { type: context?.actorType ?? "ai", id: context?.actorId ?? null, actionId: context?.actionId },
      changes: [{ field: ref.field, oldValue: row.data[ref.field] ?? null, newValue: value }],
    });
  },
};
