/**
 * Engine bench (`npx tsx bench/engine/index.ts`, bounded to < 2 min): embedded PostgreSQL (fsync
 * on, as `npm start` runs it), the local executor, and two apps on 127.0.0.1:
 *  1. the real SDK (`serve` from inngest/next) with a 5-step workflow, in its own process as in
 *     production: what an app sees;
 *  2. a protocol stub for the same workflow: the executor's own intake, throughput and per-step
 *     overhead, without the SDK's per-request CPU.
 * The last line printed is one JSON object of figures.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, testKeys } from "../../inngest/conformance/harness";
import { startEmbeddedPostgres } from "../../scripts/lib/postgres";
import { runPhase, scratchDatabase } from "./phase";
import { startStubApp } from "./stub-app";

const SDK_EVENTS = Number(process.env.BENCH_SDK_EVENTS ?? 400);
const STUB_EVENTS = Number(process.env.BENCH_EVENTS ?? 2_000);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

type AppMessage = { url?: string; gaps?: number[]; cpuMs?: number };

/**
 * The SDK app in its own process (bench/engine/app-process.ts), as in production. With
 * BENCH_APP_CPU_PROF=<dir> it runs under `node --cpu-prof` and leaves its profile there.
 */
async function startSdkApp(config: { baseUrl: string; signingKey: string; eventKey: string; bufferedSteps?: number }) {
  const profDir = process.env.BENCH_APP_CPU_PROF;
  const child: ChildProcess = fork(path.join(import.meta.dirname, "app-process.ts"), {
    execArgv: ["--import", "tsx", ...(profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [])],
    env: { ...process.env, BENCH_APP_CONFIG: JSON.stringify(config) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = () =>
    new Promise<AppMessage>((resolve, reject) => {
      child.once("message", (m) => resolve(m as AppMessage));
      child.once("exit", (code) => reject(new Error(`bench app exited (${code})`)));
    });
  const { url } = await next();
  return {
    url: url!,
    /** Step gaps, and the app's CPU time since it was ready. */
    report: async () => {
      const reply = next();
      child.send("gaps");
      const { gaps, cpuMs } = await reply;
      return { gaps: gaps ?? [], cpuMs: cpuMs ?? NaN };
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send("exit");
      }),
  };
}

async function pgInsertRate(url: string, ms = 2_000): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("CREATE TABLE IF NOT EXISTS bench_reference (id bigserial PRIMARY KEY, v text)");
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await client.query("INSERT INTO bench_reference (v) VALUES ($1)", ["x"]);
    n++;
  }
  const rate = n / ((performance.now() - start) / 1000);
  await client.end();
  return rate;
}

