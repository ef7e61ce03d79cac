import type { z } from "zod";
import { hashPassword } from "../auth/passwords";
import { consumeSignUp } from "../auth/rate-limit";
import { recordSecurityEvent } from "../auth/security-events";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { ZSignUpRequest } from "./account.schemas";

export async function signUp(input: z.infer<typeof ZSignUpRequest>, ip: string): Promise<{ id: string }> {
  const wait = await consumeSignUp(ip);
  if (wait !== null)
    throw new AppError(
      "TOO_MANY_REQUESTS",
      `Too many sign-ups from your address. Try again in ${Math.ceil(wait / 60)} minutes.`,
    );
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");
  const user = await db.user.create({
    data: { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) },
    select: { id: true },
  });
  await recordSecurityEvent(user.id, {
    actor: { type: "human", id: user.id, label: input.email },
    action: "auth.sign_up",
    data: { email: input.email },
    ip,
  });
  return user;
}
