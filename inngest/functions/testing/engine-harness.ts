import { createScratchDatabase, EngineClient, freePort, serveApp, testKeys } from "../../conformance/harness";
import { startLocalExecutor } from "../../local-executor";

/**
 * The engine as production runs it, for integration tests: the app's /api/inngest handler served
 * over HTTP and the local executor (durable, on its own scratch database) calling it. The app's
 * Inngest client reads its configuration from env when first imported, so the env is set here
 * before the handler (and with it the client) is imported; import app code after this returns.
 */
export async function startEngine() {
  const keys = testKeys();
  const executorPort = await freePort();
  process.env.INNGEST_BASE_URL = `http://127.0.0.1:${executorPort}`;
  process.env.INNGEST_SIGNING_KEY = keys.signingKey;
  process.env.INNGEST_EVENT_KEY = keys.eventKey;
  delete process.env.INNGEST_DEV;

  const route = await import("@/app/api/inngest/route");
  const app = await serveApp(route as unknown as Parameters<typeof serveApp>[0]);
  const executor = await startLocalExecutor({
    databaseUrl: await createScratchDatabase(),
    port: executorPort,
    appUrl: app.url,
    ...keys,
    retryBaseMs: 200,
    checkpointing: true,
  });
  await executor.synced;
  return {
    engine: new EngineClient(`http://127.0.0.1:${executorPort}`, keys),
    stop: async () => {
      await executor.stop();
      await app.close();
    },
  };
}
