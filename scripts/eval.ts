/**
 * Evaluates AI tasks on labelled data:
 *   npm run eval                                   every shipped evaluation set, embedded provider
 *   npm run eval -- --task support.category --file my.jsonl [--json]
 *   npm run eval -- --org <slug> [--task …] [--file …] [--json]
 * Classification lines: {"text": "...", "label": "..."}; extraction lines: {"text": "...", "fields": {...}}.
 * With --org the items go through that organisation's configured provider (its key decrypted on this
 * machine), taught examples, PII redaction and budgets, and count toward its usage. It needs the
 * database: DATABASE_URL, or the embedded PostgreSQL of `npm start` (used if running, started if not).
 * With --json the last line is one JSON object of the figures.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import pg from "pg";
import { readJsonl, shippedExamples } from "../server/ai/data/load-examples";
import { createEmbeddedLanguageModel } from "../server/ai/embedded/embedded-provider";
import { evaluateTask, formatReport, type EvalReport, type TaskRunner } from "../server/ai/eval/evaluate";
import { runTask } from "../server/ai/tasks/task-functions";
import { TASK_NAMES, taskDef } from "../server/ai/tasks/task-registry";
import { loadLocalEnv } from "./lib/local-env";
import { enableAppLogin, startEmbeddedPostgres } from "./lib/postgres";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function figures(report: EvalReport) {
  const common = {
    items: report.items,
    thresholds: report.thresholds,
    calibration: report.calibration,
    needs_review: report.needs_review,
  };
  return report.kind === "classify"
    ? { task: report.task, accuracy: report.accuracy, per_label: report.per_label, ...common }
    : { task: report.task, exact_match: report.exact_match, field_exact_match: report.field_exact_match, ...common };
}

/** DATABASE_URL, else the embedded PostgreSQL `npm start` keeps under .data/ (started here if it is not running). */
async function connectDatabase(): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    // A configured database: read the local secrets if there are any, never generate new ones.
    const file = existsSync(".env.local") ? parseEnv(readFileSync(".env.local", "utf8")) : {};
    for (const [k, v] of Object.entries(file)) process.env[k] ??= v;
    return async () => {};
  }
  loadLocalEnv();
  const port = Number(process.env.HANDRAIL_DB_PORT ?? 54320);
  const adminPassword = process.env.HANDRAIL_DB_ADMIN_PASSWORD ?? "";
  const adminUrl = `postgres://postgres:${encodeURIComponent(adminPassword)}@127.0.0.1:${port}/handrail`;
  const probe = new pg.Client({ connectionString: adminUrl });
  let stop = async () => {};
  try {
    await probe.connect();
    await probe.end();
  } catch {
    const started = await startEmbeddedPostgres({
      dataDir: path.resolve(".data/postgres"),
      port,
      password: adminPassword,
      persistent: true,
      quiet: true,
    });
    stop = started.stop;
  }
  process.env.DATABASE_URL = await enableAppLogin(adminUrl, process.env.HANDRAIL_DB_APP_PASSWORD ?? "");
  return stop;
}

async function main() {
  const json = process.argv.includes("--json");
  const task = arg("task");
  const file = arg("file");
  const slug = arg("org");
  if (file && !task) throw new Error("--file needs --task <task> (one of: " + TASK_NAMES.join(", ") + ")");
  if (process.argv.includes("--org") && !slug) throw new Error("--org needs the organisation's slug");

  let run: TaskRunner;
  let modelId: string;
  let stopDatabase = async () => {};
  let reviewReasons: Record<string, number> = {};
  if (slug) {
    stopDatabase = await connectDatabase();
    // Imported only now: the database client reads DATABASE_URL when it loads.
    const { orgTaskRunner } = await import("../server/ai/eval/evaluate-for-org");
    const runner = await orgTaskRunner({ slug });
    ({ run, modelId, reviewReasons } = runner);
    console.log(`Evaluating through ${runner.org.name} (${runner.org.slug}): ${runner.provider} ${runner.modelId}`);
  } else {
    const model = createEmbeddedLanguageModel();
    run = (request) => runTask({ model }, request);
    modelId = model.modelId;
  }

  try {
    const jobs = task
      ? [{ task, rows: file ? readJsonl(path.resolve(file)) : shippedExamples(taskDef(task).dataFile, "eval") }]
      : TASK_NAMES.map((t) => ({ task: t, rows: shippedExamples(taskDef(t).dataFile, "eval") }));
    const reports: EvalReport[] = [];
    for (const job of jobs) {
      const report = await evaluateTask({ task: job.task, rows: job.rows, run });
      reports.push(report);
      console.log(formatReport(report));
    }
    const reasons = Object.entries(reviewReasons);
    if (reasons.length)
      console.log(`\nsent to review instead of answered: ${reasons.map(([r, n]) => `${r} ${n}`).join(", ")}`);
    if (json) {
      const first = reports[0];
      console.log(
        JSON.stringify(
          reports.length === 1 && first
            ? figures(first)
            : { model: modelId, tasks: Object.fromEntries(reports.map((r) => [r.task, figures(r)])) },
        ),
      );
    }
  } finally {
    await stopDatabase();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
