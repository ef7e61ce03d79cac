import type pg from "pg";
import { evaluateKey, matches } from "./cel";
import { SCHEMA } from "./schema";
import { parseDuration } from "./util";

/** The subset of the SDK's function config (register body) the executor acts on. */
export type FunctionConfig = {
  id: string;
  name?: string;
  triggers: { event?: string; expression?: string; cron?: string }[];
  steps: Record<string, { runtime: { url: string }; retries?: { attempts?: number } }>;
  cancel?: { event: string; if?: string; timeout?: string }[];
  concurrency?: number | ConcurrencyOption | ConcurrencyOption[];
  idempotency?: string;
  rateLimit?: { limit: number; period: string; key?: string };
};
type ConcurrencyOption = { limit: number; key?: string; scope?: "fn" | "env" | "account" };

export type Event = { id: string; name: string; data: Record<string, unknown>; ts: number; [k: string]: unknown };

/** Inngest's default when a function sets no `retries`. */
const DEFAULT_RETRIES = 3;

export class Registry {
  private fns = new Map<string, FunctionConfig>();

  async load(db: pg.Pool): Promise<void> {
    const { rows } = await db.query<{ config: FunctionConfig }>(`SELECT config FROM ${SCHEMA}.functions`);
    this.fns = new Map(rows.map((r) => [r.config.id, r.config]));
  }

  /** A sync replaces the app's functions: ones the app no longer serves stop triggering. */
  async replace(db: pg.Pool, appUrl: string, functions: FunctionConfig[]): Promise<void> {
    const client = await db.connect();
    try {
      await client.query("BEGIN");
      await client.query(`DELETE FROM ${SCHEMA}.functions WHERE app_url = $1`, [appUrl]);
      for (const fn of functions) {
        await client.query(
          `INSERT INTO ${SCHEMA}.functions (id, app_url, config) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET app_url = EXCLUDED.app_url, config = EXCLUDED.config, synced_at = now()`,
          [fn.id, appUrl, JSON.stringify(fn)],
        );
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
    await this.load(db);
  }

  get(id: string): FunctionConfig | undefined {
    return this.fns.get(id);
  }

  size(): number {
    return this.fns.size;
  }

  /** Functions an event starts: name (with `*` wildcards) and the trigger's `if` expression. */
  triggered(event: Event): FunctionConfig[] {
    const out: FunctionConfig[] = [];
    for (const fn of this.fns.values()) {
      const hit = fn.triggers.some(
        (t) => t.event !== undefined && nameMatches(t.event, event.name) && matches(t.expression, { event }),
      );
      if (hit) out.push(fn);
    }
    return out;
  }
}

function nameMatches(pattern: string, name: string): boolean {
  if (!pattern.includes("*")) return pattern === name;
  const re = new RegExp(
    "^" +
      pattern
        .split("*")
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*") +
      "$",
  );
  return re.test(name);
}

export function stepUrl(fn: FunctionConfig): string {
  const step = Object.values(fn.steps)[0];
  if (!step) throw new Error(`Function ${fn.id} has no step runtime`);
  return step.runtime.url;
}

export function maxAttempts(fn: FunctionConfig): number {
  const step = Object.values(fn.steps)[0];
  return (step?.retries?.attempts ?? DEFAULT_RETRIES) + 1;
}

/**
 * Concurrency keys for a run. Inngest limits steps in flight (not runs), per key; a key with
 * no expression is the function as a whole. Scope "env"/"account" share the key across functions.
 */
export function concurrencyKeys(fn: FunctionConfig, event: Event): { keys: string[]; limits: number[] } {
  const raw = fn.concurrency;
  const options: ConcurrencyOption[] =
    raw === undefined ? [] : typeof raw === "number" ? [{ limit: raw }] : Array.isArray(raw) ? raw : [raw];
  const keys: string[] = [];
  const limits: number[] = [];
  for (const option of options) {
    if (!option.limit || option.limit <= 0) continue;
    const value = option.key ? (evaluateKey(option.key, { event }) ?? "") : "";
    const scope = option.scope && option.scope !== "fn" ? `${option.scope}:${option.key ?? ""}` : `fn:${fn.id}`;
    keys.push(`${scope}:${value}`);
    limits.push(option.limit);
  }
  return { keys, limits };
}

export function rateLimitOf(fn: FunctionConfig, event: Event): { key: string; limit: number; periodMs: number } | null {
  const rl = fn.rateLimit;
  if (!rl?.limit) return null;
  const periodMs = parseDuration(rl.period) ?? 60_000;
  const key = rl.key ? (evaluateKey(rl.key, { event }) ?? "") : "";
  return { key, limit: rl.limit, periodMs };
}

export function idempotencyKeyOf(fn: FunctionConfig, event: Event): string | null {
  return fn.idempotency ? evaluateKey(fn.idempotency, { event }) : null;
}
