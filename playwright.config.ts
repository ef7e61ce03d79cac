import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { generateVapidKeys } from "./server/notifications/vapid";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const executorPort = Number(process.env.E2E_EXECUTOR_PORT ?? port + 1);

/*
 * One set of keys per test run, put into process.env here so the app, the executor, the test
 * workers and the seed scripts they start all share them (workers inherit the runner's env).
 * The app talks to the local executor exactly as `npm start` wires it: cloud mode, real keys.
 */
process.env.INNGEST_BASE_URL = `http://127.0.0.1:${executorPort}`;
process.env.INNGEST_SIGNING_KEY ??= `signkey-e2e-${randomBytes(32).toString("hex")}`;
process.env.INNGEST_EVENT_KEY ??= randomBytes(24).toString("hex");
delete process.env.INNGEST_DEV;
process.env.E2E_EXECUTOR_PORT = String(executorPort);
if (!process.env.VAPID_PUBLIC_KEY) Object.assign(process.env, generateVapidKeys());
// The push spec's fake push service listens on loopback over plain HTTP.
process.env.WEB_PUSH_ALLOW_LOOPBACK = "1";

// Debian's Chromium: Playwright's own browser download cannot work offline.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: chromium,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    { name: "phone", use: { ...devices["Pixel 5"], launchOptions: chromium }, grep: /@phone/ },
  ],
  // scripts/test.ts has already started PostgreSQL, migrated and built; this serves the build,
  // and runs the local workflow executor against the same database.
  webServer: [
    {
      command: `npx next start -H 127.0.0.1 -p ${port}`,
      url: `${baseURL}/sign-in`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { APP_URL: baseURL },
    },
    {
      command: "npx tsx e2e/support/local-executor.ts",
      url: `http://127.0.0.1:${executorPort}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { E2E_APP_SERVE_URL: `${baseURL}/api/inngest` },
    },
  ],
});
