import type { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import { SUPPRESSION_LISTS } from "../governance/policy.schemas";
import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/tenancy";
import type { SettingsContext } from "./field-contract-service";
import type {
  ZAddSuppressionRequest,
  ZListSuppressionRequest,
  ZListSuppressionResponse,
  ZRemoveSuppressionRequest,
  ZSuppressionList,
} from "./governance-settings.schemas";
import { userLabels } from "./user-labels";

type SuppressionList = z.infer<typeof ZSuppressionList>;

/** Newest first, searchable by value or note, keyset-paginated; with the size of every list. */
export async function listSuppression(
  tx: Tx,
  orgId: string,
  input: z.infer<typeof ZListSuppressionRequest>,
): Promise<z.infer<typeof ZListSuppressionResponse>> {
  const search = input.search
    ? {
        OR: [
          { value: { contains: input.search, mode: "insensitive" as const } },
          { note: { contains: input.search, mode: "insensitive" as const } },
        ],
      }
    : {};
  const where: Prisma.SuppressionEntryWhereInput = { orgId, ...(input.list ? { list: input.list } : {}), ...search };
  const rows = await tx.suppressionEntry.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  const grouped = await tx.suppressionEntry.groupBy({ by: ["list"], where: { orgId }, _count: { _all: true } });
  const counts = Object.fromEntries(SUPPRESSION_LISTS.map((l) => [l, 0])) as Record<SuppressionList, number>;
  for (const g of grouped) if (g.list in counts) counts[g.list as SuppressionList] = g._count._all;
  const labels = await userLabels(
    tx,
    page.map((r) => r.createdById),
  );
  return {
    entries: page.map((r) => ({
      id: r.id,
      list: r.list as SuppressionList,
      value: r.value,
      note: r.note,
      createdAt: r.createdAt,
      createdBy: r.createdById ? (labels.get(r.createdById) ?? null) : null,
    })),
    nextCursor: rows.length > input.limit ? page.at(-1)!.id : null,
    counts,
  };
}

/** Adds entries to one list; entries already on it are left as they are (and counted). */
export async function addSuppression(
  tx: Tx,
  ctx: SettingsContext,
  input: z.infer<typeof ZAddSuppressionRequest>,
): Promise<{ added: number; alreadyListed: number }> {
  const values = [...new Set(input.values)];
  const existing = await tx.suppressionEntry.findMany({
    where: { orgId: ctx.orgId, list: input.list, value: { in: values } },
    select: { value: true },
  });
  const known = new Set(existing.map((e) => e.value));
  const fresh = values.filter((v) => !known.has(v));
  if (fresh.length > 0) {
    await tx.suppressionEntry.createMany({
      data: fresh.map((value) => ({
        orgId: ctx.orgId,
        list: input.list,
        value,
        note: input.note || null,
        createdById: ctx.userId,
      })),
      skipDuplicates: true,
    });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "suppression.added",
      targetType: "suppression_list",
      targetId: input.list,
      data: { list: input.list, values: fresh },
    });
  }
  return { added: fresh.length, alreadyListed: values.length - fresh.length };
}

/** Removes entries by id (one audit entry per list touched). */
export async function removeSuppression(
  tx: Tx,
  ctx: SettingsContext,
  input: z.infer<typeof ZRemoveSuppressionRequest>,
): Promise<{ removed: number }> {
  const rows = await tx.suppressionEntry.findMany({
    where: { orgId: ctx.orgId, id: { in: input.ids } },
    select: { id: true, list: true, value: true },
  });
  if (rows.length === 0) return { removed: 0 };
  await tx.suppressionEntry.deleteMany({ where: { orgId: ctx.orgId, id: { in: rows.map((r) => r.id) } } });
  const byList = new Map<string, string[]>();
  for (const r of rows) byList.set(r.list, [...(byList.get(r.list) ?? []), r.value]);
  for (const [list, values] of byList) {
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "suppression.removed",
      targetType: "suppression_list",
      targetId: list,
      data: { list, values },
    });
  }
  return { removed: rows.length };
}
