/**
 * `npm start`: a working Handrail on a fresh machine. With no DATABASE_URL it runs an embedded
 * PostgreSQL under .data/; it applies migrations, seeds a demo organisation when the database is
 * empty, builds when the sources are newer than the last build, and serves on PORT (3000).
 * `npm run dev` does the same with `next dev`.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { startLocalExecutor, type LocalExecutor } from "../inngest/local-executor";
import { loadLocalEnv } from "./lib/local-env";
import { enableAppLogin, migrateDeploy, startEmbeddedPostgres, type RunningPostgres } from "./lib/postgres";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

function log(message: string) {
  process.stdout.write(`[handrail] ${message}\n`);
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = ".next/BUILD_ID";
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "server", "components", "prisma", "package-lock.json", "next.config.js"].some(
    (p) => (existsSync(p) && statSync(p).isFile() ? statSync(p).mtimeMs : newestMtime(p)) > built,
  );
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: process.env });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** The owner login: migrations, and the local executor's own schema. */
let ownerUrl = "";

async function prepareDatabase(): Promise<RunningPostgres | null> {
  if (process.env.DATABASE_URL) {
    log("Using DATABASE_URL; applying migrations with MIGRATION_DATABASE_URL (or DATABASE_URL).");
    ownerUrl = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
    migrateDeploy(ownerUrl);
    return null;
  }
  const dbPort = Number(process.env.HANDRAIL_DB_PORT ?? 54320);
  log(`Starting embedded PostgreSQL on 127.0.0.1:${dbPort} (data in .data/postgres)…`);
  const pg = await startEmbeddedPostgres({
    dataDir: path.resolve(".data/postgres"),
    port: dbPort,
    password: process.env.HANDRAIL_DB_ADMIN_PASSWORD!,
    persistent: true,
  });
  ownerUrl = pg.adminUrl;
  migrateDeploy(pg.adminUrl);
  process.env.DATABASE_URL = await enableAppLogin(pg.adminUrl, process.env.HANDRAIL_DB_APP_PASSWORD!);
  return pg;
}

/**
 * With no Inngest server configured, the app talks to the local executor, in cloud mode with
 * real signing keys, exactly as it would to Inngest Cloud.
 */
async function startEngine(): Promise<LocalExecutor | null> {
  if (process.env.INNGEST_BASE_URL || process.env.INNGEST_SIGNING_KEY) {
    log(`Using the Inngest server at ${process.env.INNGEST_BASE_URL ?? "Inngest Cloud"}.`);
    return null;
  }
  const executorPort = Number(process.env.HANDRAIL_EXECUTOR_PORT ?? 8288);
  process.env.INNGEST_BASE_URL = `http://127.0.0.1:${executorPort}`;
  process.env.INNGEST_SIGNING_KEY = process.env.HANDRAIL_LOCAL_INNGEST_SIGNING_KEY;
  process.env.INNGEST_EVENT_KEY = process.env.HANDRAIL_LOCAL_INNGEST_EVENT_KEY;
  delete process.env.INNGEST_DEV;
  const executor = await startLocalExecutor({
    databaseUrl: ownerUrl,
    port: executorPort,
    appUrl: `http://127.0.0.1:${port}/api/inngest`,
    signingKey: process.env.INNGEST_SIGNING_KEY!,
    eventKey: process.env.INNGEST_EVENT_KEY!,
    // The SDK runs consecutive steps in one call and checkpoints each (docs/decisions/006).
    checkpointing: process.env.EXECUTOR_CHECKPOINTING !== "0",
  });
  log(`Local workflow executor on ${executor.url} (state in PostgreSQL schema inngest_local).`);
  return executor;
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const generated = loadLocalEnv();
  if (generated.length) log(`Generated ${generated.join(", ")} into .env.local (keep it out of git).`);
  process.env.APP_URL ??= `http://localhost:${port}`;

  const pg = await prepareDatabase();
  const { seedDemo, DEMO_PASSWORD, demoEmail } = await import("../prisma/seed");
  const { ROLES } = await import("../server/auth/permissions");
  const seeded = await seedDemo();
  if (seeded.created) log("Seeded the demo organisation “Acme Demo”.");

  if (!dev && needsBuild()) {
    log("Building the app (next build)…");
    if ((await run("npx", ["next", "build"])) !== 0) throw new Error("next build failed");
  }

  const executor = await startEngine();
  const next = spawn("npx", ["next", dev ? "dev" : "start", "-p", String(port)], {
    stdio: "inherit",
    env: process.env,
  });
  log(`Handrail is starting on ${process.env.APP_URL}`);
  log(`Demo logins (password: ${DEMO_PASSWORD}):`);
  for (const role of ROLES) log(`  ${role.padEnd(9)} ${demoEmail(role)}`);
  if (!process.env.SMTP_URL) log(`Mail goes to the dev outbox: ${process.env.APP_URL}/dev/outbox`);

  const shutdown = async (code: number) => {
    next.kill("SIGTERM");
    await executor?.stop();
    await pg?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  next.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((error: unknown) => {
  process.stderr.write(`[handrail] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
