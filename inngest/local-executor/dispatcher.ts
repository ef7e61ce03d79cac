import type pg from "pg";
import { CALL_RUN_SELECT, type CallRun } from "./run-state";
import { SCHEMA } from "./schema";
import { errorMessage, log, ulid } from "./util";
import type { QueueItem } from "./worker";

export type DispatcherOptions = {
  pool: pg.Pool;
  concurrency: number;
  leaseMs: number;
  handle: (item: QueueItem) => Promise<void>;
};

type Candidate = { id: string; kind: string; ckeys: string[]; climits: number[] };
type ClaimRow = {
  seen: number;
  keyed: boolean;
  id: string | null;
  run_id: string | null;
  kind: string | null;
  step_id: string | null;
  attempt: number | null;
  run: CallRun | null;
};

/** Longest idle wait: a safety net only; new work wakes the loop in-process. */
const MAX_IDLE_MS = 2_000;

/**
 * Claims due queue items with `FOR UPDATE SKIP LOCKED` and a lease, runs at most `concurrency`
 * at a time, and renews the leases it holds. A lease outlives a crash only until it expires,
 * then the item is claimed again, so an in-flight call is retried after a SIGKILL.
 */
export class Dispatcher {
  readonly instanceId = ulid();
  private active = 0;
  private dirty = true;
  private stopped = false;
  private seq = 0;
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private timers: NodeJS.Timeout[] = [];
  private inFlight = new Set<Promise<void>>();

  constructor(private readonly opts: DispatcherOptions) {}

  start(): void {
    this.loop = this.run();
    this.timers.push(setInterval(() => void this.renew(), Math.max(250, this.opts.leaseMs / 3)));
    this.timers.push(setInterval(() => void this.housekeeping(), 60_000));
  }

