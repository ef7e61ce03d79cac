import type pg from "pg";
import { normaliseError } from "./finish";
import { SCHEMA } from "./schema";
import { errorMessage } from "./util";

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

type Pending = {
  itemId: string;
  owner: string;
  runId: string;
  steps: { step_id: string; result: unknown }[];
  settle: (error: unknown, held: boolean) => void;
};

/** Checkpoints written together at most; more wait for the next statement. */
const MAX_BATCH = 64;

/**
 * Commits checkpoints. One statement is in flight at a time; checkpoints that arrive meanwhile
 * are committed together by the next one (group commit), so under load several runs' steps
 * share one round trip and one commit, and an idle executor adds no delay. Each caller is
 * answered only after the statement holding its steps has committed.
 */
export class CheckpointWriter {
  private pending: Pending[] = [];
  private writing = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly leaseMs: number,
  ) {}

  async checkpoint(runId: string, body: CheckpointBody): Promise<{ status: number; error?: string }> {
    const token = parseToken(body.qi_id);
    if (!token || !Array.isArray(body.steps)) return { status: 400, error: "qi_id and steps are required" };
    if (body.run_id !== undefined && body.run_id !== runId)
      return { status: 400, error: "run_id does not match the path" };
    const steps: { step_id: string; result: unknown }[] = [];
    for (const op of body.steps as CheckpointOp[]) {
      if (typeof op?.id !== "string" || !op.id) continue;
      if (op.op === "StepRun") steps.push({ step_id: op.id, result: { data: op.data ?? null } });
      else if (op.op === "StepFailed") steps.push({ step_id: op.id, result: { error: normaliseError(op.error) } });
      // Anything else (opcode-only ops such as DeferAdd) is not acted on, as in a 206 answer.
    }
    const held = await new Promise<boolean>((resolve, reject) => {
      this.pending.push({
        itemId: token.itemId,
        owner: token.owner,
        runId,
        steps,
        settle: (error, ok) =>
          error ? reject(error instanceof Error ? error : new Error(errorMessage(error))) : resolve(ok),
      });
      if (!this.writing) void this.drain();
    });
    return held ? { status: 200 } : { status: 409, error: "stale dispatch" };
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, MAX_BATCH);
        try {
          const { held, locked } = await this.write(batch);
          for (const p of batch) {
            if (held.has(p.itemId)) p.settle(null, true);
            else if (locked.has(p.runId)) p.settle(null, false);
            // Its run was busy (or has ended): decided on its own, without holding up the rest.
            else
              this.writeOne(p).then(
                (ok) => p.settle(null, ok),
                (error: unknown) => p.settle(error, false),
              );
          }
        } catch (error) {
          for (const p of batch) p.settle(error, false);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /**
   * One statement, so one round trip and its own transaction. It locks the runs that are still
   * running, in id order, skipping any that another transaction holds (so a batch never waits
   * for a run, and never deadlocks with a transaction that locks several); a checkpoint's lease
   * is renewed, and its steps written, only if its run is locked here and its claim still holds
   * the item. Returns the items that were held and the runs that were locked.
   */
  private async write(batch: Pending[]): Promise<{ held: Set<string>; locked: Set<string> }> {
    const input = batch.map((p, n) => ({ n, item_id: p.itemId, run_id: p.runId, owner: p.owner, steps: p.steps }));
    // The ids also go as arrays, so runs and queue items are found through their primary keys.
    const { rows } = await this.pool.query<{ held: string[] | null; locked: string[] | null }>({
      name: "inngest-local-checkpoint",
      text: `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(n int, item_id bigint, run_id text, owner text, steps jsonb)),
       run AS (
         SELECT array_agg(id) AS ids FROM (
           SELECT id FROM ${SCHEMA}.runs WHERE id = ANY ($3::text[]) AND status = 'Running'
           ORDER BY id FOR UPDATE SKIP LOCKED) locked),
       held AS (
         UPDATE ${SCHEMA}.queue q SET lease_until = now() + make_interval(secs => $2 / 1000.0)
         FROM input i
         WHERE q.id = ANY ($4::bigint[]) AND q.id = i.item_id AND q.run_id = i.run_id AND q.lease_owner = i.owner
           AND q.kind = 'call' AND q.run_id = ANY ((SELECT ids FROM run)::text[])
         RETURNING q.id),
       ins AS (
         INSERT INTO ${SCHEMA}.steps (run_id, step_id, result)
         SELECT i.run_id, s.v->>'step_id', s.v->'result'
         FROM input i, jsonb_array_elements(i.steps) WITH ORDINALITY AS s(v, k)
         WHERE i.item_id IN (SELECT id FROM held)
         ORDER BY i.n, s.k
         ON CONFLICT DO NOTHING)
       SELECT (SELECT array_agg(id::text) FROM held) AS held, (SELECT ids FROM run) AS locked`,
      values: [
        JSON.stringify(input),
        this.leaseMs,
        [...new Set(batch.map((p) => p.runId))],
        batch.map((p) => p.itemId),
      ],
    });
    return { held: new Set(rows[0]?.held ?? []), locked: new Set(rows[0]?.locked ?? []) };
  }

  /** One checkpoint in a statement of its own, waiting for its run's lock like any writer. */
  private async writeOne(p: Pending): Promise<boolean> {
    const { rows } = await this.pool.query<{ held: number }>({
      name: "inngest-local-checkpoint-one",
      text: `WITH run AS (SELECT id FROM ${SCHEMA}.runs WHERE id = $2 AND status = 'Running' FOR UPDATE),
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
      values: [p.itemId, p.runId, p.owner, this.leaseMs, JSON.stringify(p.steps)],
    });
    return rows[0]?.held === 1;
  }
}
