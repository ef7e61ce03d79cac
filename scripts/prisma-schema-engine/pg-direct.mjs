// Direct PostgreSQL operations the native engine performs without the wasm engine:
// `cli can-connect-to-database`, `cli create-database`, `cli drop-database`, `createDatabase` RPC.
import pg from "pg";

const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`;

/** pg client/pool config for a Prisma-style connection string (honours `?schema=`). */
export function pgConfig(url) {
  const config = { connectionString: url };
  const schema = schemaOf(url);
  if (schema) config.options = `-c search_path=${quoteIdent(schema)}`;
  return config;
}

export function schemaOf(url) {
  try {
    return new URL(url).searchParams.get("schema") || undefined;
  } catch {
    return undefined;
  }
}

export function databaseOf(url) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ""));
  return name || decodeURIComponent(u.username) || "postgres";
}

export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = "/" + encodeURIComponent(database);
  return u.toString();
}

function endpoint(url) {
  try {
    const u = new URL(url);
    return `${u.hostname || "localhost"}:${u.port || 5432}`;
  } catch {
    return "the configured address";
  }
}

/** Maps a pg/socket error to the engine's user-facing { code, message }. */
export function describeConnectionError(err, url) {
  const at = endpoint(url);
  switch (err?.code) {
    case "3D000":
      return {
        code: "P1003",
        message: `Database \`${databaseOf(url)}\` does not exist on the database server at \`${at}\`.`,
      };
    case "28P01":
    case "28000": {
      const user = (() => {
        try {
          return decodeURIComponent(new URL(url).username);
        } catch {
          return "";
        }
      })();
      return {
        code: "P1000",
        message: `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${at}\`.`,
      };
    }
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EHOSTUNREACH":
      return {
        code: "P1001",
        message: `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
      };
    case "ETIMEDOUT":
      return { code: "P1002", message: `The database server at \`${at}\` was reached but timed out.` };
    case "42P04":
      return {
        code: "P1009",
        message: `Database \`${databaseOf(url)}\` already exists on the database server at \`${at}\``,
      };
    default:
      return { code: undefined, message: err?.message ?? String(err) };
  }
}

async function withClient(config, fn) {
  const client = new pg.Client({ connectionTimeoutMillis: 10_000, ...config });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function canConnect(url) {
  await withClient(pgConfig(url), (c) => c.query("SELECT 1"));
}

/** Runs fn with a client on a maintenance database of the same server (postgres, then template1). */
async function withAdminClient(url, fn) {
  let lastError;
  for (const db of ["postgres", "template1"]) {
    try {
      return await withClient({ connectionString: withDatabase(url, db) }, fn);
    } catch (err) {
      if (err?.code !== "3D000" && !err?.code?.startsWith?.("28")) throw err;
      lastError = err;
    }
  }
  throw lastError;
}

export async function createDatabase(url) {
  const name = databaseOf(url);
  await withAdminClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return name;
}

export async function dropDatabase(url) {
  const name = databaseOf(url);
  await withAdminClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
  return name;
}

export { quoteIdent };
