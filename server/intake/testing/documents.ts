import MailComposer from "nodemailer/lib/mail-composer";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** A small text PDF, made with pdf-lib for the test that reads it back. */
export async function makeInvoicePdf(lines: string[]): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 18, size: 12, font }));
  return new Uint8Array(await doc.save());
}

type Mail = {
  from: string;
  subject?: string;
  text?: string;
  html?: string;
  messageId?: string;
  attachments?: { filename: string; content: Uint8Array; contentType: string }[];
};

/** A raw RFC 822 message, composed by nodemailer (what a mail relay would forward). */
export async function makeEmail(mail: Mail): Promise<Uint8Array<ArrayBuffer>> {
  const built = await new MailComposer({
    from: mail.from,
    to: "intake@handrail.test",
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    attachments: mail.attachments?.map((a) => ({ ...a, content: Buffer.from(a.content) })),
  })
    .compile()
    .build();
  return new Uint8Array(built);
}
