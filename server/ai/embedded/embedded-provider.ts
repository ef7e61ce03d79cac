import type {
  EmbeddingModelV4,
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
} from "@ai-sdk/provider";
import { parseHeader, parseUserMessage } from "../tasks/prompt";
import { TASKS, type TaskName } from "../tasks/task-registry";
import { renderDraft } from "./drafts";
import { EMBEDDING_MODEL_ID, embedTexts } from "./embedder";
import { extractInvoice } from "./invoice-extractor";
import { scoreLead } from "./lead-score";
import { summariseText } from "./summarise";
import { classifyModel, zeroShotPredict } from "./task-models";
import type { LabelledText } from "./text-classifier";

export const EMBEDDED_MODEL_ID = "handrail-embedded-1";

/** What callers may pass under `providerOptions.embedded`: the organisation's own corrected examples. */
export type EmbeddedProviderOptions = {
  examples?: { text: string; label?: string | null; fields?: Record<string, unknown> | null }[];
};

function messageText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part: { type?: string; text?: string }) => (part.type === "text" ? (part.text ?? "") : ""))
      .join("");
  }
  return "";
}

/** Rough token count (4 characters a token) so usage and budgets work the same for every provider. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

async function answer(options: LanguageModelV4CallOptions): Promise<Record<string, unknown>> {
  const system = options.prompt
    .filter((m) => m.role === "system")
    .map((m) => messageText(m.content))
    .join("\n");
  const user = options.prompt
    .filter((m) => m.role === "user")
    .map((m) => messageText(m.content))
    .join("\n");
  const header = parseHeader(system);
  if (!header) throw new Error("The embedded model answers Handrail task prompts only (no task header found).");
  const { text, context } = parseUserMessage(user);
  const embedded = (options.providerOptions?.embedded ?? {}) as EmbeddedProviderOptions;
  const exemplars: LabelledText[] = (embedded.examples ?? [])
    .filter((e): e is { text: string; label: string } => typeof e.label === "string")
    .map((e) => ({ text: e.text, label: e.label }));

  switch (header.kind) {
    case "classify": {
      const prediction =
        header.task in TASKS
          ? await (await classifyModel(header.task as TaskName)).predict(text, context, exemplars)
          : await zeroShotPredict(header.labels ?? [], text, exemplars);
      return { label: prediction.label, confidence: prediction.confidence, rationale: prediction.rationale };
    }
    case "extract": {
      const result = extractInvoice(text);
      const found = Object.values(result.found).filter(Boolean).length / Object.keys(result.found).length;
      // Learned field mappings: a reviewer corrected what the rules read from the same source value.
      const fields = { ...result.fields } as Record<string, unknown>;
      const corrected: string[] = [];
      for (const example of embedded.examples ?? []) {
        if (!example.fields) continue;
        const theirs = extractInvoice(example.text).fields as Record<string, unknown>;
        for (const [key, value] of Object.entries(example.fields)) {
          if (theirs[key] !== value && theirs[key] === fields[key] && fields[key] !== null) {
            fields[key] = value;
            corrected.push(key);
          }
        }
      }
      const confidence = found === 1 ? 0.97 : Math.round(found * 0.8 * 1000) / 1000;
      const rationale = corrected.length
        ? `labelled lines for ${result.evidence.join(", ")}; reviewer corrections applied to ${[...new Set(corrected)].join(", ")}`
        : `labelled lines for ${result.evidence.join(", ") || "no fields"}`;
      return { fields, confidence, rationale };
    }
    case "score": {
      const lead = scoreLead(text);
      return {
        score: lead.score,
        confidence: Math.min(0.9, 0.5 + lead.signals * 0.1),
        rationale: lead.reasons.length ? lead.reasons.join(", ") : "no buying signals found",
      };
    }
    case "draft": {
      const template = typeof context.template === "string" ? context.template : "other";
      const variables = (context.variables ?? {}) as Record<string, string | number | undefined>;
      const draft = renderDraft(template, variables);
      return {
        subject: draft.subject,
        body: draft.body,
        confidence: draft.defaulted.length ? 0.6 : 0.9,
        rationale: `template "${draft.template}"${draft.defaulted.length ? `; defaults used for ${draft.defaulted.join(", ")}` : ""}`,
      };
    }
    case "summarise": {
      const summary = await summariseText(text, typeof context.maxSentences === "number" ? context.maxSentences : 2);
      return {
        summary: summary.summary,
        confidence: Math.round(Math.min(0.9, summary.coverage) * 1000) / 1000,
        rationale: "extractive: the most central sentences",
      };
    }
  }
}

/**
 * The offline model as an AI SDK LanguageModelV4: it reads the task header and fenced input that
 * every Handrail prompt carries and answers with JSON, so callers cannot tell it from a remote model.
 */
export function createEmbeddedLanguageModel(): LanguageModelV4 {
  const doGenerate = async (options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> => {
    const json = JSON.stringify(await answer(options));
    const inputText = options.prompt.map((m) => messageText(m.content)).join("\n");
    const inputTokens = estimateTokens(inputText);
    const outputTokens = estimateTokens(json);
    return {
      content: [{ type: "text", text: json }],
      finishReason: { unified: "stop", raw: "stop" },
      usage: {
        inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
      },
      warnings: [],
    };
  };
  return {
    specificationVersion: "v4",
    provider: "handrail-embedded",
    modelId: EMBEDDED_MODEL_ID,
    supportedUrls: {},
    doGenerate,
    async doStream(options) {
      const result = await doGenerate(options);
      const text = result.content[0]?.type === "text" ? result.content[0].text : "";
      const parts: LanguageModelV4StreamPart[] = [
        { type: "stream-start", warnings: [] },
        { type: "text-start", id: "0" },
        { type: "text-delta", id: "0", delta: text },
        { type: "text-end", id: "0" },
        { type: "finish", finishReason: result.finishReason, usage: result.usage },
      ];
      return {
        stream: new ReadableStream<LanguageModelV4StreamPart>({
          start(controller) {
            for (const part of parts) controller.enqueue(part);
            controller.close();
          },
        }),
      };
    },
  };
}

export function createEmbeddedEmbeddingModel(): EmbeddingModelV4 {
  return {
    specificationVersion: "v4",
    provider: "handrail-embedded",
    modelId: EMBEDDING_MODEL_ID,
    maxEmbeddingsPerCall: 256,
    supportsParallelCalls: false,
    async doEmbed({ values }) {
      const embeddings = await embedTexts(values);
      return { embeddings, usage: { tokens: values.reduce((sum, v) => sum + estimateTokens(v), 0) }, warnings: [] };
    },
  };
}
