import { randomUUID } from "node:crypto";
import type { IntakeKind } from "@/inngest/events";
import { fitSourceId, intakeKindsOf, type PayloadProblem } from "./normalise-payload";
import { parseEmail, type ParsedEmail } from "./parse-email";
import { extractPdfText } from "./pdf-text";

export type AttachmentToStore = {
  id: string;
  filename: string;
  contentType: string;
  content: Uint8Array;
  extractedText: string | null;
};

export type EmailItem = { kind: IntakeKind; raw: Record<string, unknown>; attachments: AttachmentToStore[] };

const problem = (message: string): PayloadProblem => ({ status: 422, error: "invalid_payload", message });

function splitName(name: string | null): { first_name: string | null; last_name: string | null } {
  const parts = (name ?? "").split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { first_name: null, last_name: null };
  return { first_name: parts[0] ?? null, last_name: parts.slice(1).join(" ") || null };
}

const isPdf = (a: { contentType: string; filename: string }) =>
  a.contentType === "application/pdf" || a.filename.toLowerCase().endsWith(".pdf");

/** The invoice in a message: the first PDF attachment's text, else the body. */
async function invoiceFrom(mail: ParsedEmail, attachments: AttachmentToStore[]) {
  const pdf = attachments.find(isPdf);
  if (pdf) {
    const extracted = await extractPdfText(pdf.content);
    if (!extracted.ok) return problem(`${pdf.filename}: ${extracted.message}`);
    pdf.extractedText = extracted.text;
    return { text: extracted.text, filename: pdf.filename, attachment_id: pdf.id };
  }
  if (!mail.text) return problem("The email has neither a PDF invoice attached nor invoice text in its body.");
  return { text: mail.text, filename: null, attachment_id: null };
}

/**
 * Turns a raw RFC 822 message into the workflow's intake kind: a ticket (sender, subject, body),
 * an invoice (a PDF attachment's text), a lead (the sender) or a mention. Attachments are kept.
 */
export async function emailToItem(templateKey: string, raw: Uint8Array): Promise<EmailItem | PayloadProblem> {
  const kinds = intakeKindsOf(templateKey);
  if (!kinds) return { status: 422, error: "no_intake", message: "This workflow's template takes no intake." };
  const mail = await parseEmail(raw).catch(() => null);
  if (!mail) return { status: 400, error: "invalid_payload", message: "The body is not an RFC 822 email message." };
  const attachments: AttachmentToStore[] = mail.attachments.map((a) => ({
    id: randomUUID(),
    ...a,
    extractedText: null,
  }));
  const source_id = mail.messageId ? fitSourceId(mail.messageId) : undefined;
  const kind: IntakeKind = kinds.includes("mention") ? "mention" : (kinds[0] as IntakeKind);

  switch (kind) {
    case "ticket":
      return {
        kind,
        attachments,
        raw: {
          source_id,
          from: mail.fromAddress,
          from_name: mail.fromName,
          subject: mail.subject || "(no subject)",
          body: mail.text,
          channel: "email",
        },
      };
    case "invoice": {
      const invoice = await invoiceFrom(mail, attachments);
      if ("error" in invoice) return invoice;
      return { kind, attachments, raw: { source_id, ...invoice } };
    }
    case "lead":
      return {
        kind,
        attachments,
        raw: { source_id, email: mail.fromAddress, ...splitName(mail.fromName), message: mail.text, source: "email" },
      };
    default:
      return {
        kind,
        attachments,
        raw: { source_id, channel: "email", author: mail.fromAddress ?? mail.fromName, body: mail.text },
      };
  }
}
