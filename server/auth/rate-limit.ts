import pg from "pg";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env";

const WINDOW_SECONDS = 15 * 60;

export const SIGN_IN_LIMITS = {
  perAccount: { points: 5, duration: WINDOW_SECONDS },
  perIp: { points: 30, duration: WINDOW_SECONDS },
} as const;

type Limiters = { account: RateLimiterPostgres; ip: RateLimiterPostgres; signUp: RateLimiterPostgres };
const globalForLimits = globalThis as unknown as { handrailLimiters?: Limiters };

function limiters(): Limiters {
  if (globalForLimits.handrailLimiters) return globalForLimits.handrailLimiters;
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 3 });
  const common = { storeClient: pool, storeType: "pool", tableName: "rate_limits", tableCreated: true } as const;
  globalForLimits.handrailLimiters = {
    account: new RateLimiterPostgres({ ...common, keyPrefix: "signin_account", ...SIGN_IN_LIMITS.perAccount }),
    ip: new RateLimiterPostgres({ ...common, keyPrefix: "signin_ip", ...SIGN_IN_LIMITS.perIp }),
    signUp: new RateLimiterPostgres({ ...common, keyPrefix: "signup_ip", points: 20, duration: 60 * 60 }),
  };
  return globalForLimits.handrailLimiters;
}

function waitOf(rejection: unknown): number {
  const ms = (rejection as RateLimiterRes | undefined)?.msBeforeNext;
  if (typeof ms !== "number") throw rejection; // a store error, not a limit
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Counts one sign-in attempt against the account and the address, atomically, before anything
 * is checked. Returns the seconds to wait when either budget is spent, or null.
 */
export async function reserveSignInAttempt(email: string, ip: string): Promise<number | null> {
  const { account, ip: byIp } = limiters();
  try {
    await account.consume(email);
  } catch (rejection) {
    return waitOf(rejection);
  }
  try {
    await byIp.consume(ip);
  } catch (rejection) {
    await account.reward(email);
    return waitOf(rejection);
  }
  return null;
}

/** Gives an attempt back (the form only asked for the second factor). */
export async function refundSignInAttempt(email: string, ip: string): Promise<void> {
  const { account, ip: byIp } = limiters();
  await Promise.all([account.reward(email), byIp.reward(ip)]);
}

/** A successful sign-in clears the account's failures and returns the address's point. */
export async function signInSucceeded(email: string, ip: string): Promise<void> {
  const { account, ip: byIp } = limiters();
  await Promise.all([account.delete(email), byIp.reward(ip)]);
}

/** Throws a number of seconds to wait when this address has created too many accounts. */
export async function consumeSignUp(ip: string): Promise<number | null> {
  try {
    await limiters().signUp.consume(ip);
    return null;
  } catch (res) {
    return Math.ceil((res as RateLimiterRes).msBeforeNext / 1000);
  }
}
