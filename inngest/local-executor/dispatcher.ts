import type pg from "pg";
import { SCHEMA } from "./schema";
import { errorMessage, log, ulid } from "./util";
import type { QueueItem } from "./worker";

export type DispatcherOptions = {
  pool: pg.Pool;
  concurrency: number;
  leaseMs: number;
  handle: (item: QueueItem) => Promise<void>;
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

  /** Concurrency keys are checked under per-key advisory locks against items leased right now. */
  private async claim(want: number): Promise<{ items: QueueItem[]; blocked: boolean }> {
    const client = await this.opts.pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<QueueItem & { ckeys: string[]; climits: number[] }>(
        `SELECT id, run_id, kind, step_id, attempt, ckeys, climits FROM ${SCHEMA}.queue
         WHERE run_at <= now() AND (lease_until IS NULL OR lease_until < now())
         ORDER BY run_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [want + 100],
      );
      const keys = [...new Set(rows.filter((r) => r.kind === "call").flatMap((r) => r.ckeys))].sort();
      const used = new Map<string, number>();
      if (keys.length) {
        for (const key of keys) await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [key]);
        const counts = await client.query<{ k: string; n: number }>(
          `SELECT k, count(*)::int AS n FROM ${SCHEMA}.queue, unnest(ckeys) AS k
           WHERE lease_until > now() AND ckeys && $1::text[] AND k = ANY($1::text[]) GROUP BY k`,
          [keys],
        );
        for (const c of counts.rows) used.set(c.k, c.n);
      }
      const items: QueueItem[] = [];
      let blocked = false;
      for (const row of rows) {
        if (items.length >= want) break;
        const limited =
          row.kind === "call" && row.ckeys.some((k, i) => (used.get(k) ?? 0) >= (row.climits[i] ?? Infinity));
        if (limited) {
          blocked = true;
          continue;
        }
        if (row.kind === "call") row.ckeys.forEach((k) => used.set(k, (used.get(k) ?? 0) + 1));
        items.push(row);
      }
      const owner = `${this.instanceId}:${++this.seq}`;
      if (items.length) {
        await client.query(
          `UPDATE ${SCHEMA}.queue SET lease_until = now() + make_interval(secs => $2 / 1000.0), lease_owner = $3 WHERE id = ANY($1)`,
          [items.map((i) => i.id), this.opts.leaseMs, owner],
        );
      }
      await client.query("COMMIT");
      return { items: items.map((i) => ({ ...i, lease_owner: owner })), blocked };
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
        `UPDATE ${SCHEMA}.queue SET lease_until = now() + make_interval(secs => $2 / 1000.0)
         WHERE lease_owner LIKE $1 AND lease_until IS NOT NULL`,
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
