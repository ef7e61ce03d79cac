import { randomBytes } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** ULIDs like Inngest's run and event ids: time-sortable, so lists read in creation order. */
export function ulid(now = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let random = "";
  for (let i = 0; i < 16; i++) random += CROCKFORD[bytes[i]! % 32];
  return time + random;
}

const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

/** Milliseconds in an SDK duration string ("1w2d3h4m5s", "500ms"); null when it is not one. */
export function parseDuration(input: string): number | null {
  const parts = input.trim().match(/(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/g);
  if (!parts || parts.join("") !== input.trim()) return null;
  let total = 0;
  for (const part of parts) {
    const [, n, unit] = part.match(/(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/)!;
    total += Number(n) * UNIT_MS[unit!]!;
  }
  return total;
}

/** `step.sleep` sends a duration, `step.sleepUntil` an ISO date; both become an absolute time. */
export function resolveTime(input: string, now = Date.now()): number {
  const ms = parseDuration(input);
  if (ms !== null) return now + ms;
  const at = Date.parse(input);
  if (Number.isNaN(at)) throw new Error(`Unreadable duration or date: ${input}`);
  return at;
}

/** Retry-After is seconds or an HTTP/ISO date (the SDK's RetryAfterError sends either). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return now + Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(at, now);
}

/** Exponential backoff with jitter, capped, so a broken app is not hammered. */
export function backoffMs(attempt: number, baseMs: number): number {
  const exp = Math.min(baseMs * 2 ** attempt, 60 * 60_000);
  return Math.round(exp * (0.75 + Math.random() * 0.5));
}

/** Logs carry ids and outcomes only: event payloads and step data may hold personal data. */
export function log(message: string, fields: Record<string, string | number | boolean | undefined> = {}): void {
  const extra = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(" ");
  process.stderr.write(`[executor] ${message}${extra ? " " + extra : ""}\n`);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
