/**
 * `npm run bench:ai`: latency per task (p50/p95, after the one-off model load) and resident memory
 * of the embedded provider. Last line: one JSON object.
 */
import path from "node:path";
import { shippedExamples } from "../data/load-examples";
import { createEmbeddedLanguageModel } from "../embedded/embedded-provider";
import { classify, draft, extract } from "../tasks/task-functions";

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 100) / 100;
};

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  return times;
}

export async function benchAi() {
  const model = createEmbeddedLanguageModel();
  const tickets = shippedExamples("support-category", "eval").map((r) => (r as { text: string }).text);
  const invoices = shippedExamples("invoice-extract", "eval").map((r) => (r as { text: string }).text);
  const loadStarted = performance.now();
  await classify({ model }, { kind: "classify", task: "support.category", text: "warm up" });
  const loadMs = Math.round(performance.now() - loadStarted);
  const classifyTimes = await timed(200, (i) =>
    classify({ model }, { kind: "classify", task: "support.category", text: `${tickets[i % tickets.length]} #${i}` }),
  );
  const extractTimes = await timed(200, (i) =>
    extract({ model }, { kind: "extract", task: "invoice.extract", text: invoices[i % invoices.length] ?? "" }),
  );
  const draftTimes = await timed(200, (i) =>
    draft({ model }, { kind: "draft", template: "refund", variables: { customer_name: `C${i}` } }),
  );
  return {
    load_ms: loadMs,
    classify_p50_ms: percentile(classifyTimes, 50),
    classify_p95_ms: percentile(classifyTimes, 95),
    extract_p50_ms: percentile(extractTimes, 50),
    extract_p95_ms: percentile(extractTimes, 95),
    draft_p95_ms: percentile(draftTimes, 95),
    rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  benchAi().then(
    (figures) => {
      process.stdout.write(
        "embedded provider: 200 calls per task, unique texts (no embedding cache hits), model load excluded\n",
      );
      process.stdout.write(`${JSON.stringify(figures)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
