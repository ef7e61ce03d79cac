import type { z } from "zod";
import type { Tx } from "../db/tenancy";
import type { ZRecordHistoryRequest, ZRecordHistoryResponse } from "./records.schemas";
import { userLabels } from "./user-labels";

/**
 * A record's history from its RecordChange rows, newest first: who or what changed which field
 * from what to what. Kept after a delete, so a deleted record's history still reads.
 */
export async function recordHistory(
  tx: Tx,
  orgId: string,
  input: z.infer<typeof ZRecordHistoryRequest>,
): Promise<z.infer<typeof ZRecordHistoryResponse>> {
  const rows = await tx.recordChange.findMany({
    where: { orgId, recordId: input.id, recordType: input.type },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  const labels = await userLabels(
    tx,
    page.map((r) => r.actorId),
  );
  return {
    changes: page.map((r) => ({
      id: r.id,
      field: r.field,
      oldValue: r.oldValue,
      newValue: r.newValue,
      actorType: r.actorType,
      actorLabel: r.actorId ? (labels.get(r.actorId) ?? null) : null,
      actionId: r.actionId,
      createdAt: r.createdAt,
    })),
    nextCursor: rows.length > input.limit ? page.at(-1)!.id : null,
  };
}
