import type { z } from "zod";
import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/tenancy";
import type { ZNotificationLogRequest, ZNotificationLogResponse } from "./notification.schemas";

type Filters = z.infer<typeof ZNotificationLogRequest>;

async function memberLabels(tx: Tx, orgId: string, userIds: string[]) {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map<string, string>();
  const members = await tx.membership.findMany({
    where: { orgId, userId: { in: ids } },
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  return new Map(members.map((m) => [m.userId, m.user.name ?? m.user.email]));
}

/**
 * The organisation's notification log, newest first. Rows hold ids only; names are resolved
 * from the current member list when read (a former member reads as such).
 */
export async function listNotificationLog(
  tx: Tx,
  orgId: string,
  filters: Filters,
): Promise<z.infer<typeof ZNotificationLogResponse>> {
  const where: Prisma.NotificationLogWhereInput = {
    orgId,
    kind: filters.kind,
    channel: filters.channel,
    status: filters.status,
    approvalRequestId: filters.approvalId,
  };
  const rows = await tx.notificationLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filters.limit + 1,
    ...(filters.cursor ? { cursor: { id: filters.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, filters.limit);
  const labels = await memberLabels(
    tx,
    orgId,
    page.flatMap((r) => (r.userId ? [r.userId] : [])),
  );
  return {
    entries: page.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      kind: r.kind,
      channel: r.channel,
      status: r.status,
      error: r.error,
      approvalId: r.approvalRequestId,
      recipient: r.userId ? { id: r.userId, label: labels.get(r.userId) ?? "a former member" } : null,
    })),
    nextCursor: rows.length > filters.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
