import { shippedExamples, ZClassifyExample, type ClassifyExample } from "../data/load-examples";
import { TASKS, type TaskName } from "../tasks/task-registry";
import { preloadEmbeddings } from "./embedder";
import { calibrate, fitCalibrator, type Calibrator } from "./calibration";
import { TextClassifier, topLabel, type LabelledText, type Scores } from "./text-classifier";
import { applyTierPolicy, keywordSeverity, type Urgency } from "./urgency-rules";

export type Prediction = { label: string; confidence: number; raw: number; scores: Scores; rationale: string };
type RawPrediction = Omit<Prediction, "confidence">;
type Pipeline = (
  text: string,
  context: Record<string, unknown>,
  exemplars: readonly LabelledText[],
) => Promise<RawPrediction>;

const FOLDS = 4;
/**
 * Cross-validation on the shipped examples sees only their phrasings; new wording is riskier, so
 * no embedded answer claims more than this (an owner who sets 0.99 gets no automatic decisions).
 */
export const MAX_CONFIDENCE = 0.98;

function describe(scores: Scores): string {
  return Object.entries(scores)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([label, p]) => `${label} ${p.toFixed(2)}`)
    .join(", ");
}

async function classifierPipeline(labels: readonly string[], examples: readonly LabelledText[]): Promise<Pipeline> {
  const classifier = await TextClassifier.train(labels, examples);
  return async (text, _context, exemplars) => {
    const { scores, exemplar } = await classifier.scores(text, exemplars);
    const top = topLabel(scores);
    const because = exemplar
      ? `matches a reviewer-corrected example (similarity ${exemplar.similarity.toFixed(2)})`
      : `nearest examples: ${describe(scores)}`;
    return { label: top.label, raw: top.p, scores, rationale: because };
  };
}

/** Text gives a severity (learned from the examples whose tier the policy leaves alone), the policy adjusts it. */
async function urgencyPipeline(examples: readonly ClassifyExample[]): Promise<Pipeline> {
  const labels = TASKS["support.urgency"].labels;
  const severityExamples = examples.filter((e) => e.context?.tier === "pro");
  const classify = await classifierPipeline(labels, severityExamples);
  return async (text, context, exemplars) => {
    const learned = await classify(text, context, exemplars);
    const keyword = keywordSeverity(text);
    const useKeyword = keyword !== null && learned.raw < 0.6 && !learned.rationale.startsWith("matches");
    const severity = (useKeyword ? keyword : learned.label) as Urgency;
    const { urgency, rule } = applyTierPolicy(severity, context);
    const why = [useKeyword ? `keywords suggest ${severity}` : `text reads as ${severity} (${learned.rationale})`, rule]
      .filter(Boolean)
      .join("; ");
    return {
      label: urgency,
      raw: useKeyword ? Math.max(learned.raw, 0.5) : learned.raw,
      scores: learned.scores,
      rationale: why,
    };
  };
}

async function buildPipeline(task: TaskName, examples: readonly ClassifyExample[]): Promise<Pipeline> {
  if (task === "support.urgency") return urgencyPipeline(examples);
  const def = TASKS[task];
  if (def.kind !== "classify") throw new Error(`${task} is not a classification task`);
  return classifierPipeline(def.labels, examples);
}

export type ClassifyModel = {
  predict(text: string, context?: Record<string, unknown>, exemplars?: readonly LabelledText[]): Promise<Prediction>;
  calibrator: Calibrator;
};

/** Cross-validated predictions on the shipped examples fit the calibrator; the final model uses them all. */
export async function trainClassifyModel(task: TaskName, examples: readonly ClassifyExample[]): Promise<ClassifyModel> {
  const samples: { raw: number; correct: boolean }[] = [];
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const train = examples.filter((_, i) => i % FOLDS !== fold);
    const held = examples.filter((_, i) => i % FOLDS === fold);
    const pipeline = await buildPipeline(task, train);
    for (const example of held) {
      const prediction = await pipeline(example.text, example.context ?? {}, []);
      samples.push({ raw: prediction.raw, correct: prediction.label === example.label });
    }
  }
  const calibrator = fitCalibrator(samples);
  const pipeline = await buildPipeline(task, examples);
  return {
    calibrator,
    async predict(text, context = {}, exemplars = []) {
      const prediction = await pipeline(text, context, exemplars);
      // A reviewer's near-identical correction is trusted as such, not through the shipped-data curve.
      const confidence = prediction.rationale.includes("reviewer-corrected")
        ? Math.max(calibrate(calibrator, prediction.raw), 0.9)
        : calibrate(calibrator, prediction.raw);
      return { ...prediction, confidence: Math.min(MAX_CONFIDENCE, confidence) };
    },
  };
}

const models = new Map<TaskName, Promise<ClassifyModel>>();

/** One trained model per task per process. */
export function classifyModel(task: TaskName): Promise<ClassifyModel> {
  let model = models.get(task);
  if (!model) {
    const def = TASKS[task];
    const examples = shippedExamples(def.dataFile, "train").map((row) => ZClassifyExample.parse(row));
    model = preloadEmbeddings(examples.map((e) => e.text)).then(() => trainClassifyModel(task, examples));
    models.set(task, model);
  }
  return model;
}

/** Labels without a shipped task: zero-shot centroids from the label words plus the organisation's examples. */
export async function zeroShotPredict(
  labels: readonly string[],
  text: string,
  exemplars: readonly LabelledText[],
): Promise<Prediction> {
  const pipeline = await classifierPipeline(labels, exemplars);
  const prediction = await pipeline(text, {}, exemplars);
  // Uncalibrated: no labelled data to fit on, so stay below typical auto thresholds.
  return { ...prediction, confidence: Math.min(0.7, prediction.raw) };
}
