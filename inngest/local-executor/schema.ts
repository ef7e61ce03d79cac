import type pg from "pg";

export const SCHEMA = "inngest_local";

/**
 * All executor state, in its own schema so Prisma's drift check never sees it. Idempotent:
 * run at every start, under an advisory lock so two starting executors do not race on DDL.
 */
const DDL = `
CREATE SCHEMA IF NOT EXISTS ${SCHEMA};
CREATE TABLE IF NOT EXISTS ${SCHEMA}.functions (
  id text PRIMARY KEY, app_url text NOT NULL, config jsonb NOT NULL, synced_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS ${SCHEMA}.events (
  id text PRIMARY KEY, name text NOT NULL, payload jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS ${SCHEMA}.event_keys (
  key text PRIMARY KEY, event_id text NOT NULL, expires_at timestamptz NOT NULL);
CREATE TABLE IF NOT EXISTS ${SCHEMA}.runs (
  id text PRIMARY KEY, function_id text NOT NULL, event_id text, event jsonb NOT NULL,
  status text NOT NULL, output jsonb, ckeys text[] NOT NULL DEFAULT '{}', climits int[] NOT NULL DEFAULT '{}',
  parent_run_id text, parent_step_id text,
  started_at timestamptz NOT NULL DEFAULT now(), ended_at timestamptz);
CREATE INDEX IF NOT EXISTS runs_event_id ON ${SCHEMA}.runs (event_id);
CREATE TABLE IF NOT EXISTS ${SCHEMA}.steps (
  run_id text NOT NULL, step_id text NOT NULL, result jsonb NOT NULL, seq bigserial,
  PRIMARY KEY (run_id, step_id));
CREATE TABLE IF NOT EXISTS ${SCHEMA}.queue (
  id bigserial PRIMARY KEY, run_id text NOT NULL, kind text NOT NULL, step_id text NOT NULL,
  attempt int NOT NULL DEFAULT 0, run_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz, lease_owner text, ckeys text[] NOT NULL DEFAULT '{}', climits int[] NOT NULL DEFAULT '{}');
CREATE UNIQUE INDEX IF NOT EXISTS queue_item ON ${SCHEMA}.queue (run_id, kind, step_id);
CREATE INDEX IF NOT EXISTS queue_due ON ${SCHEMA}.queue (run_at);
-- No index mentions lease_until, so renewing a lease is a HOT update (no index writes); the
-- fillfactor leaves room on each page for those new row versions.
ALTER TABLE ${SCHEMA}.queue SET (fillfactor = 80);
DROP INDEX IF EXISTS ${SCHEMA}.queue_ckeys;
CREATE INDEX IF NOT EXISTS queue_leased_ckeys ON ${SCHEMA}.queue USING gin (ckeys) WHERE lease_owner IS NOT NULL;
CREATE TABLE IF NOT EXISTS ${SCHEMA}.waits (
  run_id text NOT NULL, step_id text NOT NULL, event_name text NOT NULL, expr text,
  expires_at timestamptz NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (run_id, step_id));
CREATE INDEX IF NOT EXISTS waits_event ON ${SCHEMA}.waits (event_name);
CREATE TABLE IF NOT EXISTS ${SCHEMA}.cancels (
  run_id text NOT NULL, idx int NOT NULL, event_name text NOT NULL, expr text, expires_at timestamptz,
  PRIMARY KEY (run_id, idx));
CREATE INDEX IF NOT EXISTS cancels_event ON ${SCHEMA}.cancels (event_name);
CREATE TABLE IF NOT EXISTS ${SCHEMA}.idempotency (
  function_id text NOT NULL, key text NOT NULL, run_id text NOT NULL, expires_at timestamptz NOT NULL,
  PRIMARY KEY (function_id, key));
CREATE TABLE IF NOT EXISTS ${SCHEMA}.rate_limit_hits (
  function_id text NOT NULL, key text NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE INDEX IF NOT EXISTS rate_limit_hits_key ON ${SCHEMA}.rate_limit_hits (function_id, key, at);
`;

export async function ensureSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('inngest_local.schema'))");
    await client.query(DDL);
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('inngest_local.schema'))").catch(() => undefined);
    client.release();
  }
}
