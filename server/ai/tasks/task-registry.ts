import { z } from "zod";

/**
 * Every AI task: its kind, labels or fields, output schema and prompt version. One source of truth
 * read by the task functions, the embedded model, the evaluation script and the docs.
 */
export const SUPPORT_CATEGORIES = [
  "billing",
  "technical",
  "account_access",
  "refund",
  "feature_request",
  "how_to",
  "other",
] as const;
export const SUPPORT_URGENCIES = ["low", "normal", "high", "urgent"] as const;
export const SUPPORT_SENTIMENTS = ["negative", "neutral", "positive"] as const;

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ZInvoiceFields = z.object({
  vendor: z.string().nullable(),
  invoice_number: z.string().nullable(),
  invoice_date: ZIsoDate.nullable(),
  due_date: ZIsoDate.nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  total: z.number().nullable(),
  po_number: z.string().nullable(),
});
export type InvoiceFields = z.infer<typeof ZInvoiceFields>;

export const ZConfidence = z.number().min(0).max(1);
const ZRationale = z.string().max(500);

export type ClassifyTaskDef = {
  kind: "classify";
  name: string;
  labels: readonly [string, ...string[]];
  instructions: string;
  promptVersion: string;
  dataFile: string;
};
export type ExtractTaskDef = {
  kind: "extract";
  name: string;
  fields: z.ZodObject;
  instructions: string;
  promptVersion: string;
  dataFile: string;
};
export type TaskDef = ClassifyTaskDef | ExtractTaskDef;

export const TASKS = {
  "support.category": {
    kind: "classify",
    name: "support.category",
    labels: SUPPORT_CATEGORIES,
    instructions: "Classify the support ticket into exactly one category.",
    promptVersion: "support.category@1",
    dataFile: "support-category",
  },
  "support.urgency": {
    kind: "classify",
    name: "support.urgency",
    labels: SUPPORT_URGENCIES,
    instructions:
      "Rate the urgency of the support ticket. Consider the customer tier and SLA hours given in the context.",
    promptVersion: "support.urgency@1",
    dataFile: "support-urgency",
  },
  "support.sentiment": {
    kind: "classify",
    name: "support.sentiment",
    labels: SUPPORT_SENTIMENTS,
    instructions: "Classify the customer's sentiment in the support ticket.",
    promptVersion: "support.sentiment@1",
    dataFile: "support-sentiment",
  },
  "invoice.extract": {
    kind: "extract",
    name: "invoice.extract",
    fields: ZInvoiceFields,
    instructions:
      "Extract the invoice fields. Dates as ISO YYYY-MM-DD, currency as an ISO 4217 code, total as a number, null when absent.",
    promptVersion: "invoice.extract@1",
    dataFile: "invoice-extract",
  },
} as const satisfies Record<string, TaskDef>;

export type TaskName = keyof typeof TASKS;
export const TASK_NAMES = Object.keys(TASKS) as TaskName[];

export function taskDef(name: string): TaskDef {
  const def = (TASKS as Record<string, TaskDef>)[name];
  if (!def) throw new Error(`unknown AI task "${name}"; known: ${TASK_NAMES.join(", ")}`);
  return def;
}

const classifySchemas = new Map<string, ReturnType<typeof buildClassifySchema>>();
const buildClassifySchema = (labels: readonly [string, ...string[]]) =>
  z.object({ label: z.enum(labels), confidence: ZConfidence, rationale: ZRationale });

/** What the model must return for a classification: schema-bound, so a label outside the list is invalid. Memoised: hot path. */
export function classifyOutputSchema(labels: readonly [string, ...string[]]) {
  const key = labels.join("\u0000");
  let schema = classifySchemas.get(key);
  if (!schema) {
    schema = buildClassifySchema(labels);
    classifySchemas.set(key, schema);
  }
  return schema;
}

export function extractOutputSchema(fields: z.ZodObject) {
  return z.object({ fields, confidence: ZConfidence, rationale: ZRationale });
}

export const ZScoreOutput = z.object({
  score: z.number().min(0).max(100),
  confidence: ZConfidence,
  rationale: ZRationale,
});
export const ZDraftOutput = z.object({
  subject: z.string().max(200),
  body: z.string().max(4000),
  confidence: ZConfidence,
  rationale: ZRationale,
});
export const ZSummaryOutput = z.object({
  summary: z.string().max(2000),
  confidence: ZConfidence,
  rationale: ZRationale,
});
