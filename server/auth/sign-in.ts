import { z } from "zod";
import { db } from "../db/client";
import { decryptSecret } from "./crypto";
import { burnPasswordCheck, verifyPassword } from "./passwords";
import { refundSignInAttempt, reserveSignInAttempt, signInSucceeded } from "./rate-limit";
import { claimTotpStep } from "./totp-step";
import { recordSecurityEvent } from "./security-events";
import { hashRecoveryCode, matchTotp } from "./totp";

export const ZSignInCredentials = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password.").max(200),
  code: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => v || undefined),
});

export const SIGN_IN_FAILURES = [
  "invalid_credentials",
  "two_factor_required",
  "invalid_two_factor",
  "rate_limited",
] as const;
export type SignInFailure = (typeof SIGN_IN_FAILURES)[number];

export class SignInError extends Error {
  constructor(
    readonly reason: SignInFailure,
    readonly retryAfterSeconds?: number,
  ) {
    super(reason);
    this.name = "SignInError";
  }
}

type SignedInUser = { id: string; email: string; name: string | null };

/**
 * Checks a password (and, when enrolled, a TOTP or recovery code). Attempts are limited per
 * account and per address; every outcome is audited.
 */
export async function signInWithPassword(raw: unknown, ip: string): Promise<SignedInUser> {
  const parsed = ZSignInCredentials.safeParse(raw);
  if (!parsed.success) throw new SignInError("invalid_credentials");
  const { email, password, code } = parsed.data;
  const actor = { type: "human" as const, id: null, label: email };

  // The attempt is counted before the password is checked, so parallel guesses cannot overrun the limit.
  const wait = await reserveSignInAttempt(email, ip);
  if (wait !== null) {
    await recordSecurityEvent(null, {
      actor,
      action: "auth.sign_in_rate_limited",
      outcome: "denied",
      data: { email, retryAfterSeconds: wait },
      ip,
    });
    throw new SignInError("rate_limited", wait);
  }

  const user = await db.user.findUnique({ where: { email } });
  const fail = async (reason: SignInFailure) => {
    await recordSecurityEvent(user?.id ?? null, {
      actor: { ...actor, id: user?.id ?? null },
      action: "auth.sign_in_failed",
      outcome: "failure",
      data: { email, reason },
      ip,
    });
    return new SignInError(reason);
  };

  if (!user?.passwordHash) {
    await burnPasswordCheck(password);
    throw await fail("invalid_credentials");
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw await fail("invalid_credentials");

  let method: "password" | "password+totp" | "password+recovery_code" = "password";
  if (user.totpEnabledAt && user.totpSecret) {
    // A missing code is not a failed attempt: the form asks for it next.
    if (!code) {
      await refundSignInAttempt(email, ip);
      throw new SignInError("two_factor_required");
    }
    method = await checkSecondFactor(user.id, decryptSecret(user.totpSecret), user.totpLastUsedStep, code);
    if (method === "password") throw await fail("invalid_two_factor");
  }

  await signInSucceeded(email, ip);
  await recordSecurityEvent(user.id, {
    actor: { ...actor, id: user.id },
    action: "auth.sign_in",
    data: { method },
    ip,
  });
  return { id: user.id, email: user.email, name: user.name };
}

async function checkSecondFactor(
  userId: string,
  secret: string,
  lastStep: number | null,
  code: string,
): Promise<"password" | "password+totp" | "password+recovery_code"> {
  const step = matchTotp(secret, code);
  if (step !== null) {
    return (await claimTotpStep(userId, step)) ? "password+totp" : "password";
  }
  const consumed = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  if (consumed.count !== 1) return "password";
  const remaining = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  await recordSecurityEvent(userId, {
    actor: { type: "human", id: userId, label: null },
    action: "auth.recovery_code_used",
    data: { remaining },
  });
  return "password+recovery_code";
}
