import { z } from "zod";
import { AI_PROVIDER_KINDS, ZBaseUrl } from "./providers/resolve-model";
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

export const ZUpdateAiSettingsRequest = z.object({
  provider: z.enum(AI_PROVIDER_KINDS),
  model: z.string().trim().max(200).nullable().optional(),
  baseUrl: ZBaseUrl.nullable().optional(),
  /** Omitted: keep the stored key. null: remove it. */
  apiKey: z.string().trim().min(1).max(500).nullable().optional(),
  redactPii: z.boolean().optional(),
});
export type UpdateAiSettingsRequest = z.infer<typeof ZUpdateAiSettingsRequest>;

export const ZTestConnectionResponse = z.object({
  ok: z.boolean(),
  provider: z.string(),
  modelId: z.string(),
  latencyMs: z.number(),
  message: z.string(),
});

export const ZSetBudgetRequest = z
  .object({
    workflowId: z.string().min(1).max(64).nullable().default(null),
    period: z.enum(["day", "month"]),
    maxTokens: z.number().int().positive().nullable().default(null),
    maxCostUsd: z.number().positive().max(1_000_000).nullable().default(null),
  })
  .refine((b) => b.maxTokens !== null || b.maxCostUsd !== null, { message: "Set a token cap, a spend cap, or both." });

export const ZBudgetView = z.object({
  id: z.string(),
  workflowId: z.string().nullable(),
  period: z.enum(["day", "month"]),
  maxTokens: z.number().nullable(),
  maxCostUsd: z.number().nullable(),
});

export const ZAddExampleRequest = z
  .object({
    task: z.enum(TASK_NAMES as [string, ...string[]]),
    text: z.string().trim().min(1).max(20_000),
    label: z.string().trim().min(1).max(100).nullable().default(null),
    fields: z.record(z.string(), z.unknown()).nullable().default(null),
  })
  .refine((e) => e.label !== null || e.fields !== null, { message: "A correction needs a label or fields." });
export type AddExampleRequest = z.infer<typeof ZAddExampleRequest>;
