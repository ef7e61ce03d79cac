import pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { decryptSecret } from "../auth/crypto";
import { matchTotp } from "../auth/totp";
import { claimTotpStep } from "../auth/totp-step";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors";

/**
 * Step-up for high-risk approvals: the policy flagged the request (`stepUpRequired`), or its
 * amount is above the approver's own step-up limit. Only approving needs it: a rejection
 * changes nothing.
 */
export function needsStepUp(
  request: { stepUpRequired: boolean; amount: unknown },
  stepUpLimit: number | null,
): boolean {
  if (request.stepUpRequired) return true;
  if (stepUpLimit === null || request.amount === null || request.amount === undefined) return false;
  return Number(request.amount) > stepUpLimit;
}

export const STEP_UP_MESSAGES = {
  notEnrolled:
    "This approval needs a fresh code from your authenticator app, and your account has no two-factor authentication. Set it up under Account security, then approve.",
  missing: "This approval is high risk: enter the 6-digit code from your authenticator app to approve it.",
  invalid:
    "That code is not valid or was already used. Wait for the next code in your authenticator app and try again.",
  tooMany: "Too many wrong codes. Wait a few minutes, then try again.",
} as const;

/** Wrong codes per person: 5 per 15 minutes, so a stolen session cannot guess its way through. */
const WRONG_CODES_ALLOWED = 5;
const globalForStepUp = globalThis as unknown as { handrailStepUpLimiter?: RateLimiterPostgres };
function limiter(): RateLimiterPostgres {
  globalForStepUp.handrailStepUpLimiter ??= new RateLimiterPostgres({
    storeClient: new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 }),
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    keyPrefix: "approval_step_up",
    points: WRONG_CODES_ALLOWED,
    duration: 15 * 60,
  });
  return globalForStepUp.handrailStepUpLimiter;
}

async function spendAttempt(userId: string): Promise<boolean> {
  try {
    await limiter().consume(userId);
    return true;
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection; // the store failed, not the limit
    return false;
  }
}

/**
 * Checks a fresh TOTP code for `userId` and claims its time step, so the code cannot be used
 * again (to sign in, or for another approval). Throws an AppError saying what to do otherwise.
 */
export async function verifyStepUp(userId: string, code: string | undefined): Promise<void> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (!user.totpSecret || !user.totpEnabledAt) throw new AppError("PRECONDITION_FAILED", STEP_UP_MESSAGES.notEnrolled);
  if (!code || code.trim() === "") throw new AppError("PRECONDITION_FAILED", STEP_UP_MESSAGES.missing);
  const spent = await limiter().get(userId);
  if (spent && spent.consumedPoints >= WRONG_CODES_ALLOWED)
    throw new AppError("TOO_MANY_REQUESTS", STEP_UP_MESSAGES.tooMany);
  const step = matchTotp(decryptSecret(user.totpSecret), code);
  if (step !== null && (await claimTotpStep(userId, step))) return;
  if (!(await spendAttempt(userId))) throw new AppError("TOO_MANY_REQUESTS", STEP_UP_MESSAGES.tooMany);
  throw new AppError("BAD_REQUEST", STEP_UP_MESSAGES.invalid);
}
