import type pg from "pg";
import { ingest } from "./ingest";
import type { Registry } from "./registry";
import { commitStep, endRun, enqueue, type StepResult, type Tx } from "./run-state";
import { SCHEMA } from "./schema";
import { log } from "./util";
import type { QueueItem } from "./worker";

const FAILURE_SUFFIX = "-failure";

/** Errors reach onFailure handlers through the SDK's jsonErrorSchema, which needs name and message. */
export function normaliseError(raw: unknown): { name: string; message: string; stack?: string; [k: string]: unknown } {
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const e = raw as Record<string, unknown>;
    return {
      ...e,
      name: typeof e.name === "string" ? e.name : "Error",
      message: typeof e.message === "string" ? e.message : JSON.stringify(raw),
    };
  }
  return { name: "Error", message: typeof raw === "string" ? raw : JSON.stringify(raw ?? null) };
}

/**
 * Completes or fails a run in the caller's transaction: an invoking parent gets the result as
 * its step result, and a failure emits `inngest/function.failed`, which is what triggers the
 * function's onFailure handler (the SDK registers it as a separate function).
 */
export async function finishRun(
  tx: Tx,
  registry: Registry,
  runId: string,
  outcome: { ok: true; output: unknown } | { ok: false; error: unknown },
): Promise<void> {
  const output = outcome.ok ? outcome.output : normaliseError(outcome.error);
  const run = await endRun(tx, runId, outcome.ok ? "Completed" : "Failed", output);
  if (!run) return;
  // Completions are the common case and would flood the log; failures are what operators need.
  if (!outcome.ok) log("run failed", { run: runId, fn: run.function_id });
  if (run.parent_run_id && run.parent_step_id) {
    await commitStep(tx, run.parent_run_id, run.parent_step_id, outcome.ok ? { data: output } : { error: output });
    await tx.query(
      `DELETE FROM ${SCHEMA}.queue WHERE run_id = $1 AND kind = 'invoke' AND step_id = $2 AND lease_until IS NULL`,
      [run.parent_run_id, run.parent_step_id],
    );
    const parent = await tx.query(`SELECT 1 FROM ${SCHEMA}.runs WHERE id = $1 AND status = 'Running'`, [
      run.parent_run_id,
    ]);
    if (parent.rowCount) await enqueue(tx, [{ runId: run.parent_run_id, kind: "call", stepId: "step" }]);
  }
  if (!outcome.ok && !run.function_id.endsWith(FAILURE_SUFFIX)) {
    await ingest(tx, registry, [
      {
        name: "inngest/function.failed",
        data: { function_id: run.function_id, run_id: run.id, error: output, event: run.event },
      },
    ]);
  }
}

/**
 * A call that ended a run with no parent (a 200, or a 206 whose ops are step results and then
 * `RunComplete`): what `finishRun` does for it, the step results, and the release of the call's
 * queue item, in one statement (one round trip, its own transaction). The run's row lock comes
 * first (an uncorrelated InitPlan), as everywhere else; nothing is written unless this claim
 * still holds the item, and nothing but the release unless the run is still running.
 */
export async function completeRun(
  pool: pg.Pool,
  item: QueueItem,
  steps: { step_id: string; result: StepResult }[],
  output: unknown,
): Promise<void> {
  await pool.query(
    `WITH run AS (SELECT id FROM ${SCHEMA}.runs WHERE id = $1 FOR UPDATE),
     held AS (DELETE FROM ${SCHEMA}.queue WHERE id = $2 AND lease_owner = $3 AND EXISTS (SELECT 1 FROM run) RETURNING id),
     ended AS (
       UPDATE ${SCHEMA}.runs SET status = 'Completed', output = $4, ended_at = now()
       WHERE id = $1 AND status = 'Running' AND parent_run_id IS NULL AND EXISTS (SELECT 1 FROM held)
       RETURNING id),
     ins AS (
       INSERT INTO ${SCHEMA}.steps (run_id, step_id, result)
       SELECT $1, s.v->>'step_id', s.v->'result' FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS s(v, n)
       WHERE EXISTS (SELECT 1 FROM ended) ORDER BY s.n
       ON CONFLICT DO NOTHING),
     q AS (DELETE FROM ${SCHEMA}.queue WHERE run_id = $1 AND id <> $2 AND EXISTS (SELECT 1 FROM ended)),
     w AS (DELETE FROM ${SCHEMA}.waits WHERE run_id = $1 AND EXISTS (SELECT 1 FROM ended))
     DELETE FROM ${SCHEMA}.cancels WHERE run_id = $1 AND EXISTS (SELECT 1 FROM ended)`,
    [item.run_id, item.id, item.lease_owner, JSON.stringify(output ?? null), JSON.stringify(steps)],
  );
}
