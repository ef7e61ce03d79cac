import type { z } from "zod";
import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/tenancy";
import type { ZListAuditRequest } from "./audit.schemas";

type AuditRow = Prisma.AuditEntryGetPayload<object>;

/** An entry as people and exports see it: everything but the chain key, ids as strings. */
export function presentAuditEntry(r: AuditRow) {
  return {
    id: r.id.toString(),
    seq: r.seq,
    createdAt: r.createdAt,
    actorType: r.actorType,
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    outcome: r.outcome,
    data: r.data,
    ip: r.ip,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

/** Newest first, keyset-paginated on the entry id. */
export async function listAudit(tx: Tx, orgId: string, input: z.infer<typeof ZListAuditRequest>) {
  const where: Prisma.AuditEntryWhereInput = {
    orgId,
    ...(input.action ? { action: input.action } : {}),
    ...(input.outcome ? { outcome: input.outcome } : {}),
    ...(input.actorQuery ? { actorLabel: { contains: input.actorQuery, mode: "insensitive" } } : {}),
    ...(input.from || input.to ? { createdAt: { gte: input.from, lte: input.to } } : {}),
    ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}),
  };
  const rows = await tx.auditEntry.findMany({ where, orderBy: { id: "desc" }, take: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  return {
    entries: page.map(presentAuditEntry),
    nextCursor: rows.length > input.limit ? page.at(-1)!.id.toString() : null,
  };
}
