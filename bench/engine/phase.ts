import pg from "pg";
import { startLocalExecutor } from "../../inngest/local-executor";

async function completed(check: pg.Client): Promise<number> {
  const { rows } = await check.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM inngest_local.runs WHERE status <> 'Running'`,
  );
  return rows[0]!.n;
}

export type PhaseResult = { intakePerS: number; runsPerS: number; seconds: number };

/** Creates a fresh database so each phase starts from an empty queue. */
export async function scratchDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Sends `events` events over HTTP in batches from parallel senders, then waits for every run
 * to complete (bounded). Intake is the send phase alone; runs/s spans first send to last run.
 */
export async function runPhase(opts: {
  databaseUrl: string;
  port: number;
  appUrl: string;
  keys: { signingKey: string; eventKey: string };
  eventName: string;
  events: number;
  batch: number;
  senders: number;
  deadlineMs: number;
  /** One run at a time: measures latency rather than throughput. */
  sequential?: boolean;
}): Promise<PhaseResult> {
  // As `npm start` runs it (scripts/executor.ts); BENCH_CHECKPOINTING=0 measures without.
  const executor = await startLocalExecutor({
    databaseUrl: opts.databaseUrl,
    port: opts.port,
    appUrl: opts.appUrl,
    ...opts.keys,
    checkpointing: process.env.BENCH_CHECKPOINTING !== "0",
  });
  const check = new pg.Client({ connectionString: opts.databaseUrl });
  try {
    await executor.synced;
    await check.connect();
    const started = performance.now();
    let next = 0;
    const sender = async () => {
      while (next < opts.events) {
        const from = next;
        next = Math.min(opts.events, next + opts.batch);
        const events = Array.from({ length: next - from }, (_, i) => ({ name: opts.eventName, data: { n: from + i } }));
        const res = await fetch(`${executor.url}/e/${opts.keys.eventKey}`, {
          method: "POST",
          body: JSON.stringify(events),
        });
        if (res.status !== 200) throw new Error(`intake failed: HTTP ${res.status}`);
        while (opts.sequential && (await completed(check)) < next) await new Promise((r) => setTimeout(r, 1));
      }
    };
    await Promise.all(Array.from({ length: opts.senders }, sender));
    const intakeS = (performance.now() - started) / 1000;
    for (;;) {
      const { rows } = await check.query<{ done: number; failed: number }>(
        `SELECT count(*) FILTER (WHERE status = 'Completed')::int AS done,
                count(*) FILTER (WHERE status = 'Failed')::int AS failed FROM inngest_local.runs`,
      );
      const { done, failed } = rows[0]!;
      if (failed > 0) throw new Error(`${failed} runs failed`);
      if (done >= opts.events) break;
      if (performance.now() - started > opts.deadlineMs)
        throw new Error(`only ${done}/${opts.events} runs completed in time`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    return { intakePerS: opts.events / intakeS, runsPerS: opts.events / seconds, seconds };
  } finally {
    await check.end().catch(() => undefined);
    await executor.stop();
  }
}
