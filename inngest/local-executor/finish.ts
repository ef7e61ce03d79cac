import { ingest } from "./ingest";
import type { Registry } from "./registry";
import { commitStep, endRun, enqueue, type Tx } from "./run-state";
import { SCHEMA } from "./schema";
import { log } from "./util";

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
