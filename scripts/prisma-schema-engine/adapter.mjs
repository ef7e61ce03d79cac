// Driver-adapter factory handed to the wasm schema engine: @prisma/adapter-pg plus fixes for
//  (1) PostgreSQL's one-byte "char" type (oid 18), which adapter-pg cannot map: such columns are
//      presented to the engine as Character columns;
//  (2) connectToShadowDb(), which in adapter-pg ends up on the main database: we create and drop a
//      uniquely named shadow database ourselves (or reuse and wipe `shadowDatabaseUrl`);
//  and executeScript(), which adapter-pg splits naively on ";" (breaking $$-quoted function bodies):
//  we send the whole script as one simple-protocol query, as the native engine does.
import crypto from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { log } from "./log.mjs";
import { pgConfig, quoteIdent, schemaOf, withDatabase } from "./pg-direct.mjs";

const PG_CHAR = 18; // "char"
const PG_BPCHAR = 1042; // character(n): adapter-pg maps it without complaint

function patchQueryable(q) {
  const performIO = q.performIO.bind(q);
  const queryRaw = q.queryRaw.bind(q);
  const charColumns = new WeakMap(); // result rows array -> indices of "char" columns
  q.performIO = async (query) => {
    const result = await performIO(query);
    const indices = [];
    result?.fields?.forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR) {
        field.dataTypeID = PG_BPCHAR;
        indices.push(i);
      }
    });
    if (indices.length > 0 && result.rows) charColumns.set(result.rows, indices);
    return result;
  };
  q.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return q;
}

function patchAdapter(adapter) {
  patchQueryable(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => patchQueryable(await startTransaction(...args));
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (err) {
      adapter.onError(err); // throws the DriverAdapterError the engine understands
    }
  };
  return adapter;
}

function pgAdapterFactory(url) {
  const schema = schemaOf(url);
  return new PrismaPg(pgConfig(url), schema ? { schema } : undefined);
}

async function withMainClient(url, fn) {
  const client = new pg.Client(pgConfig(url));
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const WIPE_DATABASE_SQL = `
DO $$
DECLARE s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
END $$;
CREATE SCHEMA IF NOT EXISTS public;`;

async function dropDatabaseNamed(mainUrl, name) {
  await withMainClient(mainUrl, async (c) => {
    try {
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    } catch (err) {
      if (err?.code !== "42601") throw err; // PostgreSQL < 13 has no WITH (FORCE)
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
    }
  });
}

/**
 * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
 * @returns a SqlMigrationAwareDriverAdapterFactory plus cleanup() for leftover shadow databases.
 */
export function createAdapterFactory(datasource) {
  const { url, shadowDatabaseUrl } = datasource;
  const main = pgAdapterFactory(url);
  const liveShadowDbs = new Set();

  async function connectToShadowDb() {
    if (shadowDatabaseUrl) {
      // The user's dedicated shadow database: start from an empty state, like the native engine.
      await withMainClient(shadowDatabaseUrl, (c) => c.query(WIPE_DATABASE_SQL));
      return patchAdapter(await pgAdapterFactory(shadowDatabaseUrl).connect());
    }
    const name = `prisma_shadow_${process.pid}_${crypto.randomBytes(6).toString("hex")}`;
    await withMainClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
    liveShadowDbs.add(name);
    log("INFO", `Created shadow database ${name}`);
    const adapter = await pgAdapterFactory(withDatabase(url, name)).connect();
    const release = adapter.release;
    adapter.release = async () => {
      try {
        await release?.();
      } finally {
        await dropDatabaseNamed(url, name);
        liveShadowDbs.delete(name);
        log("INFO", `Dropped shadow database ${name}`);
      }
    };
    return patchAdapter(adapter);
  }

  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => patchAdapter(await main.connect()),
    connectToShadowDb,
    async cleanup() {
      for (const name of [...liveShadowDbs]) {
        try {
          await dropDatabaseNamed(url, name);
          liveShadowDbs.delete(name);
        } catch (err) {
          log("WARN", `Could not drop shadow database ${name}: ${err?.message ?? err}`);
        }
      }
    },
  };
}
