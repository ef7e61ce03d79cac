import type pg from "pg";
import { queueItemToken } from "./checkpoint";
import { keepAliveFetch } from "../keep-alive-fetch";
import { completeRun, finishRun, normaliseError } from "./finish";
import { maxAttempts, stepUrl, type Event, type FunctionConfig, type Registry } from "./registry";
import {
  CALL_RUN_SELECT,
  commitStep,
  createRuns,
  enqueue,
  lockRun,
  resolveWait,
  type CallRun,
  type Enqueue,
  type StepResult,
  type Tx,
} from "./run-state";
import { SCHEMA } from "./schema";
import { canonicalJson, signBody } from "./signing";
import { backoffMs, errorMessage, log, parseRetryAfter, resolveTime, ulid } from "./util";

export type QueueItem = {
  id: string;
  run_id: string;
  kind: string;
  step_id: string;
  attempt: number;
  lease_owner: string;
  /** A call item's run as the claim read it (saves the call a read). */
  run?: CallRun;
};
export type WorkerContext = {
  pool: pg.Pool;
  registry: Registry;
  signingKey: string;
  retryBaseMs: number;
  callTimeoutMs: number;
  leaseMs: number;
  checkpointing: boolean;
};

/** Consecutive calls one worker makes for a run before it goes back through the queue. */
const MAX_CONTINUATIONS = 50;
type Op = { id: string; op: string; name?: string; opts?: Record<string, unknown>; data?: unknown; error?: unknown };
type RunRow = CallRun;

async function inTx(pool: pg.Pool, fn: (tx: Tx) => Promise<void>): Promise<void> {
  const tx = await pool.connect();
  try {
    await tx.query("BEGIN");
    await fn(tx);
    await tx.query("COMMIT");
  } catch (error) {
    await tx.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    tx.release();
  }
}

/**
 * Removes the item if this claim still holds it. Everything a call produced is written in the
 * same transaction, so an item whose lease was lost (and re-run elsewhere) commits nothing.
 */
async function release(tx: Tx, item: QueueItem): Promise<boolean> {
  const { rowCount } = await tx.query(`DELETE FROM ${SCHEMA}.queue WHERE id = $1 AND lease_owner = $2`, [
    item.id,
    item.lease_owner,
  ]);
  return rowCount === 1;
}

export async function processItem(ctx: WorkerContext, item: QueueItem): Promise<void> {
  let next: QueueItem | null = item.kind === "call" ? item : await timer(ctx, item);
  for (let hops = 0; next && hops < MAX_CONTINUATIONS; hops++) next = await call(ctx, next);
  if (next)
    await ctx.pool.query(`UPDATE ${SCHEMA}.queue SET lease_until = NULL, lease_owner = NULL WHERE id = $1`, [next.id]);
}

/**
 * The next discovery call of a run, inserted already leased to this worker: the worker makes
 * it straight away instead of going through a claim (one commit per step instead of two).
 */
