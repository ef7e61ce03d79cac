import { withScope } from "@/server/db/tenancy";
import { env } from "@/server/env";
import { sendMail } from "@/server/mail/send-mail";

/**
 * Tells marketing (approvers with the marketing domain, admins, owners) about a negative
 * mention, once per person however often the step retries (NotificationLog's dedupe key).
 * A failed mail is logged, never thrown: the mention is recorded either way.
 */
export async function notifyNegativeMention(
  orgId: string,
  mention: { id: string; author: string; body: string; channel: string | null },
): Promise<{ sent: number; failed: number }> {
  const { people, org } = await withScope({ orgId }, async (tx) => {
    const members = await tx.membership.findMany({
      where: { orgId },
      include: { user: { select: { id: true, email: true } } },
      orderBy: { createdAt: "asc" },
    });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { slug: true, name: true } });
    const people = members.filter(
      (m) =>
        m.role === "owner" || m.role === "admin" || (m.role === "approver" && m.approvalDomains.includes("marketing")),
    );
    return { people, org };
  });
  const link = `${env.APP_URL}/o/${encodeURIComponent(org.slug)}/records`;
  const excerpt = mention.body.length > 280 ? `${mention.body.slice(0, 279)}…` : mention.body;
  let sent = 0;
  let failed = 0;
  for (const person of people) {
    const dedupeKey = `mention.negative:${mention.id}:${person.userId}`;
    const claimed = await withScope({ orgId }, async (tx) => {
      const existing = await tx.notificationLog.findUnique({ where: { orgId_dedupeKey: { orgId, dedupeKey } } });
      if (existing) return false;
      await tx.notificationLog.create({
        data: {
          orgId,
          userId: person.userId,
          channel: "email",
          kind: "mention.negative",
          dedupeKey,
          status: "pending",
        },
      });
      return true;
    });
    if (!claimed) continue;
    let status = "sent";
    try {
      await sendMail({
        to: person.user.email,
        subject: `Negative mention${mention.channel ? ` on ${mention.channel}` : ""} in ${org.name}`,
        text: `${mention.author} wrote${mention.channel ? ` on ${mention.channel}` : ""}:\n\n  ${excerpt}\n\nIt is recorded under Records → Replies and mentions: ${link}\n`,
      });
      sent += 1;
    } catch (error) {
      status = "failed";
      failed += 1;
      console.error(`[content] could not send a negative-mention notice: ${(error as Error).name}`);
    }
    await withScope({ orgId }, (tx) =>
      tx.notificationLog.update({ where: { orgId_dedupeKey: { orgId, dedupeKey } }, data: { status } }),
    );
  }
  return { sent, failed };
}
