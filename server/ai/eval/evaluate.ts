import type { LanguageModelV4 } from "@ai-sdk/provider";
import { ZClassifyExample, ZExtractExample } from "../data/load-examples";
import type { TaskResult } from "../tasks/execute-task";
import { runTask, type AiOutput, type AiRequest } from "../tasks/task-functions";
import { taskDef } from "../tasks/task-registry";

/** Answers one request: a bare model, or an organisation's whole AI setup (see evaluate-for-org.ts). */
export type TaskRunner = (request: AiRequest) => Promise<TaskResult<AiOutput>>;

export const THRESHOLDS = [0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99];
const BINS = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];

export type Scored = { confidence: number; correct: boolean };
export type CalibrationRow = { bin: string; items: number; mean_confidence: number | null; accuracy: number | null };
export type ThresholdRow = { threshold: number; coverage: number; accuracy: number | null };

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function calibrationTable(scored: Scored[]): CalibrationRow[] {
  return BINS.slice(0, -1).map((lo, i) => {
    const hi = BINS[i + 1]!;
    const inBin = scored.filter((s) => s.confidence >= lo && s.confidence < hi);
    return {
      bin: `${lo.toFixed(2)}–${Math.min(hi, 1).toFixed(2)}`,
      items: inBin.length,
      mean_confidence: inBin.length ? round(inBin.reduce((a, s) => a + s.confidence, 0) / inBin.length) : null,
      accuracy: inBin.length ? round(inBin.filter((s) => s.correct).length / inBin.length) : null,
    };
  });
}

/** Risk–coverage: for each threshold, the share of items at or above it and how often those are right. */
export function riskCoverage(scored: Scored[]): ThresholdRow[] {
  return THRESHOLDS.map((threshold) => {
    const kept = scored.filter((s) => s.confidence >= threshold);
    return {
      threshold,
      coverage: scored.length ? round(kept.length / scored.length) : 0,
      accuracy: kept.length ? round(kept.filter((s) => s.correct).length / kept.length) : null,
    };
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 0.005;
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim();
  return (a ?? null) === (b ?? null);
}

export type ClassificationReport = {
  task: string;
  kind: "classify";
  items: number;
  accuracy: number;
  per_label: Record<string, { items: number; accuracy: number }>;
  calibration: CalibrationRow[];
  thresholds: ThresholdRow[];
  needs_review: number;
};
export type ExtractionReport = {
  task: string;
  kind: "extract";
  items: number;
  exact_match: number;
  field_exact_match: Record<string, number>;
  calibration: CalibrationRow[];
  thresholds: ThresholdRow[];
  needs_review: number;
};
export type EvalReport = ClassificationReport | ExtractionReport;

/** Runs every row through the model via the task functions, exactly as production calls them. */
export async function evaluateTask(
  options: { task: string; rows: unknown[] } & ({ model: LanguageModelV4 } | { run: TaskRunner }),
): Promise<EvalReport> {
  const def = taskDef(options.task);
  const run: TaskRunner = "run" in options ? options.run : (request) => runTask({ model: options.model }, request);
  const scored: Scored[] = [];
  let needsReview = 0;
  if (def.kind === "classify") {
    const perLabel: Record<string, { items: number; right: number }> = {};
    for (const [i, raw] of options.rows.entries()) {
      const parsed = ZClassifyExample.safeParse(raw);
      if (!parsed.success) throw new Error(`line ${i + 1}: expected {"text": "...", "label": "..."}`);
      const row = parsed.data;
      const result = await run({ kind: "classify", task: def.name, text: row.text, context: row.context });
      const label = result.status === "ok" ? (result.output as { label: string }).label : null;
      if (result.status !== "ok") needsReview += 1;
      const correct = label === row.label;
      scored.push({ confidence: result.status === "ok" ? result.confidence : 0, correct });
      const bucket = (perLabel[row.label] ??= { items: 0, right: 0 });
      bucket.items += 1;
      bucket.right += correct ? 1 : 0;
    }
    return {
      task: def.name,
      kind: "classify",
      items: scored.length,
      accuracy: round(scored.filter((s) => s.correct).length / Math.max(1, scored.length)),
      per_label: Object.fromEntries(
        Object.entries(perLabel).map(([l, b]) => [l, { items: b.items, accuracy: round(b.right / b.items) }]),
      ),
      calibration: calibrationTable(scored),
      thresholds: riskCoverage(scored),
      needs_review: needsReview,
    };
  }
  const fieldNames = Object.keys(def.fields.shape);
  const fieldRight = Object.fromEntries(fieldNames.map((f) => [f, 0]));
  for (const [i, raw] of options.rows.entries()) {
    const parsed = ZExtractExample.safeParse(raw);
    if (!parsed.success) throw new Error(`line ${i + 1}: expected {"text": "...", "fields": {...}}`);
    const row = parsed.data;
    const result = await run({ kind: "extract", task: def.name, text: row.text });
    const fields = result.status === "ok" ? (result.output as { fields: Record<string, unknown> }).fields : {};
    if (result.status !== "ok") needsReview += 1;
    let all = result.status === "ok";
    for (const name of fieldNames) {
      const right = result.status === "ok" && sameValue(fields[name], row.fields[name]);
      if (right) fieldRight[name] = (fieldRight[name] ?? 0) + 1;
      else all = false;
    }
    scored.push({ confidence: result.status === "ok" ? result.confidence : 0, correct: all });
  }
  const n = Math.max(1, scored.length);
  return {
    task: def.name,
    kind: "extract",
    items: scored.length,
    exact_match: round(scored.filter((s) => s.correct).length / n),
    field_exact_match: Object.fromEntries(fieldNames.map((f) => [f, round((fieldRight[f] ?? 0) / n)])),
    calibration: calibrationTable(scored),
    thresholds: riskCoverage(scored),
    needs_review: needsReview,
  };
}

export function formatReport(report: EvalReport): string {
  const lines = [`\n== ${report.task} (${report.items} items)`];
  if (report.kind === "classify") {
    lines.push(`accuracy: ${(report.accuracy * 100).toFixed(1)}%`);
    lines.push(
      ...Object.entries(report.per_label).map(
        ([l, b]) => `  ${l.padEnd(16)} ${String(b.items).padStart(4)} items  ${(b.accuracy * 100).toFixed(1)}%`,
      ),
    );
  } else {
    lines.push(`exact match (every field right): ${(report.exact_match * 100).toFixed(1)}%`);
    lines.push(
      ...Object.entries(report.field_exact_match).map(([f, a]) => `  ${f.padEnd(16)} ${(a * 100).toFixed(1)}%`),
    );
  }
  lines.push("calibration (confidence bin → items, mean confidence, accuracy):");
  for (const row of report.calibration) {
    lines.push(
      `  ${row.bin}  ${String(row.items).padStart(4)}  ${row.mean_confidence?.toFixed(3) ?? "  -  "}  ${row.accuracy === null ? "-" : (row.accuracy * 100).toFixed(1) + "%"}`,
    );
  }
  lines.push("risk–coverage (auto threshold → share of items decided automatically, their accuracy):");
  for (const row of report.thresholds) {
    lines.push(
      `  ≥ ${row.threshold.toFixed(2)}  coverage ${(row.coverage * 100).toFixed(1).padStart(5)}%  accuracy ${row.accuracy === null ? "-" : (row.accuracy * 100).toFixed(1) + "%"}`,
    );
  }
  return lines.join("\n");
}
