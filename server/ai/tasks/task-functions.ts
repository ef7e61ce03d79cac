import type { LanguageModelV4 } from "@ai-sdk/provider";
import { z } from "zod";
import type { EmbeddedProviderOptions } from "../embedded/embedded-provider";
import { executeTask, type TaskResult } from "./execute-task";
import {
  classifyOutputSchema,
  extractOutputSchema,
  taskDef,
  ZDraftOutput,
  ZScoreOutput,
  ZSummaryOutput,
} from "./task-registry";

/** What every task needs: the model, the organisation's taught examples, and an optional prompt version override. */
export type AiCall = {
  model: LanguageModelV4;
  examples?: EmbeddedProviderOptions["examples"];
  /** A workflow version pins its prompt version; recorded with every result. */
  promptVersion?: string;
  /** A workflow version's own instructions, replacing the task's default (same fencing and schema). */
  instructions?: string;
};

export type AiRequest =
  | {
      kind: "classify";
      task: string;
      text: string;
      context?: Record<string, unknown>;
      labels?: readonly [string, ...string[]];
    }
  | { kind: "extract"; task: string; text: string }
  | { kind: "score"; text: string; rubric?: string }
  | { kind: "draft"; template: string; variables?: Record<string, string | number>; text?: string }
  | { kind: "summarise"; text: string; maxSentences?: number };

const options = (call: AiCall) => ({ embedded: { examples: call.examples ?? [] } });

function knownTask(name: string) {
  try {
    return taskDef(name);
  } catch {
    return null;
  }
}

/** The name a request's prompt goes by: a workflow version's prompts are keyed by it. */
export function promptKey(request: AiRequest): string {
  switch (request.kind) {
    case "classify":
    case "extract":
      return request.task;
    case "score":
      return "lead.score";
    case "draft":
      return `draft.${request.template}`;
    case "summarise":
      return "summarise";
  }
}

/** The version of the built-in prompt a request uses when no workflow version pins another. */
export function defaultPromptVersion(request: AiRequest): string {
  switch (request.kind) {
    case "classify":
    case "extract":
      return knownTask(request.task)?.promptVersion ?? `${request.task}@adhoc`;
    case "score":
      return "lead.score@1";
    case "draft":
      return "draft@1";
    case "summarise":
      return "summarise@1";
  }
}

export function classify(call: AiCall, request: Extract<AiRequest, { kind: "classify" }>) {
  const known = knownTask(request.task);
  const labels = known?.kind === "classify" ? known.labels : request.labels;
  if (!labels) throw new Error(`Task "${request.task}" is unknown: pass its labels.`);
  return executeTask({
    model: call.model,
    header: {
      task: request.task,
      kind: "classify",
      version: call.promptVersion ?? defaultPromptVersion(request),
      labels,
    },
    instructions: call.instructions ?? known?.instructions ?? `Classify the text into one of: ${labels.join(", ")}.`,
    schema: classifyOutputSchema(labels),
    text: request.text,
    context: request.context,
    providerOptions: options(call),
    pick: (parsed) => ({ label: parsed.label }),
  });
}

export function extract(call: AiCall, request: Extract<AiRequest, { kind: "extract" }>) {
  const def = taskDef(request.task);
  if (def.kind !== "extract") throw new Error(`${request.task} is not an extraction task`);
  return executeTask({
    model: call.model,
    header: { task: def.name, kind: "extract", version: call.promptVersion ?? defaultPromptVersion(request) },
    instructions: call.instructions ?? def.instructions,
    schema: extractOutputSchema(def.fields),
    text: request.text,
    providerOptions: options(call),
    pick: (parsed) => ({ fields: parsed.fields }),
  });
}

export function score(call: AiCall, request: Extract<AiRequest, { kind: "score" }>) {
  return executeTask({
    model: call.model,
    header: { task: promptKey(request), kind: "score", version: call.promptVersion ?? defaultPromptVersion(request) },
    instructions:
      call.instructions ?? request.rubric ?? "Score the lead from 0 to 100 for budget, authority, need and timeline.",
    schema: ZScoreOutput,
    text: request.text,
    providerOptions: options(call),
    pick: (parsed) => ({ score: parsed.score }),
  });
}

export function draft(call: AiCall, request: Extract<AiRequest, { kind: "draft" }>) {
  return executeTask({
    model: call.model,
    header: { task: promptKey(request), kind: "draft", version: call.promptVersion ?? defaultPromptVersion(request) },
    instructions:
      call.instructions ??
      `Draft a short, polite reply using template "${request.template}" and these variables: ${JSON.stringify(request.variables ?? {})}. Promise nothing the variables do not state.`,
    schema: ZDraftOutput,
    text: request.text ?? "",
    context: { template: request.template, variables: request.variables ?? {} },
    providerOptions: options(call),
    pick: (parsed) => ({ subject: parsed.subject, body: parsed.body }),
  });
}

export function summarise(call: AiCall, request: Extract<AiRequest, { kind: "summarise" }>) {
  return executeTask({
    model: call.model,
    header: {
      task: promptKey(request),
      kind: "summarise",
      version: call.promptVersion ?? defaultPromptVersion(request),
    },
    instructions: call.instructions ?? `Summarise the text in at most ${request.maxSentences ?? 2} sentences.`,
    schema: ZSummaryOutput,
    text: request.text,
    context: { maxSentences: request.maxSentences ?? 2 },
    providerOptions: options(call),
    pick: (parsed) => ({ summary: parsed.summary }),
  });
}

export type AiOutput =
  | { label: string }
  | { fields: Record<string, unknown> }
  | { score: number }
  | { subject: string; body: string }
  | { summary: string };

/** Dispatches a request to its task function. */
export function runTask(call: AiCall, request: AiRequest): Promise<TaskResult<AiOutput>> {
  switch (request.kind) {
    case "classify":
      return classify(call, request);
    case "extract":
      return extract(call, request);
    case "score":
      return score(call, request);
    case "draft":
      return draft(call, request);
    case "summarise":
      return summarise(call, request);
  }
}

export const ZAiRequest = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("classify"),
    task: z.string().max(100),
    text: z.string().max(20_000),
    context: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({ kind: z.literal("extract"), task: z.string().max(100), text: z.string().max(20_000) }),
  z.object({ kind: z.literal("score"), text: z.string().max(20_000), rubric: z.string().max(1000).optional() }),
  z.object({
    kind: z.literal("draft"),
    template: z.string().max(100),
    variables: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    text: z.string().max(20_000).optional(),
  }),
  z.object({
    kind: z.literal("summarise"),
    text: z.string().max(20_000),
    maxSentences: z.number().int().min(1).max(10).optional(),
  }),
]);
