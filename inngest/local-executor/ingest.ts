import { matches } from "./cel";
import { idempotencyKeyOf, rateLimitOf, type Event, type Registry } from "./registry";
import { createRuns, endRun, resolveWait, type RunSpec, type Tx } from "./run-state";
import { SCHEMA } from "./schema";
import { log, ulid } from "./util";

const DAY_MS = 86_400_000;

export type IncomingEvent = { name: string; data?: unknown; id?: unknown; ts?: unknown; [k: string]: unknown };

/** Checks shape only; the payload itself is opaque to the executor. */
export function validateEvent(raw: unknown): IncomingEvent {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new Error("event must be an object");
  const e = raw as IncomingEvent;
  if (typeof e.name !== "string" || !e.name) throw new Error("event name is required");
  if (e.data !== undefined && e.data !== null && (typeof e.data !== "object" || Array.isArray(e.data))) {
    throw new Error("event data must be an object");
  }
  return e;
}

/**
 * Stores events and acts on them in the caller's transaction: cancels matching runs, resolves
 * matching waits, then starts triggered functions (rate limit and idempotency applied).
 * A user-supplied `id` de-duplicates the event for 24 h, as on Inngest.
 */
export async function ingest(tx: Tx, registry: Registry, incoming: IncomingEvent[]): Promise<string[]> {
  const now = Date.now();
  const ids: string[] = [];
  const fresh: Event[] = [];
  for (const raw of incoming) {
    const id = ulid(now);
    if (typeof raw.id === "string" && raw.id) {
      const { rows } = await tx.query<{ event_id: string }>(
        `INSERT INTO ${SCHEMA}.event_keys (key, event_id, expires_at) VALUES ($1, $2, to_timestamp($3 / 1000.0))
         ON CONFLICT (key) DO UPDATE SET event_id = EXCLUDED.event_id, expires_at = EXCLUDED.expires_at
           WHERE event_keys.expires_at < now()
         RETURNING event_id`,
        [raw.id, id, now + DAY_MS],
      );
      if (!rows[0]) {
        const existing = await tx.query<{ event_id: string }>(
          `SELECT event_id FROM ${SCHEMA}.event_keys WHERE key = $1`,
          [raw.id],
        );
        ids.push(existing.rows[0]?.event_id ?? id);
        continue;
      }
    }
    const { id: _userId, ...rest } = raw;
    const ts = typeof raw.ts === "number" && raw.ts > 0 ? raw.ts : now;
    const event: Event = { ...rest, id, name: raw.name, data: (raw.data ?? {}) as Record<string, unknown>, ts };
    ids.push(id);
    fresh.push(event);
  }
  if (!fresh.length) return ids;
  await tx.query(
    `INSERT INTO ${SCHEMA}.events (id, name, payload)
     SELECT e.id, e.name, e.payload FROM jsonb_to_recordset($1::jsonb) AS e(id text, name text, payload jsonb)`,
    [JSON.stringify(fresh.map((e) => ({ id: e.id, name: e.name, payload: e })))],
  );
  const names = [...new Set(fresh.map((e) => e.name))];
  await applyCancels(tx, fresh, names);
  await applyWaits(tx, fresh, names);
  await startRuns(tx, registry, fresh);
  return ids;
}

async function applyCancels(tx: Tx, events: Event[], names: string[]): Promise<void> {
  const { rows } = await tx.query<{ run_id: string; event_name: string; expr: string | null; event: Event }>(
    `SELECT c.run_id, c.event_name, c.expr, r.event FROM ${SCHEMA}.cancels c JOIN ${SCHEMA}.runs r ON r.id = c.run_id
     WHERE c.event_name = ANY($1) AND (c.expires_at IS NULL OR c.expires_at > now()) AND r.status = 'Running'
     ORDER BY c.run_id`,
    [names],
  );
  const done = new Set<string>();
  for (const row of rows) {
    if (done.has(row.run_id)) continue;
    const hit = events.some((e) => e.name === row.event_name && matches(row.expr, { event: row.event, async: e }));
    if (!hit) continue;
    done.add(row.run_id);
    if (await endRun(tx, row.run_id, "Cancelled", null)) log("run cancelled", { run: row.run_id });
  }
}

async function applyWaits(tx: Tx, events: Event[], names: string[]): Promise<void> {
  const { rows } = await tx.query<{
    run_id: string;
    step_id: string;
    event_name: string;
    expr: string | null;
    event: Event;
  }>(
    `SELECT w.run_id, w.step_id, w.event_name, w.expr, r.event FROM ${SCHEMA}.waits w
     JOIN ${SCHEMA}.runs r ON r.id = w.run_id
     WHERE w.event_name = ANY($1) AND w.expires_at > now() AND r.status = 'Running'
     ORDER BY w.run_id, w.step_id`,
    [names],
  );
  for (const row of rows) {
    const match = events.find((e) => e.name === row.event_name && matches(row.expr, { event: row.event, async: e }));
    if (match) await resolveWait(tx, row.run_id, row.step_id, match);
  }
}

async function startRuns(tx: Tx, registry: Registry, events: Event[]): Promise<void> {
  const specs: RunSpec[] = [];
  for (const event of events) {
    for (const fn of registry.triggered(event)) {
      if (!(await admitRateLimit(tx, fn.id, rateLimitOf(fn, event)))) {
        log("event skipped by rate limit", { fn: fn.id, event: event.id });
        continue;
      }
      const key = idempotencyKeyOf(fn, event);
      if (key !== null && !(await claimIdempotency(tx, fn.id, key))) {
        log("event skipped by idempotency", { fn: fn.id, event: event.id });
        continue;
      }
      specs.push({ fn, event });
    }
  }
  await createRuns(tx, specs);
}

/** Sliding window over stored hits; the advisory lock serialises admission per key. */
async function admitRateLimit(tx: Tx, fnId: string, rl: ReturnType<typeof rateLimitOf>): Promise<boolean> {
  if (!rl) return true;
  await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`rl:${fnId}:${rl.key}`]);
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${SCHEMA}.rate_limit_hits
     WHERE function_id = $1 AND key = $2 AND at > now() - make_interval(secs => $3 / 1000.0)`,
    [fnId, rl.key, rl.periodMs],
  );
  if ((rows[0]?.n ?? 0) >= rl.limit) return false;
  await tx.query(`INSERT INTO ${SCHEMA}.rate_limit_hits (function_id, key) VALUES ($1, $2)`, [fnId, rl.key]);
  return true;
}

/** First event with a key in 24 h wins; the unique key makes concurrent intake agree. */
async function claimIdempotency(tx: Tx, fnId: string, key: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO ${SCHEMA}.idempotency (function_id, key, run_id, expires_at) VALUES ($1, $2, '', now() + interval '24 hours')
     ON CONFLICT (function_id, key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE idempotency.expires_at < now()`,
    [fnId, key],
  );
  return rowCount === 1;
}
