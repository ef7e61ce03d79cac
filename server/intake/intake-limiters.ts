import pg from "pg";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env";
import { REPLAY_WINDOW_SECONDS } from "./webhook-signature";

/** Lead form submissions per client address and form (a browser form cannot sign). */
export const FORM_LIMIT = { points: 20, duration: 60 * 60 } as const;

type Limiters = { replay: RateLimiterPostgres; form: RateLimiterPostgres };
const globalForLimits = globalThis as unknown as { handrailIntakeLimiters?: Limiters };

// Kept in PostgreSQL (the table sign-in limits use), so every app instance sees the same counts.
function limiters(): Limiters {
  if (globalForLimits.handrailIntakeLimiters) return globalForLimits.handrailIntakeLimiters;
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 3 });
  const common = { storeClient: pool, storeType: "pool", tableName: "rate_limits", tableCreated: true } as const;
  globalForLimits.handrailIntakeLimiters = {
    // A signature is spent once; it is remembered for both sides of the window (clock skew).
    replay: new RateLimiterPostgres({
      ...common,
      keyPrefix: "intake_sig",
      points: 1,
      duration: 2 * REPLAY_WINDOW_SECONDS,
    }),
    form: new RateLimiterPostgres({ ...common, keyPrefix: "intake_form_ip", ...FORM_LIMIT }),
  };
  return globalForLimits.handrailIntakeLimiters;
}

function rejectionWait(rejection: unknown): number {
  const ms = (rejection as RateLimiterRes | undefined)?.msBeforeNext;
  if (typeof ms !== "number") throw rejection; // a store error, not a limit
  return Math.max(1, Math.ceil(ms / 1000));
}

/** True the first time a (valid) signature is seen for an endpoint, false for a replay. */
export async function spendSignature(endpointId: string, signature: string): Promise<boolean> {
  try {
    await limiters().replay.consume(`${endpointId}:${signature}`);
    return true;
  } catch (rejection) {
    rejectionWait(rejection);
    return false;
  }
}

/** Counts one lead form submission; returns seconds to wait when the address is over its limit. */
export async function consumeFormSubmission(formKey: string, ip: string): Promise<number | null> {
  try {
    await limiters().form.consume(`${formKey}:${ip}`);
    return null;
  } catch (rejection) {
    return rejectionWait(rejection);
  }
}
