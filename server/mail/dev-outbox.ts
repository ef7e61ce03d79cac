import { db } from "../db/client";
import { AppError } from "../errors";
import { mailMode } from "./send-mail";

/** The outbox exists only while no SMTP server is configured (the local default). */
export async function listDevMail(limit: number) {
  if (mailMode() !== "outbox") throw new AppError("NOT_FOUND", "The dev outbox is off: mail goes out over SMTP.");
  return db.devMail.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