async function continuation(tx: Tx, ctx: WorkerContext, runId: string, owner: string): Promise<QueueItem | null> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO ${SCHEMA}.queue (run_id, kind, step_id, attempt, run_at, ckeys, climits, lease_until, lease_owner)
     SELECT r.id, 'call', 'step', 0, now(), r.ckeys, r.climits, now() + make_interval(secs => $2 / 1000.0), $3
     FROM ${SCHEMA}.runs r WHERE r.id = $1
     ON CONFLICT (run_id, kind, step_id) DO NOTHING RETURNING id`,
    [runId, ctx.leaseMs, owner],
  );
  return rows[0]
    ? { id: rows[0].id, run_id: runId, kind: "call", step_id: "step", attempt: 0, lease_owner: owner }
    : null;
}

let continuations = 0;

/**
 * A discovery call that reported step results and nothing else (the usual answer without
 * checkpointing): its results are written and its item becomes the run's next discovery call,
 * leased to this worker under a new owner (so the finished call's token goes stale), in one
 * statement. Same effect as release + commitStep + continuation in the general path.
 */
async function continueRun(
  ctx: WorkerContext,
  item: QueueItem,
  steps: { step_id: string; result: StepResult }[],
): Promise<QueueItem | null> {
  const owner = `${item.lease_owner.split("+")[0]}+${++continuations}`;
  const { rows } = await ctx.pool.query<{ next: string | null }>({
    name: "inngest-local-continue",
    text: `WITH run AS (SELECT status FROM ${SCHEMA}.runs WHERE id = $1 FOR UPDATE),
     next AS (
       UPDATE ${SCHEMA}.queue
       SET attempt = 0, run_at = now(), lease_until = now() + make_interval(secs => $5 / 1000.0), lease_owner = $4
       WHERE id = $2 AND lease_owner = $3 AND kind = 'call' AND step_id = 'step'
         AND (SELECT status FROM run) = 'Running'
       RETURNING id),
     ins AS (
       INSERT INTO ${SCHEMA}.steps (run_id, step_id, result)
       SELECT $1, s.v->>'step_id', s.v->'result' FROM jsonb_array_elements($6::jsonb) WITH ORDINALITY AS s(v, n)
       WHERE EXISTS (SELECT 1 FROM next) ORDER BY s.n
       ON CONFLICT DO NOTHING)
     SELECT (SELECT id::text FROM next) AS next`,
    values: [item.run_id, item.id, item.lease_owner, owner, ctx.leaseMs, JSON.stringify(steps)],
  });
  return rows[0]?.next
    ? { id: rows[0].next, run_id: item.run_id, kind: "call", step_id: "step", attempt: 0, lease_owner: owner }
    : null;
}

/** Sleep ends, wait and invoke timeouts: write the step result, then call the run. */
async function timer(ctx: WorkerContext, item: QueueItem): Promise<QueueItem | null> {
  let next: QueueItem | null = null;
  await inTx(ctx.pool, async (tx) => {
    await lockRun(tx, item.run_id);
    if (!(await release(tx, item))) return;
    if (item.kind === "sleep") {
      await commitStep(tx, item.run_id, item.step_id, { data: null });
      next = await continuation(tx, ctx, item.run_id, item.lease_owner);
    } else if (item.kind === "wait") {
      await resolveWait(tx, item.run_id, item.step_id, null);
    } else if (item.kind === "invoke") {
      const error = {
        name: "InngestInvokeTimeoutError",
        message: "Timed out waiting for the invoked function to finish",
      };
      await commitStep(tx, item.run_id, item.step_id, { error });
      next = await continuation(tx, ctx, item.run_id, item.lease_owner);
    }
  });
  return next;
}

async function call(ctx: WorkerContext, item: QueueItem): Promise<QueueItem | null> {
  // The run and its step results in one round trip, unless the claim brought them.
  const run =
    item.run ??
    (
      await ctx.pool.query<CallRun>({
        name: "inngest-local-call-run",
        text: `${CALL_RUN_SELECT} WHERE r.id = $1`,
        values: [item.run_id],
      })
    ).rows[0];
  const fn = run ? ctx.registry.get(run.function_id) : undefined;
  if (!run || run.status !== "Running" || !fn) {
    await inTx(ctx.pool, async (tx) => {
      const status = run ? await lockRun(tx, run.id) : null;
      if (!(await release(tx, item)) || !run || status !== "Running") return;
      await finishRun(tx, ctx.registry, run.id, {
        ok: false,
        error: { name: "Error", message: `Function ${run.function_id} is not synced` },
      });
    });
    return null;
  }
  const steps: Record<string, StepResult> = {};
  for (const row of run.steps) steps[row.step_id] = row.result;
  if (item.step_id !== "step" && steps[item.step_id]) {
    // A planned step that already has a result (parallel discovery): just carry on.
    await inTx(ctx.pool, async (tx) => {
      await lockRun(tx, run.id);
      if (await release(tx, item)) await enqueue(tx, [{ runId: run.id, kind: "call", stepId: "step" }]);
    });
    return null;
  }
  const attempts = maxAttempts(fn);
  const stack = Object.keys(steps);
  const body = canonicalJson({
    event: run.event,
    events: [run.event],
    steps,
    version: 2,
    // With fn_id/qi_id the SDK checkpoints: it runs consecutive steps in this one request and
    // reports each through POST /v1/checkpoint/:runId/async (see checkpoint.ts).
    ctx: {
      run_id: run.id,
      ...(ctx.checkpointing ? { fn_id: fn.id, qi_id: queueItemToken(item.id, item.lease_owner) } : {}),
      attempt: item.attempt,
      max_attempts: attempts,
      disable_immediate_execution: false,
      use_api: false,
      stack: { stack, current: stack.length },
    },
  });
  const url = new URL(stepUrl(fn));
  url.searchParams.set("fnId", fn.id);
  url.searchParams.set("stepId", item.step_id);
  let status = 0;
  let text = "";
  let headers = new Headers();
  try {
    const res = await keepAliveFetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-inngest-signature": signBody(body, ctx.signingKey),
        "x-run-id": run.id,
      },
      body,
      signal: AbortSignal.timeout(ctx.callTimeoutMs),
    });
    status = res.status;
    headers = res.headers;
    text = await res.text();
  } catch (error) {
    text = JSON.stringify({ name: "Error", message: `Call failed: ${errorMessage(error)}` });
  }
  const parsed = parseJson(text);
  const ending = run.parent_run_id ? null : plainEnd(status, parsed);
  if (ending) {
    // The common end of a run, in one statement (see completeRun).
    await completeRun(ctx.pool, item, ending.steps, ending.output);
    return null;
  }
  const reported = item.kind === "call" && item.step_id === "step" ? plainSteps(status, parsed) : null;
  if (reported) return continueRun(ctx, item, reported);
  let next: QueueItem | null = null;
  await inTx(ctx.pool, async (tx) => {
    const live = await lockRun(tx, run.id);
    if (!(await release(tx, item)) || live !== "Running") return;
    const retryAt =
      parseRetryAfter(headers.get("retry-after")) ?? Date.now() + backoffMs(item.attempt, ctx.retryBaseMs);
    const retry: Enqueue = {
      runId: run.id,
      kind: "call",
      stepId: item.step_id,
      attempt: item.attempt + 1,
      runAt: retryAt,
    };
    if (status === 200) {
      await finishRun(tx, ctx.registry, run.id, { ok: true, output: parsed });
    } else if (status === 206 && Array.isArray(parsed)) {
      const queued = await applyOps(tx, ctx, { run, fn, item, steps, ops: parsed as Op[], retry, attempts });
      const first = queued[0];
      const onlyDiscovery =
        queued.length === 1 && first?.kind === "call" && first.stepId === "step" && !first.attempt && !first.runAt;
      if (onlyDiscovery) next = await continuation(tx, ctx, run.id, item.lease_owner);
      else await enqueue(tx, queued);
    } else if (headers.get("x-inngest-no-retry") !== "true" && item.attempt + 1 < attempts) {
      log("call failed; retrying", { run: run.id, status, attempt: item.attempt });
      await enqueue(tx, [retry]);
    } else {
      await finishRun(tx, ctx.registry, run.id, { ok: false, error: parsed ?? { message: `HTTP ${status}` } });
    }
  });
  return next;
}

/** Ops that do more than record a step result; any of them takes the general path (applyOps). */
const ACTING_OPS = new Set(["StepError", "StepFailed", "StepPlanned", "Sleep", "WaitForEvent", "InvokeFunction"]);

/**
 * A call that simply completed its run: a 200, or a 206 of step results followed by
 * `RunComplete` (what the SDK answers when it checkpoints). Null for anything else.
 */
function plainEnd(
  status: number,
  parsed: unknown,
): { steps: { step_id: string; result: StepResult }[]; output: unknown } | null {
  if (status === 200) return { steps: [], output: parsed };
  if (status !== 206 || !Array.isArray(parsed)) return null;
  const steps: { step_id: string; result: StepResult }[] = [];
  for (const op of parsed as Op[]) {
    if (op?.op === "RunComplete") return { steps, output: op.data ?? null };
    if (!op || typeof op.op !== "string" || ACTING_OPS.has(op.op)) return null;
    // Ops that act on nothing (DeferAdd) are ignored, as in applyOps.
    if (op.op === "StepRun") steps.push({ step_id: op.id, result: { data: op.data ?? null } });
  }
  return null;
}

/** A 206 that only reports step results (and ops that act on nothing); null for anything else. */
function plainSteps(status: number, parsed: unknown): { step_id: string; result: StepResult }[] | null {
  if (status !== 206 || !Array.isArray(parsed) || !parsed.length) return null;
  const steps: { step_id: string; result: StepResult }[] = [];
  for (const op of parsed as Op[]) {
    if (!op || typeof op.op !== "string" || ACTING_OPS.has(op.op) || op.op === "RunComplete") return null;
    if (op.op === "StepRun") steps.push({ step_id: op.id, result: { data: op.data ?? null } });
  }
  return steps;
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return { name: "Error", message: text.slice(0, 500) };
  }
}

type OpsInput = {
  run: RunRow;
  fn: FunctionConfig;
  item: QueueItem;
  steps: Record<string, StepResult>;
  ops: Op[];
  retry: Enqueue;
  attempts: number;
};

/** Applies the SDK's 206 op list; returns what to queue (a run left runnable gets a discovery call). */
async function applyOps(
  tx: Tx,
  ctx: WorkerContext,
  { run, item, steps, ops, retry, attempts }: OpsInput,
): Promise<Enqueue[]> {
  const next: Enqueue[] = [];
  let discover = false;
  const settled = await settledSince(tx, run.id, ops, steps);
  for (const op of ops) {
    if (settled.has(op.id)) {
      // Its result was committed after this call read the run (a wait matched, a sleep or an
      // invoked run ended): the next call sees it, and nothing is started twice.
      discover = true;
      continue;
    }
    switch (op.op) {
      case "StepRun":
        await commitStep(tx, run.id, op.id, { data: op.data ?? null });
        discover = true;
        break;
      case "StepError":
        if (item.attempt + 1 < attempts) {
          log("step errored; retrying", { run: run.id, step: op.id, attempt: item.attempt });
          next.push(retry);
          break;
        }
      // falls through: out of attempts, the error is final
      case "StepFailed":
        await commitStep(tx, run.id, op.id, { error: normaliseError(op.error) });
        discover = true;
        break;
      case "StepPlanned":
        if (steps[op.id]) discover = true;
        else next.push({ runId: run.id, kind: "call", stepId: op.id });
        break;
      case "Sleep":
        next.push({ runId: run.id, kind: "sleep", stepId: op.id, runAt: resolveTime(op.name ?? "0s") });
        break;
      case "WaitForEvent": {
        const expires = resolveTime(typeof op.opts?.timeout === "string" ? op.opts.timeout : "0s");
        await tx.query(
          `INSERT INTO ${SCHEMA}.waits (run_id, step_id, event_name, expr, expires_at)
           VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0)) ON CONFLICT DO NOTHING`,
          [run.id, op.id, op.name, typeof op.opts?.if === "string" ? op.opts.if : null, expires],
        );
        next.push({ runId: run.id, kind: "wait", stepId: op.id, runAt: expires });
        break;
      }
      case "InvokeFunction":
        discover = (await invoke(tx, ctx, run, op, next)) || discover;
        break;
      case "RunComplete":
        await finishRun(tx, ctx.registry, run.id, { ok: true, output: op.data ?? null });
        return [];
      default:
        discover = true;
    }
  }
  if (discover) next.push({ runId: run.id, kind: "call", stepId: "step" });
  return next;
}

const TIMED_OPS = new Set(["Sleep", "WaitForEvent", "InvokeFunction"]);

/**
 * Of the steps the SDK asks to sleep, wait or invoke, those whose result was committed after
 * the call read the run (`known` is what it read). Read under the run's lock, so a result
 * committed concurrently (its event's intake also locks the run) is either seen here or finds
 * the wait this call leaves.
 */
async function settledSince(tx: Tx, runId: string, ops: Op[], known: Record<string, StepResult>): Promise<Set<string>> {
  const ids = ops.filter((op) => TIMED_OPS.has(op.op) && !known[op.id]).map((op) => op.id);
  if (!ids.length) return new Set();
  const { rows } = await tx.query<{ step_id: string }>(
    `SELECT step_id FROM ${SCHEMA}.steps WHERE run_id = $1 AND step_id = ANY($2::text[])`,
    [runId, ids],
  );
  return new Set(rows.map((r) => r.step_id));
}

/** `step.invoke`: a child run whose end writes the parent's step result (see finishRun). */
async function invoke(tx: Tx, ctx: WorkerContext, run: RunRow, op: Op, next: Enqueue[]): Promise<boolean> {
  const opts = op.opts ?? {};
  const target = ctx.registry.get(String(opts.function_id));
  if (!target) {
    await commitStep(tx, run.id, op.id, {
      error: { name: "Error", message: `Function ${String(opts.function_id)} not found` },
    });
    return true;
  }
  const payload = (opts.payload ?? {}) as { data?: Record<string, unknown> };
  const event: Event = { id: ulid(), name: "inngest/function.invoked", data: payload.data ?? {}, ts: Date.now() };
  await createRuns(tx, [{ fn: target, event, parent: { runId: run.id, stepId: op.id } }]);
  if (typeof opts.timeout === "string" && opts.timeout) {
    next.push({ runId: run.id, kind: "invoke", stepId: op.id, runAt: resolveTime(opts.timeout) });
  }
  return false;
}
