import type pg from "pg";
import { concurrencyKeys, type Event, type FunctionConfig } from "./registry";
import { SCHEMA } from "./schema";
import { resolveTime, ulid } from "./util";

export type Tx = pg.PoolClient;
export type StepResult = { data: unknown } | { error: unknown };
export type QueueKind = "call" | "sleep" | "wait" | "invoke";
export type Enqueue = { runId: string; kind: QueueKind; stepId: string; runAt?: number; attempt?: number };
export type RunSpec = { fn: FunctionConfig; event: Event; parent?: { runId: string; stepId: string } };
export type RunRow = {
  id: string;
  function_id: string;
  event: Event;
  status: string;
  parent_run_id: string | null;
  parent_step_id: string | null;
};

/** A run as a call needs it: its event and its step results in the order they were committed. */
export type CallRun = {
  id: string;
  function_id: string;
  event: Event;
  status: string;
  parent_run_id: string | null;
  steps: { step_id: string; result: StepResult }[];
};

/** Selects a `CallRun` from `runs r` (append the WHERE). */
export const CALL_RUN_SELECT = `SELECT r.id, r.function_id, r.event, r.status, r.parent_run_id,
  coalesce((SELECT jsonb_agg(jsonb_build_object('step_id', s.step_id, 'result', s.result) ORDER BY s.seq)
            FROM ${SCHEMA}.steps s WHERE s.run_id = r.id), '[]'::jsonb) AS steps
  FROM ${SCHEMA}.runs r`;

/** Step results are written once: a re-delivered result for the same step is ignored. */
export async function commitStep(tx: Tx, runId: string, stepId: string, result: StepResult): Promise<void> {
  await tx.query(`INSERT INTO ${SCHEMA}.steps (run_id, step_id, result) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
    runId,
    stepId,
    JSON.stringify(result),
  ]);
}

/**
 * Queue items are unique per (run, kind, step): enqueueing what is already pending is a no-op,
 * which is what de-duplicates discovery calls when parallel steps finish together. Concurrency
 * keys are copied from the run so claiming never needs a join.
 */
export async function enqueue(tx: Tx, items: Enqueue[]): Promise<void> {
  if (!items.length) return;
  const rows = items.map((i) => ({
    run_id: i.runId,
    kind: i.kind,
    step_id: i.stepId,
    attempt: i.attempt ?? 0,
    run_at_ms: i.runAt ?? null,
  }));
  await tx.query(
    `INSERT INTO ${SCHEMA}.queue (run_id, kind, step_id, attempt, run_at, ckeys, climits)
     SELECT q.run_id, q.kind, q.step_id, q.attempt,
            coalesce(to_timestamp(q.run_at_ms / 1000.0), now()), r.ckeys, r.climits
     FROM jsonb_to_recordset($1::jsonb) AS q(run_id text, kind text, step_id text, attempt int, run_at_ms float8)
     JOIN ${SCHEMA}.runs r ON r.id = q.run_id
     ON CONFLICT (run_id, kind, step_id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/** Creates runs with their first call and their cancelOn registrations, in bulk. */
export async function createRuns(tx: Tx, specs: RunSpec[]): Promise<string[]> {
  if (!specs.length) return [];
  const now = Date.now();
  const runs = specs.map((s) => {
    const { keys, limits } = concurrencyKeys(s.fn, s.event);
    return {
      id: ulid(now),
      function_id: s.fn.id,
      event_id: s.event.id,
      event: s.event,
      ckeys: keys,
      climits: limits,
      parent_run_id: s.parent?.runId ?? null,
      parent_step_id: s.parent?.stepId ?? null,
    };
  });
  await tx.query(
    `INSERT INTO ${SCHEMA}.runs (id, function_id, event_id, event, status, ckeys, climits, parent_run_id, parent_step_id)
     SELECT r.id, r.function_id, r.event_id, r.event, 'Running',
            ARRAY(SELECT jsonb_array_elements_text(r.ckeys)),
            ARRAY(SELECT jsonb_array_elements_text(r.climits)::int),
            r.parent_run_id, r.parent_step_id
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, function_id text, event_id text, event jsonb,
       ckeys jsonb, climits jsonb, parent_run_id text, parent_step_id text)`,
    [JSON.stringify(runs)],
  );
  const cancels = specs.flatMap((s, i) =>
    (s.fn.cancel ?? []).map((c, idx) => ({
      run_id: runs[i]!.id,
      idx,
      event_name: c.event,
      expr: c.if ?? null,
      expires_ms: c.timeout ? resolveTime(c.timeout, now) : null,
    })),
  );
  if (cancels.length) {
    await tx.query(
      `INSERT INTO ${SCHEMA}.cancels (run_id, idx, event_name, expr, expires_at)
       SELECT c.run_id, c.idx, c.event_name, c.expr, to_timestamp(c.expires_ms / 1000.0)
       FROM jsonb_to_recordset($1::jsonb) AS c(run_id text, idx int, event_name text, expr text, expires_ms float8)`,
      [JSON.stringify(cancels)],
    );
  }
  await enqueue(
    tx,
    runs.map((r) => ({ runId: r.id, kind: "call", stepId: "step" })),
  );
  return runs.map((r) => r.id);
}

/** Ends a run: nothing of it stays queued or waiting. Returns false when it had already ended. */
export async function endRun(tx: Tx, runId: string, status: string, output: unknown): Promise<RunRow | null> {
  const { rows } = await tx.query<RunRow>(
    `UPDATE ${SCHEMA}.runs SET status = $2, output = $3, ended_at = now()
     WHERE id = $1 AND status = 'Running'
     RETURNING id, function_id, event, status, parent_run_id, parent_step_id`,
    [runId, status, JSON.stringify(output ?? null)],
  );
  if (!rows[0]) return null;
  await tx.query(
    `WITH q AS (DELETE FROM ${SCHEMA}.queue WHERE run_id = $1), w AS (DELETE FROM ${SCHEMA}.waits WHERE run_id = $1)
     DELETE FROM ${SCHEMA}.cancels WHERE run_id = $1`,
    [runId],
  );
  return rows[0];
}

/**
 * Every transaction that changes a run takes its row lock first, so cancellation, event
 * matching and workers always lock in the same order and cannot deadlock each other.
 */
export async function lockRun(tx: Tx, runId: string): Promise<string | null> {
  const { rows } = await tx.query<{ status: string }>(`SELECT status FROM ${SCHEMA}.runs WHERE id = $1 FOR UPDATE`, [
    runId,
  ]);
  return rows[0]?.status ?? null;
}

/** A wait resolves once: whoever deletes the row (event or timeout) writes the step result. */
export async function resolveWait(tx: Tx, runId: string, stepId: string, event: Event | null): Promise<boolean> {
  if ((await lockRun(tx, runId)) !== "Running") return false;
  const { rowCount } = await tx.query(`DELETE FROM ${SCHEMA}.waits WHERE run_id = $1 AND step_id = $2`, [
    runId,
    stepId,
  ]);
  if (!rowCount) return false;
  await commitStep(tx, runId, stepId, { data: event });
  await tx.query(
    `DELETE FROM ${SCHEMA}.queue WHERE run_id = $1 AND kind = 'wait' AND step_id = $2 AND lease_until IS NULL`,
    [runId, stepId],
  );
  await enqueue(tx, [{ runId, kind: "call", stepId: "step" }]);
  return true;
}
