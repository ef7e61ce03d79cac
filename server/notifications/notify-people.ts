import { sendMail } from "../mail/send-mail";
import { claimNotification, finishNotification } from "./notification-log";
import type { NotificationChannel, NotificationKind } from "./notification-kinds";
import { subscriptionsOf } from "./push-subscriptions";
import { pushToDevices, type PushMessage } from "./send-push";

export type Recipient = { userId: string; email: string };

export type Notice = {
  orgId: string;
  kind: NotificationKind;
  approvalId: string | null;
  /**
   * Makes the notice go out once per person and channel however often the caller runs (a
   * retried step): e.g. `approval_reminder:<id>:0`. Null sends every time.
   */
  onceKey: string | null;
  mail: { subject: string; text: string };
  push: PushMessage;
};

export type NoticeTally = Record<"sent" | "failed" | "skipped", number>;

/**
 * Sends one notice to each recipient by email and Web Push, and logs every attempt (sent,
 * failed, skipped) in NotificationLog with ids only. Never throws for a failed delivery: the
 * request stands and the inbox shows it whatever the channels did.
 */
export async function sendNotice(notice: Notice, recipients: Recipient[]): Promise<NoticeTally> {
  const tally: NoticeTally = { sent: 0, failed: 0, skipped: 0 };
  if (recipients.length === 0) return tally;
  const subs = await subscriptionsOf(recipients.map((r) => r.userId));
  const attempt = async (
    r: Recipient,
    channel: NotificationChannel,
    send: () => Promise<{ status: "sent" | "failed" | "skipped"; error: string | null }>,
  ) => {
    const id = await claimNotification({
      orgId: notice.orgId,
      userId: r.userId,
      channel,
      kind: notice.kind,
      approvalRequestId: notice.approvalId,
      dedupeKey: notice.onceKey ? `${notice.onceKey}:${r.userId}:${channel}` : null,
    });
    if (!id) return;
    let result: { status: "sent" | "failed" | "skipped"; error: string | null };
    try {
      result = await send();
    } catch {
      result = { status: "failed", error: channel === "email" ? "mail_failed" : "push_failed" };
    }
    await finishNotification(notice.orgId, id, result.status, result.error);
    tally[result.status] += 1;
  };
  for (const r of recipients) {
    await attempt(r, "email", async () => {
      try {
        await sendMail({ to: r.email, ...notice.mail });
        return { status: "sent", error: null };
      } catch (error) {
        console.error(`[notifications] a ${notice.kind} mail failed: ${(error as Error).name}`);
        return { status: "failed", error: "mail_failed" };
      }
    });
    await attempt(r, "push", () =>
      pushToDevices(
        subs.filter((s) => s.userId === r.userId),
        notice.push,
      ),
    );
  }
  return tally;
}