async function main() {
  const hard = setTimeout(() => {
    console.error("bench: deadline exceeded");
    process.exit(2);
  }, 115_000);
  const root = mkdtempSync(path.join(os.tmpdir(), "handrail-bench-"));
  const db = await startEmbeddedPostgres({
    dataDir: path.join(root, "data"),
    port: await freePort(),
    password: "bench",
    persistent: true,
    quiet: true,
  });
  const keys = testKeys();
  try {
    /** The SDK app phase: each step checkpointed (SDK default), or `bufferedSteps` per report. */
    const sdkPhase = async (database: string, bufferedSteps?: number) => {
      const port = await freePort();
      const app = await startSdkApp({
        baseUrl: `http://127.0.0.1:${port}`,
        ...keys,
        bufferedSteps,
      });
      const cpu = process.cpuUsage();
      try {
        const result = await runPhase({
          databaseUrl: await scratchDatabase(db.adminUrl, database),
          port,
          appUrl: app.url,
          keys,
          eventName: "bench/start",
          events: SDK_EVENTS,
          batch: 50,
          senders: 4,
          deadlineMs: 25_000,
        });
        const executorCpu = process.cpuUsage(cpu);
        const { gaps, cpuMs } = await app.report();
        return {
          ...result,
          gaps,
          appCpuMsPerRun: cpuMs / SDK_EVENTS,
          executorCpuMsPerRun: (executorCpu.user + executorCpu.system) / 1000 / SDK_EVENTS,
        };
      } finally {
        await app.close();
      }
    };
    const sdk = await sdkPhase("bench_sdk");
    const sdkGaps = sdk.gaps;
    const buffered = await sdkPhase("bench_sdk_buffered", 5);

    const latencyApp = await startStubApp(keys.signingKey);
    await runPhase({
      databaseUrl: await scratchDatabase(db.adminUrl, "bench_latency"),
      port: await freePort(),
      appUrl: latencyApp.url,
      keys,
      eventName: "bench/stub",
      events: 100,
      batch: 1,
      senders: 1,
      deadlineMs: 20_000,
      sequential: true,
    });
    await latencyApp.close();

    const stubApp = await startStubApp(keys.signingKey);
    const stub = await runPhase({
      databaseUrl: await scratchDatabase(db.adminUrl, "bench_stub"),
      port: await freePort(),
      appUrl: stubApp.url,
      keys,
      eventName: "bench/stub",
      events: STUB_EVENTS,
      batch: 50,
      senders: 4,
      deadlineMs: 55_000,
    });
    await stubApp.close();
    if (stubApp.rejected() > 0) throw new Error(`${stubApp.rejected()} calls had bad signatures`);

    const insertRate = await pgInsertRate(db.adminUrl);
    const figures = {
      intake_events_per_s: round(stub.intakePerS),
      runs_per_s: round(sdk.runsPerS),
      runs_per_s_buffered5: round(buffered.runsPerS),
      app_cpu_ms_per_run: round(sdk.appCpuMsPerRun, 2),
      executor_cpu_ms_per_run: round(sdk.executorCpuMsPerRun, 2),
      step_overhead_p50_ms: round(percentile(latencyApp.gaps, 50), 2),
      step_overhead_p95_ms: round(percentile(latencyApp.gaps, 95), 2),
      pg_insert_per_s: round(insertRate),
      runs_per_s_protocol_stub: round(stub.runsPerS),
      sdk_app_step_gap_p95_ms: round(percentile(sdkGaps, 95), 2),
      loaded_step_gap_p95_ms: round(percentile(stubApp.gaps, 95), 2),
    };
    console.log(`5 steps per run, worker pool 8, events in batches of 50 from 4 senders`);
    console.log(
      `SDK app:  ${SDK_EVENTS} runs at ${figures.runs_per_s} runs/s; step-to-step gap p50 ${round(percentile(sdkGaps, 50), 2)} ms, p95 ${figures.sdk_app_step_gap_p95_ms} ms (includes the SDK's own request handling)`,
    );
    console.log(
      `CPU per run (SDK app phase): app process ${figures.app_cpu_ms_per_run} ms, executor process ${figures.executor_cpu_ms_per_run} ms`,
    );
    console.log(
      `SDK app with checkpointing: { bufferedSteps: 5 } (an app crash re-runs unreported steps): ${buffered.runsPerS.toFixed(1)} runs/s`,
    );
    console.log(
      `stub app: ${STUB_EVENTS} events accepted at ${figures.intake_events_per_s} events/s; ${figures.runs_per_s_protocol_stub} runs/s`,
    );
    console.log(
      `executor per-step overhead (stub, one run at a time): p50 ${figures.step_overhead_p50_ms} ms, p95 ${figures.step_overhead_p95_ms} ms`,
    );
    console.log(
      `step gap under full load (stub, 8 calls in flight): p50 ${round(percentile(stubApp.gaps, 50), 2)} ms, p95 ${figures.loaded_step_gap_p95_ms} ms`,
    );
    console.log(`reference: ${figures.pg_insert_per_s} single-row INSERT commits/s on the same PostgreSQL`);
    console.log(JSON.stringify(figures));
  } finally {
    clearTimeout(hard);
    await db.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
