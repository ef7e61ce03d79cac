/**
 * `npm test`: everything CI runs, in order, failing fast. Starts one throwaway PostgreSQL
 * (migrated, drift-checked) shared by the integration tests and the e2e server.
 *   --only <step>   run one step: typecheck | lint | unit | build | e2e
 *   --only <step> -- <args>   pass args to that step's tool, e.g. `--only unit -- server/records`
 */
import { spawn } from "node:child_process";
import { startTestDatabase } from "./lib/test-database";

type Step = { name: string; command: string; args: string[]; needsDb: boolean };

const STEPS: Step[] = [
  { name: "typecheck", command: "npm", args: ["run", "--silent", "typecheck"], needsDb: false },
  { name: "lint", command: "npm", args: ["run", "--silent", "lint"], needsDb: false },
  { name: "unit", command: "npx", args: ["vitest", "run"], needsDb: true },
  { name: "build", command: "npx", args: ["next", "build"], needsDb: true },
  { name: "e2e", command: "npx", args: ["playwright", "test"], needsDb: true },
];

function run(step: Step, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const onlyIndex = process.argv.indexOf("--only");
  const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
  const extraIndex = process.argv.indexOf("--", onlyIndex);
  const extra = only && extraIndex > onlyIndex ? process.argv.slice(extraIndex + 1) : [];
  const steps = (only ? STEPS.filter((s) => s.name === only) : STEPS).map((s) => ({
    ...s,
    args: [...s.args, ...extra],
  }));
  if (steps.length === 0) throw new Error(`unknown step ${only}; use one of ${STEPS.map((s) => s.name).join(", ")}`);

  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SKIP_ENV_VALIDATION: undefined };
  let db: Awaited<ReturnType<typeof startTestDatabase>> | undefined;
  const started = Date.now();
  try {
    for (const step of steps) {
      if (step.needsDb && !db && !process.env.DATABASE_URL) {
        process.stdout.write("\n▶ database: embedded PostgreSQL, migrate deploy, drift check\n");
        db = await startTestDatabase();
        Object.assign(env, db.env);
      }
      process.stdout.write(`\n▶ ${step.name}\n`);
      const t0 = Date.now();
      const code = await run(step, env);
      process.stdout.write(
        `◀ ${step.name}: ${code === 0 ? "ok" : `failed (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
      );
      if (code !== 0) return code;
    }
    process.stdout.write(`\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  } finally {
    await db?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
