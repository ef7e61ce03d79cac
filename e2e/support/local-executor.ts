/**
 * The workflow executor for the e2e suite (a Playwright webServer, see playwright.config.ts):
 * the same local executor `npm start` runs, on the test database, so a governed run really
 * waits for an approval and then executes. Test-only wiring; the executor itself is the product's.
 */
import { startLocalExecutor } from "../../inngest/local-executor";

const port = Number(process.env.E2E_EXECUTOR_PORT);
const appUrl = process.env.E2E_APP_SERVE_URL;
const databaseUrl = process.env.DATABASE_ADMIN_URL;
if (!port || !appUrl || !databaseUrl)
  throw new Error("E2E_EXECUTOR_PORT, E2E_APP_SERVE_URL and DATABASE_ADMIN_URL are required");

const executor = await startLocalExecutor({
  databaseUrl,
  port,
  appUrl,
  signingKey: process.env.INNGEST_SIGNING_KEY!,
  eventKey: process.env.INNGEST_EVENT_KEY!,
  retryBaseMs: 200,
  checkpointing: true,
});

const stop = () => void executor.stop().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
