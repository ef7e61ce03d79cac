import { randomUUID } from "node:crypto";
import { withScope } from "../db/tenancy";
import type { NotificationChannel, NotificationKind, NotificationStatus } from "./notification-kinds";

export type LogEntry = {
  orgId: string;
  userId: string | null;
  channel: NotificationChannel;
  kind: NotificationKind;
  approvalRequestId: string | null;
  /** Once per organisation: a second claim with the same key finds it taken. */
  dedupeKey: string | null;
};

/**
 * Claims one notification before it is sent: a row in state `sending`, unique per organisation
 * and dedupe key. Returns its id, or null when the key was claimed before (a retried step, a
 * second reminder): then nothing is sent again. At most once: a crash between claim and send
 * leaves a `sending` row and no second attempt, which for a reminder is the lesser evil.
 */
export async function claimNotification(entry: LogEntry): Promise<string | null> {
  const id = randomUUID();
  const rows = await withScope(
    { orgId: entry.orgId },
    (tx) => tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "NotificationLog" ("id", "orgId", "userId", "channel", "kind", "approvalRequestId", "dedupeKey", "status")
    VALUES (${id}, ${entry.orgId}, ${entry.userId}, ${entry.channel}, ${entry.kind}, ${entry.approvalRequestId},
            ${entry.dedupeKey}, 'sending')
    ON CONFLICT ("orgId", "dedupeKey") DO NOTHING
    RETURNING "id"`,
  );
  return rows[0]?.id ?? null;
}

/** Records how a claimed attempt ended. `error` is a code from NOTIFICATION_ERRORS or `http_<status>`. */
export async function finishNotification(
  orgId: string,
  id: string,
  status: Exclude<NotificationStatus, "sending">,
  error: string | null,
): Promise<void> {
  await withScope({ orgId }, (tx) => tx.notificationLog.update({ where: { id }, data: { status, error } }));
}
