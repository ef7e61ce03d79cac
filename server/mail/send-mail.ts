import nodemailer from "nodemailer";
import { db } from "../db/client";
import { env } from "../env";

export type Mail = { to: string; subject: string; text: string; html?: string };

export const mailMode = (): "smtp" | "outbox" => (env.SMTP_URL ? "smtp" : "outbox");

let transport: nodemailer.Transporter | undefined;

/** Sends over SMTP when SMTP_URL is set; otherwise the mail lands in the dev outbox page. */
export async function sendMail(mail: Mail): Promise<void> {
  if (mailMode() === "outbox") {
    await db.devMail.create({ data: mail });
    return;
  }
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.MAIL_FROM, ...mail });
}
