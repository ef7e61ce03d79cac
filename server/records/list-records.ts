import type { z } from "zod";
import { Prisma } from "../db/generated/client";
import type { Tx } from "../db/tenancy";
import { resolveReferences } from "./record-references";
import { RECORD_TYPE_KEYS, type RecordType } from "./record-types";
import { assertKnownField } from "./record-validation";
import type { ZListRecordsRequest, ZListRecordsResponse, ZRecord } from "./records.schemas";

type RecordRow = z.infer<typeof ZRecord>;

/** How many records of each type the organisation has (the systems-of-record overview). */
export async function recordCounts(tx: Tx, orgId: string): Promise<Record<RecordType, number>> {
  const grouped = await tx.businessRecord.groupBy({ by: ["type"], where: { orgId }, _count: { _all: true } });
  const counts = Object.fromEntries(RECORD_TYPE_KEYS.map((t) => [t, 0])) as Record<RecordType, number>;
  for (const g of grouped) if (g.type in counts) counts[g.type as RecordType] = g._count._all;
  return counts;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Records of one type, newest first, keyset-paginated. Search matches any field's value (the JSON
 * values, not the keys); filters are exact values, matched by JSON containment.
 */
export async function listRecords(
  tx: Tx,
  orgId: string,
  input: z.infer<typeof ZListRecordsRequest>,
): Promise<z.infer<typeof ZListRecordsResponse>> {
  const where = [Prisma.sql`"orgId" = ${orgId}`, Prisma.sql`"type" = ${input.type}`];
  if (input.search) {
    const pattern = `%${escapeLike(input.search)}%`;
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM jsonb_each_text("data") AS kv WHERE kv.value ILIKE ${pattern})`);
  }
  const filters = Object.entries(input.filters ?? {});
  for (const [field] of filters) assertKnownField(input.type, field);
  if (filters.length > 0) where.push(Prisma.sql`"data" @> ${JSON.stringify(Object.fromEntries(filters))}::jsonb`);
  const matching = Prisma.join(where, " AND ");

  const page = input.cursor
    ? Prisma.sql`${matching} AND ("createdAt", "id") < (SELECT "createdAt", "id" FROM "BusinessRecord" WHERE "id" = ${input.cursor} AND "orgId" = ${orgId})`
    : matching;
  const rows = await tx.$queryRaw<RecordRow[]>`
    SELECT "id", "type", "externalId", "data", "version", "createdAt", "updatedAt" FROM "BusinessRecord"
    WHERE ${page} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${input.limit + 1}`;
  const [{ total } = { total: 0 }] = await tx.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS "total" FROM "BusinessRecord" WHERE ${matching}`;

  const records = rows.slice(0, input.limit);
  return {
    records,
    total,
    nextCursor: rows.length > input.limit ? records.at(-1)!.id : null,
    references: await resolveReferences(tx, orgId, records),
  };
}
