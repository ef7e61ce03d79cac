import { appendAudit } from "../../audit/append-audit";
import { withScope } from "../../db/tenancy";
import type { IntakePayload } from "../../intake/intake-payloads";
import { sendMail } from "../../mail/send-mail";
import { insertRecord } from "../../records/record-store";
import { RECORD_TYPES } from "../../records/record-types";
import { recordsOf } from "../crm-rows";

/** Hours to a first answer per customer tier (the urgency classifier's context). */
export const SLA_HOURS: Record<string, number> = { vip: 4, premium: 8, standard: 24 };

/**
 * The ticket an intake item becomes. Creating it is data arriving, not an AI decision: the runtime
 * creates it directly (actor "system", audited, one per intake item via its external id), in every
 * mode, so people can work it by hand while the workflow runs in shadow.
 */
export async function createTicketFromItem(input: {
  orgId: string;
  intakeItemId: string;
  payload: IntakePayload<"ticket">;
}): Promise<{ ticketId: string; created: boolean; data: Record<string, unknown> }> {
  const { orgId, payload } = input;
  const externalId = `intake:${input.intakeItemId}`;
  return withScope({ orgId }, async (tx) => {
    const existing = await tx.businessRecord.findFirst({
      where: { orgId, type: "helpdesk.ticket", externalId },
      select: { id: true, data: true },
    });
    if (existing) return { ticketId: existing.id, created: false, data: existing.data as Record<string, unknown> };
    const tier = payload.customer_tier ?? "standard";
    const data = RECORD_TYPES["helpdesk.ticket"].schema.parse({
      subject: payload.subject,
      body: payload.body,
      customer_email: payload.from,
      customer_tier: tier,
      status: "new",
      sla_due_at: new Date(Date.now() + (SLA_HOURS[tier] ?? 24) * 3600_000).toISOString(),
      tags: [payload.channel],
    }) as Record<string, unknown>;
    const row = await insertRecord(tx, {
      orgId,
      type: "helpdesk.ticket",
      externalId,
      data,
      actor: { type: "system", id: null },
    });
    await appendAudit(tx, {
      orgId,
      actor: { type: "system", id: null, label: "support triage intake" },
      action: "record.created",
      targetType: "helpdesk.ticket",
      targetId: row.id,
      data: { recordType: "helpdesk.ticket", data: { subject: payload.subject, customer_tier: tier } },
    });
    return { ticketId: row.id, created: true, data };
  });
}

/** Queues, agents with their open tickets, and the knowledge base. */
export async function helpdeskContext(orgId: string) {
  return withScope({ orgId }, async (tx) => {
    const [queues, agents, answers, open] = await Promise.all([
      recordsOf(tx, orgId, "helpdesk.queue"),
      recordsOf(tx, orgId, "helpdesk.agent"),
      recordsOf(tx, orgId, "helpdesk.kb_answer"),
      tx.$queryRaw<{ assignee: string; n: bigint }[]>`
        SELECT "data"->>'assignee' AS "assignee", count(*) AS "n" FROM "BusinessRecord"
        WHERE "orgId" = ${orgId} AND "type" = 'helpdesk.ticket' AND "data"->>'status' IN ('new', 'open', 'pending')
          AND "data"->>'assignee' IS NOT NULL
        GROUP BY 1`,
    ]);
    const openTickets = Object.fromEntries(open.map((r) => [r.assignee, Number(r.n)]));
    return { queues, agents, answers, openTickets };
  });
}

/**
 * Tells people about an urgent ticket at once (before any approval wait): the queue's agents and
 * the addresses in the settings. Once per person and ticket, however often the step retries.
 */
export async function notifyUrgentTicket(input: {
  orgId: string;
  ticketId: string;
  subject: string;
  queueName: string | null;
  recipients: string[];
  link: string;
}): Promise<{ notified: string[] }> {
  const recipients = [...new Set(input.recipients.map((r) => r.toLowerCase()))];
  const keys = recipients.map((to) => `urgent-ticket:${input.ticketId}:${to}`);
  const due = await withScope({ orgId: input.orgId }, async (tx) => {
    await tx.notificationLog.createMany({
      data: keys.map((dedupeKey) => ({
        orgId: input.orgId,
        channel: "email",
        kind: "urgent_ticket",
        status: "pending",
        dedupeKey,
      })),
      skipDuplicates: true,
    });
    return tx.notificationLog.findMany({
      where: { orgId: input.orgId, dedupeKey: { in: keys }, status: "pending" },
      select: { id: true, dedupeKey: true },
    });
  });
  const notified: string[] = [];
  for (const row of due) {
    const to = row.dedupeKey!.split(":").slice(2).join(":");
    await sendMail({
      to,
      subject: `Urgent ticket${input.queueName ? ` in ${input.queueName}` : ""}: ${input.subject}`,
      text: `An urgent ticket arrived${input.queueName ? ` for the ${input.queueName} queue` : ""}:\n\n  ${input.subject}\n\nOpen it: ${input.link}\n`,
    });
    await withScope({ orgId: input.orgId }, (tx) =>
      tx.notificationLog.update({ where: { id: row.id }, data: { status: "sent" } }),
    );
    notified.push(to);
  }
  return { notified };
}
