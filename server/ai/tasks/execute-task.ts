import { generateText, Output, type LanguageModel } from "ai";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import type { z } from "zod";
import { costUsd } from "../providers/pricing";
import { buildPrompt, type TaskHeader } from "./prompt";

export type TaskUsage = { inputTokens: number; outputTokens: number; totalTokens: number };

export type TaskResult<T> =
  | {
      status: "ok";
      output: T;
      confidence: number;
      rationale: string;
      modelId: string;
      provider: string;
      promptVersion: string;
      tokens: TaskUsage;
      costUsd: number;
      latencyMs: number;
      attempts: number;
    }
  | {
      status: "needs_review";
      reason: "invalid_output" | "budget_exceeded" | "provider_error";
      detail: string;
      modelId: string;
      provider: string;
      promptVersion: string;
      tokens: TaskUsage;
      costUsd: number;
      latencyMs: number;
      attempts: number;
    };

type WithMeta = { confidence: number; rationale: string };

export type ExecuteOptions<S extends z.ZodType<WithMeta>, T> = {
  model: LanguageModelV4;
  header: TaskHeader;
  instructions: string;
  schema: S;
  text: string;
  context?: Record<string, unknown>;
  providerOptions?: Record<string, Record<string, unknown>>;
  /** Maps the parsed object to the task's output (e.g. drop confidence and rationale). */
  pick: (parsed: z.infer<S>) => T;
};

/**
 * One task through the AI SDK: `generateText` with `Output.object`, so whatever the model says
 * must parse against the schema. Invalid output is retried once, then handed to a person.
 */
export async function executeTask<S extends z.ZodType<WithMeta>, T>(
  options: ExecuteOptions<S, T>,
): Promise<TaskResult<T>> {
  const { system, prompt } = buildPrompt({
    header: options.header,
    instructions: options.instructions,
    text: options.text,
    context: options.context,
  });
  const started = performance.now();
  const usage: TaskUsage = { inputTokens: 0, outputTokens: 0, totalTokens: 0 };
  const base = {
    modelId: options.model.modelId,
    provider: options.model.provider,
    promptVersion: options.header.version,
  };
  let lastError = "";
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    try {
      const result = await generateText({
        model: options.model as LanguageModel,
        system,
        prompt,
        output: Output.object({ schema: options.schema }),
        temperature: 0,
        maxRetries: 1,
        providerOptions: options.providerOptions as Parameters<typeof generateText>[0]["providerOptions"],
      });
      usage.inputTokens += result.usage.inputTokens ?? 0;
      usage.outputTokens += result.usage.outputTokens ?? 0;
      usage.totalTokens = usage.inputTokens + usage.outputTokens;
      const parsed = options.schema.parse(result.output);
      return {
        status: "ok",
        output: options.pick(parsed),
        confidence: Math.max(0, Math.min(1, parsed.confidence)),
        rationale: parsed.rationale,
        ...base,
        tokens: { ...usage },
        costUsd: costUsd({ ...base, ...usage }),
        latencyMs: Math.round(performance.now() - started),
        attempts: attempt,
      };
    } catch (error) {
      lastError = error instanceof Error ? error.message.slice(0, 300) : String(error);
      const partial = (error as { usage?: { inputTokens?: number; outputTokens?: number } }).usage;
      usage.inputTokens += partial?.inputTokens ?? 0;
      usage.outputTokens += partial?.outputTokens ?? 0;
      usage.totalTokens = usage.inputTokens + usage.outputTokens;
      if (isProviderError(error)) {
        return {
          status: "needs_review",
          reason: "provider_error",
          detail: lastError,
          ...base,
          tokens: usage,
          costUsd: costUsd({ ...base, ...usage }),
          latencyMs: Math.round(performance.now() - started),
          attempts: attempt,
        };
      }
    }
  }
  return {
    status: "needs_review",
    reason: "invalid_output",
    detail: lastError,
    ...base,
    tokens: usage,
    costUsd: costUsd({ ...base, ...usage }),
    latencyMs: Math.round(performance.now() - started),
    attempts: 2,
  };
}

function isProviderError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? "";
  return /APICallError|RetryError|LoadAPIKeyError/.test(name);
}
