/**
 * Runs the local executor standalone (what `npm start` uses when no Inngest server is set).
 * Env: DATABASE_URL (its state, schema inngest_local), INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY,
 * APP_INNGEST_URL (the app's serve URL), PORT (8288), optional EXECUTOR_CONCURRENCY,
 * EXECUTOR_LEASE_MS, EXECUTOR_RETRY_BASE_MS and EXECUTOR_CHECKPOINTING (on unless "0": the SDK
 * runs consecutive steps in one call and checkpoints each).
 */
import { startLocalExecutor } from "../inngest/local-executor";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

function optionalNumber(name: string): number | undefined {
  const value = process.env[name];
  return value ? Number(value) : undefined;
}

async function main() {
  const executor = await startLocalExecutor({
    databaseUrl: required("DATABASE_URL"),
    signingKey: required("INNGEST_SIGNING_KEY"),
    eventKey: required("INNGEST_EVENT_KEY"),
    appUrl: process.env.APP_INNGEST_URL ?? "http://127.0.0.1:3000/api/inngest",
    port: Number(process.env.PORT ?? 8288),
    concurrency: optionalNumber("EXECUTOR_CONCURRENCY"),
    leaseMs: optionalNumber("EXECUTOR_LEASE_MS"),
    retryBaseMs: optionalNumber("EXECUTOR_RETRY_BASE_MS"),
    checkpointing: process.env.EXECUTOR_CHECKPOINTING !== "0",
  });
  process.stderr.write(`[executor] ready on ${executor.url}\n`);
  const shutdown = () => {
    executor.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`[executor] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
