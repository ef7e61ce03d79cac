import type pg from "pg";
import { normaliseError } from "./finish";
import { SCHEMA } from "./schema";

/**
 * Inngest's async checkpoint API (`POST /v1/checkpoint/:runId/async`), as SDK 4.x calls it when
 * a call's ctx carries `fn_id` and `qi_id`: the SDK runs consecutive `step.run`s within one
 * request and reports each finished step here before it starts the next one. The step results
 * are committed before this answers, so a call cut short (executor SIGKILL, app crash, lost
 * lease) is retried with those steps memoised and never runs them again.
 *
 * `qi_id` names the queue item the call belongs to and the lease it holds (`<id>.<owner>`).
 * A checkpoint for an item no longer leased to that owner, or for a run that is no longer
 * running (cancelled, finished elsewhere), answers 409: the SDK treats that as a stale
 * dispatch and stops executing.
 */
export type CheckpointBody = { run_id?: unknown; fn_id?: unknown; qi_id?: unknown; steps?: unknown };
type CheckpointOp = { id?: unknown; op?: unknown; data?: unknown; error?: unknown };

export function queueItemToken(itemId: string, leaseOwner: string): string {
  return `${itemId}.${leaseOwner}`;
}

function parseToken(token: unknown): { itemId: string; owner: string } | null {
  if (typeof token !== "string") return null;
  const dot = token.indexOf(".");
  if (dot <= 0) return null;
  const itemId = token.slice(0, dot);
  return /^\d+$/.test(itemId) ? { itemId, owner: token.slice(dot + 1) } : null;
}

export async function checkpointSteps(
  pool: pg.Pool,
  leaseMs: number,
  runId: string,
  body: CheckpointBody,
): Promise<{ status: number; error?: string }> {
  const token = parseToken(body.qi_id);
  if (!token || !Array.isArray(body.steps)) return { status: 400, error: "qi_id and steps are required" };
  if (body.run_id !== undefined && body.run_id !== runId)
    return { status: 400, error: "run_id does not match the path" };
  const results: { step_id: string; result: unknown }[] = [];
  for (const op of body.steps as CheckpointOp[]) {
    if (typeof op?.id !== "string" || !op.id) continue;
    if (op.op === "StepRun") results.push({ step_id: op.id, result: { data: op.data ?? null } });
    else if (op.op === "StepFailed") results.push({ step_id: op.id, result: { error: normaliseError(op.error) } });
    // Anything else (opcode-only ops such as DeferAdd) is not acted on, as in a 206 answer.
  }
  // One statement, so one round trip and its own transaction. The run's row lock comes first
  // (an uncorrelated InitPlan), as everywhere else; the lease is renewed only if this claim still
  // holds the item, and the results are written only if it does.
  const { rows } = await pool.query<{ held: number }>(
    `WITH run AS (SELECT id FROM ${SCHEMA}.runs WHERE id = $2 AND status = 'Running' FOR UPDATE),
     held AS (
       UPDATE ${SCHEMA}.queue SET lease_until = now() + make_interval(secs => $4 / 1000.0)
       WHERE id = $1 AND run_id = $2 AND lease_owner = $3 AND kind = 'call' AND EXISTS (SELECT 1 FROM run)
       RETURNING id),
     ins AS (
       INSERT INTO ${SCHEMA}.steps (run_id, step_id, result)
       SELECT $2, s.v->>'step_id', s.v->'result' FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS s(v, n)
       WHERE EXISTS (SELECT 1 FROM held) ORDER BY s.n
       ON CONFLICT DO NOTHING)
     SELECT count(*)::int AS held FROM held`,
    [token.itemId, runId, token.owner, leaseMs, JSON.stringify(results)],
  );
  return rows[0]?.held === 1 ? { status: 200 } : { status: 409, error: "stale dispatch" };
}
