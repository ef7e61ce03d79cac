/**
 * Evaluates AI tasks on labelled data through the embedded provider (the default, offline):
 *   npm run eval                                   every shipped evaluation set
 *   npm run eval -- --task support.category --file my.jsonl [--json]
 * Classification lines: {"text": "...", "label": "..."}; extraction lines: {"text": "...", "fields": {...}}.
 * With --json the last line is one JSON object of the figures.
 */
import path from "node:path";
import { readJsonl, shippedExamples } from "../server/ai/data/load-examples";
import { createEmbeddedLanguageModel } from "../server/ai/embedded/embedded-provider";
import { evaluateTask, formatReport, type EvalReport } from "../server/ai/eval/evaluate";
import { TASK_NAMES, taskDef } from "../server/ai/tasks/task-registry";

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

async function main() {
  const json = process.argv.includes("--json");
  const task = arg("task");
  const file = arg("file");
  if (file && !task) throw new Error("--file needs --task <task> (one of: " + TASK_NAMES.join(", ") + ")");
  const model = createEmbeddedLanguageModel();
  const jobs = task
    ? [{ task, rows: file ? readJsonl(path.resolve(file)) : shippedExamples(taskDef(task).dataFile, "eval") }]
    : TASK_NAMES.map((t) => ({ task: t, rows: shippedExamples(taskDef(t).dataFile, "eval") }));
  const reports: EvalReport[] = [];
  for (const job of jobs) {
    const report = await evaluateTask({ task: job.task, rows: job.rows, model });
    reports.push(report);
    console.log(formatReport(report));
  }
  if (json) {
    const first = reports[0];
    console.log(
      JSON.stringify(
        reports.length === 1 && first
          ? figures(first)
          : { model: model.modelId, tasks: Object.fromEntries(reports.map((r) => [r.task, figures(r)])) },
      ),
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
