import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/tenancy";
import { AppError } from "../errors";
import type { Connector, RecordRef } from "./connector";

async function load(tx: Tx, ref: RecordRef) {
  // Row lock: the value read for the conflict check is the value overwritten.
  const rows = await tx.$queryRaw<{ id: string; data: Record<string, unknown> }[]>`
    SELECT "id", "data" FROM "BusinessRecord"
    WHERE "id" = ${ref.recordId} AND "orgId" = ${ref.orgId} AND "type" = ${ref.recordType} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", `${ref.recordType} ${ref.recordId} was not found.`);
  return row;
}

/** The built-in system of record (BusinessRecord rows, fields in JSON). */
export const businessRecordConnector: Connector = {
  name: "business-record",
  async read(tx, ref) {
    const row = await load(tx, ref);
    return row.data[ref.field] ?? null;
  },
  async write(tx, ref, value) {
    const row = await load(tx, ref);
    await tx.businessRecord.update({
      where: { id: row.id },
      data: { data: { ...row.data, [ref.field]: value } as Prisma.InputJsonObject, version: { increment: 1 } },
    });
  },
};
