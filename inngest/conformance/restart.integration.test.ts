import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ended, startConformance } from "./harness";

const RUNS = 50;
const POOL = 8;
let h: Awaited<ReturnType<typeof startConformance>>;
let child: ChildProcess | null = null;

/** The executor as its own process (scripts/executor.ts), so it can really be SIGKILLed. */
async function spawnExecutor(): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/executor.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: h.databaseUrl,
      INNGEST_SIGNING_KEY: h.keys.signingKey,
      INNGEST_EVENT_KEY: h.keys.eventKey,
      APP_INNGEST_URL: h.app.url,
      PORT: String(h.executorPort),
      EXECUTOR_CONCURRENCY: String(POOL),
      EXECUTOR_LEASE_MS: "3000",
      EXECUTOR_RETRY_BASE_MS: "200",
      EXECUTOR_CHECKPOINTING: process.env.INNGEST_CONFORMANCE_CHECKPOINTING ?? "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const health = await fetch(`${h.engine.baseUrl}/health`).then(
      (r) => r.json() as Promise<{ functions: number }>,
      () => null,
    );
    if (health && health.functions > 0) return proc;
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error("executor did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  h = await startConformance({ inProcess: false });
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await h?.stop();
});

it.runIf(!process.env.INNGEST_CONFORMANCE_TARGET)(
  "resumes every run after SIGKILL: each finishes once, no completed step runs again",
  async () => {
    child = await spawnExecutor();
    const ids = await h.engine.send(
      [...Array(RUNS).keys()].map((i) => ({ name: "conformance/durable", data: { id: i } })),
    );
    const runIds: string[] = [];
    for (const id of ids) runIds.push((await h.engine.waitForRuns(id, (r) => r.length === 1))[0]!.run_id);
    // Kill mid-flight: some runs past their sleep, others still sleeping or mid-step.
    await expect
      .poll(() => runIds.filter((r) => h.probe.count(r, "two") > 0).length, { timeout: 20_000, interval: 10 })
      .toBeGreaterThanOrEqual(5);
    child.kill("SIGKILL");
    await new Promise((r) => child!.once("exit", r));
    // Calls already on the wire when the signal landed still reach the app: count from the exit.
    const killedAt = Date.now();
    const sleepingAtKill = runIds.filter((r) => h.probe.count(r, "two") === 0).length;
    expect(sleepingAtKill).toBeGreaterThan(0);
    child = await spawnExecutor();

    const signals = setInterval(() => {
      const evens = [...Array(RUNS).keys()]
        .filter((i) => i % 2 === 0)
        .map((i) => ({ name: "conformance/signal", data: { id: i } }));
      h.engine.send(evens).catch(() => undefined);
    }, 300);
    try {
      for (const id of ids) {
        const [run] = await h.engine.waitForRuns(id, ended, 60_000);
        expect(run!.status).toBe("Completed");
        expect(run!.output).toMatchObject({ total: 6 });
      }
    } finally {
      clearInterval(signals);
    }
    let rerun = 0;
    for (const runId of runIds) {
      for (const step of ["one", "two", "three"]) {
        const times = h.probe.times(runId, step);
        expect(times.length, `${runId}:${step}`).toBeGreaterThanOrEqual(1);
        expect(times.length).toBeLessThanOrEqual(2);
        // Only a step in flight at the kill may run again: its result never got committed.
        if (times.length === 2) {
          expect(times[0]!).toBeLessThan(killedAt);
          rerun++;
        }
      }
    }
    expect(rerun).toBeLessThanOrEqual(POOL);
    console.log(`restart: ${sleepingAtKill} runs sleeping at the kill, ${rerun} in-flight steps re-run`);
  },
  120_000,
);

it.runIf(!process.env.INNGEST_CONFORMANCE_TARGET && process.env.INNGEST_CONFORMANCE_CHECKPOINTING !== "0")(
  "a checkpointed run survives SIGKILL: no step whose successor had started runs again",
  async () => {
    const runsWanted = 24;
    if (!child || child.exitCode !== null || child.signalCode !== null) child = await spawnExecutor();
    const ids = await h.engine.send(
      [...Array(runsWanted).keys()].map((i) => ({ name: "conformance/checkpointed", data: { i, pauseMs: 60 } })),
    );
    const runIds: string[] = [];
    for (const id of ids) runIds.push((await h.engine.waitForRuns(id, (r) => r.length === 1))[0]!.run_id);
    // Kill while runs are part-way through their five steps, each inside one call.
    await expect
      .poll(() => runIds.filter((r) => h.probe.count(r, "c2") > 0).length, { timeout: 20_000, interval: 5 })
      .toBeGreaterThanOrEqual(4);
    child.kill("SIGKILL");
    await new Promise((r) => child!.once("exit", r));
    const killedAt = Date.now();
    const midRun = runIds.filter((r) => h.probe.count(r, "c0") > 0 && h.probe.count(r, "c4") === 0).length;
    expect(midRun).toBeGreaterThan(0);
    child = await spawnExecutor();
    for (const id of ids) {
      const [run] = await h.engine.waitForRuns(id, ended, 60_000);
      expect(run!.status).toBe("Completed");
      expect(run!.output).toEqual({ total: 10 });
    }
    let rerun = 0;
    for (const runId of runIds) {
      for (let i = 0; i < 5; i++) {
        const times = h.probe.times(runId, `c${i}`);
        expect(times.length, `${runId}:c${i}`).toBeGreaterThanOrEqual(1);
        // The SDK starts step i+1 only once step i's checkpoint is committed: such a step is done.
        const successorStarted = i < 4 && (h.probe.times(runId, `c${i + 1}`)[0] ?? Infinity) < killedAt;
        if (successorStarted) expect(times.length, `${runId}:c${i} was checkpointed, then re-run`).toBe(1);
        expect(times.length).toBeLessThanOrEqual(2);
        if (times.length === 2) {
          expect(times[0]!).toBeLessThan(killedAt);
          rerun++;
        }
      }
    }
    expect(rerun).toBeLessThanOrEqual(POOL);
    console.log(`restart (checkpointed): ${midRun} runs mid-way at the kill, ${rerun} in-flight steps re-run`);
  },
  120_000,
);
