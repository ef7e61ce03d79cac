import { startTestDatabase } from "./test-database";

/**
 * Runs once per `vitest` invocation: reuses the database `npm test` started, or starts one.
 * Workers are spawned after this, so they inherit the env it sets.
 */
export default async function setup() {
  if (process.env.DATABASE_URL && process.env.DATABASE_ADMIN_URL) return undefined;
  const db = await startTestDatabase();
  Object.assign(process.env, db.env);
  return db.stop;
}
