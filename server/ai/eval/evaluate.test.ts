import { beforeAll, describe, expect, it } from "vitest";
import { shippedExamples } from "../data/load-examples";
import { createEmbeddedLanguageModel } from "../embedded/embedded-provider";
import { TASK_NAMES, taskDef } from "../tasks/task-registry";
import { calibrationTable, evaluateTask, riskCoverage, type EvalReport } from "./evaluate";

describe("risk–coverage and calibration figures", () => {
  const scored = [
    { confidence: 0.95, correct: true },
    { confidence: 0.9, correct: true },
    { confidence: 0.6, correct: false },
    { confidence: 0.2, correct: false },
  ];
  it("counts coverage and accuracy at or above each threshold", () => {
    const rows = riskCoverage(scored);
    expect(rows.find((r) => r.threshold === 0)).toEqual({ threshold: 0, coverage: 1, accuracy: 0.5 });
    expect(rows.find((r) => r.threshold === 0.85)).toEqual({ threshold: 0.85, coverage: 0.5, accuracy: 1 });
    expect(rows.find((r) => r.threshold === 0.99)).toEqual({ threshold: 0.99, coverage: 0, accuracy: null });
  });
  it("bins items by confidence", () => {
    const table = calibrationTable(scored);
    expect(table.reduce((a, r) => a + r.items, 0)).toBe(4);
    expect(table.find((r) => r.bin === "0.90–0.95")).toMatchObject({ items: 1, accuracy: 1 });
  });
});

describe("the embedded provider on the held-out evaluation sets", () => {
  const reports = {} as Record<string, EvalReport>;
  beforeAll(async () => {
    const model = createEmbeddedLanguageModel();
    for (const task of TASK_NAMES) {
      reports[task] = await evaluateTask({ task, rows: shippedExamples(taskDef(task).dataFile, "eval"), model });
    }
  }, 120_000);

  it("ships at least 150 evaluation items per classification task", () => {
    for (const task of TASK_NAMES) expect(reports[task]!.items, task).toBeGreaterThanOrEqual(150);
  });

  it("meets the ticket-category targets: ≥85% overall, ≥97% precision on ≥40% auto-routed", () => {
    const report = reports["support.category"]!;
    expect(report.kind === "classify" && report.accuracy).toBeGreaterThanOrEqual(0.85);
    const auto = report.thresholds.find((t) => t.threshold === 0.97)!;
    expect(auto.coverage).toBeGreaterThanOrEqual(0.4);
    expect(auto.accuracy).toBeGreaterThanOrEqual(0.97);
  });

  it("keeps the calibration promise: above an auto threshold, right at least that often", () => {
    for (const task of TASK_NAMES) {
      for (const row of reports[task]!.thresholds.filter((t) => t.threshold >= 0.8 && t.accuracy !== null)) {
        expect(row.accuracy!, `${task} ≥ ${row.threshold}`).toBeGreaterThanOrEqual(row.threshold);
      }
    }
  });

  it("extracts invoice fields exactly on ≥95% of invoices", () => {
    const report = reports["invoice.extract"]!;
    expect(report.kind === "extract" && report.exact_match).toBeGreaterThanOrEqual(0.95);
  });
});
