import { z } from "zod";
import type { Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { sendMail } from "../mail/send-mail";
import { insertRecord, lockRecord, WHOLE_RECORD } from "../records/record-store";
import type { Connector, RecordRef } from "./connector";

/** The record type of an outbound email: the governed action's target, and the log of what was sent. */
export const OUTBOUND_EMAIL = "outbound.email";

export const ZOutboundEmail = z
  .object({
    to: z.string().trim().toLowerCase().pipe(z.email()),
    subject: z.string().trim().min(1).max(300),
    text: z.string().trim().min(1).max(50_000),
    related_type: z.string().max(64).nullable().default(null),
    related_id: z.string().max(128).nullable().default(null),
    kb_answer_id: z.string().max(128).nullable().default(null),
  })
  .strict();

function assertWholeMessage(ref: RecordRef) {
  if (ref.field !== WHOLE_RECORD) throw new AppError("BAD_REQUEST", 'An outbound email is sent whole (field "*").');
}

/**
 * Why a recipient must not get mail, read right before sending (an opt-out may arrive while the
 * message waits for approval): the organisation's suppression lists (address or domain) and the
 * CRM contact's own opt-out.
 */
export async function suppressionReason(tx: Tx, orgId: string, to: string): Promise<string | null> {
  const domain = to.slice(to.lastIndexOf("@") + 1);
  const entry = await tx.suppressionEntry.findFirst({ where: { orgId, value: { in: [to, domain] } } });
  if (entry) return `${entry.value} is on the ${entry.list.replace(/_/g, " ")} suppression list`;
  const contact = await tx.businessRecord.findFirst({
    where: { orgId, type: "crm.contact", data: { path: ["email"], equals: to } },
    select: { data: true },
  });
  if ((contact?.data as { opt_out?: unknown } | undefined)?.opt_out === true) return `${to} opted out of email`;
  return null;
}

/**
 * Outbound email as a connector. Reading gives the sent message (null before it is sent);
 * writing re-checks suppression, sends through server/mail (SMTP, or the dev outbox) and keeps
 * the message as an `outbound.email` record. Sending twice is impossible (the record is the
 * proof), and a sent email cannot be rolled back.
 */
export const outboundMailConnector: Connector = {
  name: "outbound-mail",
  async read(tx, ref) {
    assertWholeMessage(ref);
    const sent = await lockRecord(tx, { orgId: ref.orgId, type: OUTBOUND_EMAIL, id: ref.recordId });
    if (!sent) return null;
    // The message as proposed (and approved), so rollback's conflict check compares like with like.
    const { sent_at: _sentAt, ...message } = sent.data;
    return message;
  },
  async write(tx, ref, value, context) {
    assertWholeMessage(ref);
    if (value === null || value === undefined) {
      throw new AppError("CONFLICT", "A sent email cannot be unsent: rolling it back is refused.");
    }
    const parsed = ZOutboundEmail.safeParse(value);
    if (!parsed.success) {
      throw new AppError("BAD_REQUEST", `The email is invalid: ${parsed.error.issues[0]?.message ?? "invalid"}.`);
    }
    const message = parsed.data;
    if (await lockRecord(tx, { orgId: ref.orgId, type: OUTBOUND_EMAIL, id: ref.recordId })) return;
    const suppressed = await suppressionReason(tx, ref.orgId, message.to);
    if (suppressed) throw new AppError("BAD_REQUEST", `${suppressed}: the email was not sent.`);
    const sentAt = new Date().toISOString();
    await insertRecord(tx, {
      orgId: ref.orgId,
      type: OUTBOUND_EMAIL,
      id: ref.recordId,
      data: { ...(value as Record<string, unknown>), sent_at: sentAt },
      actor: {
        type: context?.actorType ?? "ai",
        id: context?.actorId ?? null,
        actionId: context?.actionId ?? null,
      },
    });
    // Sent last: a failed send rolls the record back and the step retries.
    await sendMail({ to: message.to, subject: message.subject, text: message.text });
  },
};
