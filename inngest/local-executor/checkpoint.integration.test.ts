import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "../conformance/harness";
import { CheckpointWriter, queueItemToken } from "./checkpoint";
import { ensureSchema, SCHEMA } from "./schema";

let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await createScratchDatabase(), max: 4 });
  await ensureSchema(pool);
});

afterAll(async () => {
  await pool.end();
});

/** A run with its call item leased to `owner`. */
async function leasedRun(runId: string, owner: string, status = "Running"): Promise<string> {
  await pool.query(`INSERT INTO ${SCHEMA}.runs (id, function_id, event, status) VALUES ($1, 'f', '{}', $2)`, [
    runId,
    status,
  ]);
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO ${SCHEMA}.queue (run_id, kind, step_id, lease_until, lease_owner)
     VALUES ($1, 'call', 'step', now() + interval '1 minute', $2) RETURNING id`,
    [runId, owner],
  );
  return rows[0]!.id;
}

const step = (id: string, data: unknown) => ({ id, op: "StepRun", data });

async function stepsOf(runId: string): Promise<Record<string, unknown>> {
  const { rows } = await pool.query<{ step_id: string; result: unknown }>(
    `SELECT step_id, result FROM ${SCHEMA}.steps WHERE run_id = $1 ORDER BY seq`,
    [runId],
  );
  return Object.fromEntries(rows.map((r) => [r.step_id, r.result]));
}

describe("CheckpointWriter", () => {
  it("commits checkpoints that arrive together in one batch, each judged on its own lease and run", async () => {
    const writer = new CheckpointWriter(pool, 15_000);
    const a = await leasedRun("run-a", "w:1");
    const b = await leasedRun("run-b", "w:2");
    const stale = await leasedRun("run-stale", "w:3");
    const ended = await leasedRun("run-ended", "w:4", "Completed");
    const checkpoint = (runId: string, item: string, owner: string, steps: unknown[]) =>
      writer.checkpoint(runId, { run_id: runId, qi_id: queueItemToken(item, owner), steps });

    const results = await Promise.all([
      checkpoint("run-a", a, "w:1", [step("a1", 1)]),
      checkpoint("run-b", b, "w:2", [step("b1", "x"), step("b2", { y: 2 })]),
      checkpoint("run-stale", stale, "w:someone-else", [step("s1", 1)]),
      checkpoint("run-ended", ended, "w:4", [step("e1", 1)]),
      checkpoint("run-a", a, "w:1", [step("a2", 2)]),
    ]);

    expect(results.map((r) => r.status)).toEqual([200, 200, 409, 409, 200]);
    expect(await stepsOf("run-a")).toEqual({ a1: { data: 1 }, a2: { data: 2 } });
    expect(Object.keys(await stepsOf("run-b"))).toEqual(["b1", "b2"]);
    expect(await stepsOf("run-stale")).toEqual({});
    expect(await stepsOf("run-ended")).toEqual({});
  });

  it("keeps the first result of a step that is reported twice", async () => {
    const writer = new CheckpointWriter(pool, 15_000);
    const item = await leasedRun("run-twice", "w:5");
    const token = queueItemToken(item, "w:5");
    const [first, second] = await Promise.all([
      writer.checkpoint("run-twice", { qi_id: token, steps: [step("s", "first")] }),
      writer.checkpoint("run-twice", { qi_id: token, steps: [step("s", "second")] }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await stepsOf("run-twice")).toEqual({ s: { data: "first" } });
  });

  it("does not hold other runs' checkpoints back while one run is locked elsewhere", async () => {
    const writer = new CheckpointWriter(pool, 15_000);
    const busy = await leasedRun("run-busy", "w:6");
    const free = await leasedRun("run-free", "w:7");
    const other = await pool.connect();
    try {
      await other.query("BEGIN");
      await other.query(`SELECT 1 FROM ${SCHEMA}.runs WHERE id = 'run-busy' FOR UPDATE`);
      let busyAnswered = false;
      const busyCheckpoint = writer
        .checkpoint("run-busy", { qi_id: queueItemToken(busy, "w:6"), steps: [step("b", 1)] })
        .finally(() => (busyAnswered = true));
      const freeCheckpoint = await writer.checkpoint("run-free", {
        qi_id: queueItemToken(free, "w:7"),
        steps: [step("f", 1)],
      });
      expect(freeCheckpoint.status).toBe(200);
      expect(busyAnswered).toBe(false);
      await other.query("COMMIT");
      expect((await busyCheckpoint).status).toBe(200);
      expect(await stepsOf("run-busy")).toEqual({ b: { data: 1 } });
    } finally {
      other.release();
    }
  });

  it("refuses malformed checkpoints without writing", async () => {
    const writer = new CheckpointWriter(pool, 15_000);
    expect((await writer.checkpoint("r", { steps: [] })).status).toBe(400);
    expect((await writer.checkpoint("r", { qi_id: "1.w", run_id: "other", steps: [] })).status).toBe(400);
  });
});
