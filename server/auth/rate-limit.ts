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

function retryAfter(res: RateLimiterRes | null, points: number): number | null {
  if (!res || res.consumedPoints < points) return null;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** Seconds until the next sign-in attempt is allowed for this account or address, or null. */
export async function signInBlockedFor(email: string, ip: string): Promise<number | null> {
  const { account, ip: byIp } = limiters();
  const [a, i] = await Promise.all([account.get(email), byIp.get(ip)]);
  const waits = [retryAfter(a, SIGN_IN_LIMITS.perAccount.points), retryAfter(i, SIGN_IN_LIMITS.perIp.points)];
  const blocked = waits.filter((w): w is number => w !== null);
  return blocked.length ? Math.max(...blocked) : null;
}

export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  const { account, ip: byIp } = limiters();
  // consume() rejects once the budget is spent; the caller already reports that case.
  await Promise.allSettled([account.consume(email), byIp.consume(ip)]);
}

export async function clearAccountLimit(email: string): Promise<void> {
  await limiters().account.delete(email);
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