  wake(): void {
    this.dirty = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    for (const t of this.timers) clearInterval(t);
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  private async run(): Promise<void> {
    let idleMs = MAX_IDLE_MS;
    while (!this.stopped) {
      const free = this.opts.concurrency - this.active;
      if (free > 0 && this.dirty) {
        this.dirty = false;
        try {
          const { items, blocked } = await this.claim(free);
          for (const item of items) this.launch(item);
          if (items.length === free) this.dirty = true;
          else idleMs = blocked ? 500 : await this.untilNextDue();
        } catch (error) {
          log("claim failed", { error: errorMessage(error) });
          idleMs = 500;
        }
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idleMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
      this.dirty = true;
      idleMs = MAX_IDLE_MS;
    }
  }

  private launch(item: QueueItem): void {
    this.active++;
    const p = this.opts
      .handle(item)
      .catch((error: unknown) =>
        log("item failed; it will be retried when its lease expires", { item: item.id, error: errorMessage(error) }),
      )
      .finally(() => {
        this.active--;
        this.inFlight.delete(p);
        this.wake();
      });
    this.inFlight.add(p);
  }

  /**
   * Usually one statement: it reads the first `want` due items and, unless one of them has
   * concurrency keys, leases them (rows another executor holds are skipped, never waited for)
   * and returns each call item with its run and step results, so the first call needs no read
   * of its own. Items with concurrency keys take the transaction in `claimKeyed`.
   */
  private async claim(want: number): Promise<{ items: QueueItem[]; blocked: boolean }> {
    const owner = `${this.instanceId}:${++this.seq}`;
    const { rows } = await this.opts.pool.query<ClaimRow>({
      name: "inngest-local-claim",
      text: `WITH c AS (
         SELECT id, kind, ckeys FROM ${SCHEMA}.queue
         WHERE run_at <= now() AND (lease_until IS NULL OR lease_until < now())
         ORDER BY run_at, id LIMIT $1),
       meta AS (
         SELECT (SELECT count(*) FROM c)::int AS seen,
                EXISTS (SELECT 1 FROM c WHERE kind = 'call' AND cardinality(ckeys) > 0) AS keyed),
       free AS (
         SELECT q.id FROM ${SCHEMA}.queue q
         WHERE q.id IN (SELECT id FROM c) AND NOT (SELECT keyed FROM meta)
           AND q.run_at <= now() AND (q.lease_until IS NULL OR q.lease_until < now())
         ORDER BY q.id FOR UPDATE SKIP LOCKED),
       leased AS (
         UPDATE ${SCHEMA}.queue q SET lease_until = now() + make_interval(secs => $2 / 1000.0), lease_owner = $3
         FROM free WHERE q.id = free.id
         RETURNING q.id, q.run_id, q.kind, q.step_id, q.attempt, q.run_at)
       SELECT m.seen, m.keyed, l.id, l.run_id, l.kind, l.step_id, l.attempt,
              CASE WHEN l.kind = 'call' THEN (SELECT to_jsonb(x) FROM (${CALL_RUN_SELECT} WHERE r.id = l.run_id) x) END AS run
       FROM meta m LEFT JOIN leased l ON true
       ORDER BY l.run_at, l.id`,
      values: [want, this.opts.leaseMs, owner],
    });
    const meta = rows[0];
    if (!meta || meta.seen === 0) return { items: [], blocked: false };
    if (meta.keyed) return this.claimKeyed(want, owner);
    const items = rows
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: r.id!,
        run_id: r.run_id!,
        kind: r.kind!,
        step_id: r.step_id!,
        attempt: r.attempt!,
        lease_owner: owner,
        ...(r.run ? { run: r.run } : {}),
      }));
    return { items, blocked: false };
  }

  /**
   * Reads past the items that concurrency limits hold back, and counts each key's items leased
   * right now under per-key advisory locks, in the same transaction as the leases it grants.
   */
  private async claimKeyed(want: number, owner: string): Promise<{ items: QueueItem[]; blocked: boolean }> {
    const { rows } = await this.opts.pool.query<Candidate>(
      `SELECT id, kind, ckeys, climits FROM ${SCHEMA}.queue
       WHERE run_at <= now() AND (lease_until IS NULL OR lease_until < now())
       ORDER BY run_at, id LIMIT $1`,
      [want + 100],
    );
    const client = await this.opts.pool.connect();
    try {
      await client.query("BEGIN");
      const keys = [...new Set(rows.filter((r) => r.kind === "call").flatMap((r) => r.ckeys))].sort();
      for (const key of keys) await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [key]);
      const used = new Map<string, number>();
      const counts = await client.query<{ k: string; n: number }>(
        `SELECT k, count(*)::int AS n FROM ${SCHEMA}.queue, unnest(ckeys) AS k
         WHERE lease_owner IS NOT NULL AND lease_until > now() AND ckeys && $1::text[] AND k = ANY($1::text[])
         GROUP BY k`,
        [keys],
      );
      for (const c of counts.rows) used.set(c.k, c.n);
      const taken: Candidate[] = [];
      let blocked = false;
      for (const row of rows) {
        if (taken.length >= want) break;
        const limited =
          row.kind === "call" && row.ckeys.some((k, i) => (used.get(k) ?? 0) >= (row.climits[i] ?? Infinity));
        if (limited) {
          blocked = true;
          continue;
        }
        if (row.kind === "call") row.ckeys.forEach((k) => used.set(k, (used.get(k) ?? 0) + 1));
        taken.push(row);
      }
      const items = taken.length
        ? (
            await client.query<Omit<QueueItem, "lease_owner">>(
              `UPDATE ${SCHEMA}.queue SET lease_until = now() + make_interval(secs => $2 / 1000.0), lease_owner = $3
               WHERE id IN (SELECT id FROM ${SCHEMA}.queue
                            WHERE id = ANY($1) AND run_at <= now() AND (lease_until IS NULL OR lease_until < now())
                            ORDER BY id FOR UPDATE SKIP LOCKED)
               RETURNING id, run_id, kind, step_id, attempt`,
              [taken.map((c) => c.id), this.opts.leaseMs, owner],
            )
          ).rows
        : [];
      await client.query("COMMIT");
      // In queue order, as read.
      const order = new Map(taken.map((c, i) => [c.id, i]));
      items.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      return { items: items.map((r) => ({ ...r, lease_owner: owner })), blocked };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async untilNextDue(): Promise<number> {
    const { rows } = await this.opts.pool.query<{ ms: number | null }>(
      `SELECT (extract(epoch FROM min(greatest(run_at, coalesce(lease_until, run_at)))) * 1000
               - extract(epoch FROM now()) * 1000)::float8 AS ms FROM ${SCHEMA}.queue`,
    );
    const ms = rows[0]?.ms;
    return ms === null || ms === undefined ? MAX_IDLE_MS : Math.min(MAX_IDLE_MS, Math.max(5, Math.ceil(ms)));
  }

  private async renew(): Promise<void> {
    if (this.active === 0) return;
    await this.opts.pool
      .query(
        // Rows locked right now (a checkpoint renewing them, a worker releasing them) are skipped,
        // so renewal never waits for, or deadlocks with, anything; the next round renews them.
        `UPDATE ${SCHEMA}.queue SET lease_until = now() + make_interval(secs => $2 / 1000.0)
         WHERE id IN (SELECT id FROM ${SCHEMA}.queue WHERE lease_owner LIKE $1 AND lease_until IS NOT NULL
                      ORDER BY id FOR UPDATE SKIP LOCKED)`,
        [`${this.instanceId}:%`, this.opts.leaseMs],
      )
      .catch((error: unknown) => log("lease renewal failed", { error: errorMessage(error) }));
  }

  /** Expired keys and counters only; events and runs are kept for look-ups. */
  private async housekeeping(): Promise<void> {
    await this.opts.pool
      .query(
        `DELETE FROM ${SCHEMA}.event_keys WHERE expires_at < now();
         DELETE FROM ${SCHEMA}.idempotency WHERE expires_at < now();
         DELETE FROM ${SCHEMA}.rate_limit_hits WHERE at < now() - interval '1 day';
         DELETE FROM ${SCHEMA}.cancels WHERE expires_at < now();`,
      )
      .catch((error: unknown) => log("housekeeping failed", { error: errorMessage(error) }));
  }
}
