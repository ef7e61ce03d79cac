import { convert } from "html-to-text";
import { simpleParser } from "mailparser";

/** Attachments kept from one message; more than this is not an intake item. */
const MAX_ATTACHMENTS = 20;

export type ParsedAttachment = { filename: string; contentType: string; content: Buffer };

export type ParsedEmail = {
  messageId: string | null;
  fromAddress: string | null;
  fromName: string | null;
  subject: string;
  text: string;
  attachments: ParsedAttachment[];
};

/**
 * Parses a raw RFC 822 message with mailparser (MIME, encodings, charsets). A message with only
 * an HTML part gets its text from the HTML. Nothing from the message is executed or fetched.
 */
export async function parseEmail(raw: Uint8Array): Promise<ParsedEmail | null> {
  const mail = await simpleParser(Buffer.from(raw), {
    skipImageLinks: true,
    skipTextLinks: true,
    maxHtmlLengthToParse: 2 * 1024 * 1024,
  });
  const from = mail.from?.value[0];
  if (!from && !mail.subject && !mail.text && !mail.html && mail.attachments.length === 0) return null;
  const html = typeof mail.html === "string" ? mail.html : "";
  const text = (mail.text ?? "").trim() || (html ? convert(html, { wordwrap: false }).trim() : "");
  return {
    messageId: mail.messageId?.trim() || null,
    fromAddress: from?.address?.trim().toLowerCase() || null,
    fromName: from?.name?.trim() || null,
    subject: (mail.subject ?? "").trim(),
    text,
    attachments: mail.attachments
      .filter((a) => a.contentDisposition !== "inline" || !a.contentType.startsWith("image/"))
      .slice(0, MAX_ATTACHMENTS)
      .map((a, i) => ({
        filename: (a.filename ?? `attachment-${i + 1}`).slice(0, 300),
        contentType: a.contentType.slice(0, 200),
        content: a.content,
      })),
  };
}
