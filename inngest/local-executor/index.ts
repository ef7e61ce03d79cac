import type { AddressInfo } from "node:net";
import pg from "pg";
import { CheckpointWriter } from "./checkpoint";
import { Dispatcher } from "./dispatcher";
import { createApiServer } from "./http-api";
import { Registry } from "./registry";
import { ensureSchema } from "./schema";
import { syncApp, syncUntilReady } from "./sync";
import { log } from "./util";
import { processItem } from "./worker";

export type LocalExecutorOptions = {
  databaseUrl: string;
  port: number;
  host?: "127.0.0.1";
  /** The app's serve URL, e.g. http://127.0.0.1:3000/api/inngest */
  appUrl: string;
  signingKey: string;
  eventKey: string;
  /** Calls to the app in flight at once (default 8). */
  concurrency?: number;
  /** How long a claimed item stays claimed without renewal; after a crash, the retry delay (default 15 s). */
  leaseMs?: number;
  /** First retry delay; doubles per attempt (default 1 s). */
  retryBaseMs?: number;
  callTimeoutMs?: number;
  /**
   * Let the SDK run consecutive steps in one call, reporting each through the checkpoint API
   * (default false here; `npm start` turns it on). Off, each call runs at most one step.
   */
  checkpointing?: boolean;
};

export type LocalExecutor = { url: string; synced: Promise<void>; stop(): Promise<void> };

/**
 * Starts the local executor: a Postgres-backed stand-in for the Inngest server, speaking the
 * SDK's public HTTP protocol, bound to loopback only.
 */
export async function startLocalExecutor(options: LocalExecutorOptions): Promise<LocalExecutor> {
  if (!options.signingKey || !options.eventKey) throw new Error("signingKey and eventKey are required");
  const concurrency = options.concurrency ?? 8;
  // Step progress commits without waiting for the WAL flush: an executor crash loses nothing
  // (PostgreSQL has it), a PostgreSQL crash may re-run the last ~0.6 s of steps. Intake opts
  // back in (SET LOCAL) so an accepted event is always on disk.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: concurrency + 6,
    options: "-c synchronous_commit=off",
  });
  pool.on("error", (error) => log("idle database connection failed", { error: error.message }));
  await ensureSchema(pool);
  const registry = new Registry();
  await registry.load(pool);

  const leaseMs = options.leaseMs ?? 15_000;
  const workerContext = {
    pool,
    registry,
    signingKey: options.signingKey,
    retryBaseMs: options.retryBaseMs ?? 1_000,
    callTimeoutMs: options.callTimeoutMs ?? 300_000,
    leaseMs,
    checkpointing: options.checkpointing ?? false,
  };
  const dispatcher = new Dispatcher({ pool, concurrency, leaseMs, handle: (item) => processItem(workerContext, item) });
  const syncOpts = { pool, registry, appUrl: options.appUrl, signingKey: options.signingKey };
  const server = createApiServer({
    ...syncOpts,
    eventKey: options.eventKey,
    checkpoints: new CheckpointWriter(pool, leaseMs),
    onWork: () => dispatcher.wake(),
    sync: () => syncApp(syncOpts),
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  // Keep-alive from the SDK's fetch would otherwise hold stop() open.
  server.keepAliveTimeout = 5_000;
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  log("listening", { url, concurrency });

  let stopped = false;
  dispatcher.start();
  const synced = syncUntilReady({ ...syncOpts, isStopped: () => stopped });

  return {
    url,
    synced,
    stop: async () => {
      stopped = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await dispatcher.stop();
      await synced.catch(() => undefined);
      await pool.end();
    },
  };
}
