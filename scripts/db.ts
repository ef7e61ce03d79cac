/**
 * Database chores against the local embedded PostgreSQL (or DATABASE_URL / MIGRATION_DATABASE_URL):
 *   migrate                      apply committed migrations
 *   seed                         create the demo organisation if missing
 *   migrate-dev [prisma args]    create a migration from schema changes (prisma migrate dev)
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { loadLocalEnv } from "./lib/local-env";
import { enableAppLogin, migrateDeploy, startEmbeddedPostgres } from "./lib/postgres";

async function adminUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  const explicit = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
  if (explicit) return { url: explicit, stop: async () => {} };
  const pg = await startEmbeddedPostgres({
    dataDir: path.resolve(".data/postgres"),
    port: Number(process.env.HANDRAIL_DB_PORT ?? 54320),
    password: process.env.HANDRAIL_DB_ADMIN_PASSWORD!,
    persistent: true,
  });
  return { url: pg.adminUrl, stop: pg.stop };
}

async function main() {
  loadLocalEnv();
  const [command, ...rest] = process.argv.slice(2);
  const db = await adminUrl();
  try {
    if (command === "migrate") {
      migrateDeploy(db.url);
    } else if (command === "migrate-dev") {
      const result = spawnSync("npx", ["prisma", "migrate", "dev", ...rest], {
        stdio: "inherit",
        env: { ...process.env, DATABASE_URL: db.url },
      });
      if (result.status !== 0) throw new Error("prisma migrate dev failed");
    } else if (command === "seed") {
      migrateDeploy(db.url);
      if (!process.env.DATABASE_URL)
        process.env.DATABASE_URL = await enableAppLogin(db.url, process.env.HANDRAIL_DB_APP_PASSWORD!);
      const { seedDemo } = await import("../prisma/seed");
      console.log(
        (await seedDemo()).created ? "Seeded the demo organisation." : "The demo organisation already exists.",
      );
    } else {
      throw new Error("usage: tsx scripts/db.ts migrate | seed | migrate-dev [--name <name>] [--create-only]");
    }
  } finally {
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
