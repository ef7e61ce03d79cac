import { z } from "zod";
import { AI_PROVIDER_KINDS, ZBaseUrl } from "./providers/provider-kinds";
import { TASK_NAMES } from "./tasks/task-registry";

/** What the browser may see of the settings: whether a key is stored, never the key. */
export const ZAiSettingsView = z.object({
  provider: z.enum(AI_PROVIDER_KINDS),
  model: z.string().nullable(),
  baseUrl: z.string().nullable(),
  hasApiKey: z.boolean(),
  redactPii: z.boolean(),
});
export type AiSettingsView = z.infer<typeof ZAiSettingsView>;

/** Read by the settings form too, so the browser and the server refuse the same values. */
export const ZUpdateAiSettingsRequest = z
  .object({
    provider: z.enum(AI_PROVIDER_KINDS),
    model: z.string().trim().max(200, "At most 200 characters.").nullable().optional(),
    baseUrl: ZBaseUrl.nullable().optional(),
    /** Omitted: keep the stored key. null: remove it. */
    apiKey: z.string().trim().min(1, "Enter the key, or keep the stored one.").max(500).nullable().optional(),
    redactPii: z.boolean().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.provider === "openai_compatible" && !s.baseUrl) {
      ctx.addIssue({
        code: "custom",
        path: ["baseUrl"],
        message: "An OpenAI-compatible provider needs a base URL, e.g. http://localhost:11434/v1.",
      });
    }
  });
export type UpdateAiSettingsRequest = z.infer<typeof ZUpdateAiSettingsRequest>;

export const ZTestConnectionResponse = z.object({
  ok: z.boolean(),
  /** provider_error: unreachable, refused, bad key or model; invalid_answer: reached, but its answer failed the schema. */
  outcome: z.enum(["connected", "provider_error", "invalid_answer"]),
  provider: z.string(),
  modelId: z.string(),
  latencyMs: z.number(),
  message: z.string(),
});
export type TestConnectionResponse = z.infer<typeof ZTestConnectionResponse>;

export const BUDGET_PERIODS = ["day", "month"] as const;

export const ZSetBudgetRequest = z
  .object({
    workflowId: z.string().min(1).max(64).nullable().default(null),
    period: z.enum(BUDGET_PERIODS),
    maxTokens: z
      .number({ error: "Enter a whole number of tokens." })
      .int("Enter a whole number of tokens.")
      .positive("Enter a number above zero.")
      .max(2_000_000_000, "At most 2,000,000,000 tokens.")
      .nullable()
      .default(null),
    maxCostUsd: z
      .number({ error: "Enter an amount in US dollars." })
      .positive("Enter an amount above zero.")
      .max(1_000_000, "At most $1,000,000.")
      .nullable()
      .default(null),
  })
  .refine((b) => b.maxTokens !== null || b.maxCostUsd !== null, { message: "Set a token cap, a spend cap, or both." });
export type SetBudgetRequest = z.infer<typeof ZSetBudgetRequest>;

export const ZRemoveBudgetRequest = z.object({ id: z.string().min(1).max(64) });

export const ZUsage = z.object({ tokens: z.number(), costUsd: z.number() });
export type Usage = z.infer<typeof ZUsage>;

export const ZBudgetView = z.object({
  id: z.string(),
  workflowId: z.string().nullable(),
  /** null for the organisation's own budget, or when the workflow no longer exists. */
  workflowName: z.string().nullable(),
  period: z.enum(BUDGET_PERIODS),
  maxTokens: z.number().nullable(),
  maxCostUsd: z.number().nullable(),
  /** Spent in the current period (UTC day or month) by what the budget covers. */
  used: ZUsage,
});
export type BudgetView = z.infer<typeof ZBudgetView>;

export const ZBudgetOverview = z.object({
  budgets: z.array(ZBudgetView),
  /** The organisation's whole spend in the current UTC day and month. */
  usage: z.object({ day: ZUsage, month: ZUsage }),
  /** Workflows a budget can be set for. */
  workflows: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type BudgetOverview = z.infer<typeof ZBudgetOverview>;

export const ZAddExampleRequest = z
  .object({
    task: z.enum(TASK_NAMES as [string, ...string[]]),
    text: z.string().trim().min(1).max(20_000),
    label: z.string().trim().min(1).max(100).nullable().default(null),
    fields: z.record(z.string(), z.unknown()).nullable().default(null),
  })
  .refine((e) => e.label !== null || e.fields !== null, { message: "A correction needs a label or fields." });
export type AddExampleRequest = z.infer<typeof ZAddExampleRequest>;
