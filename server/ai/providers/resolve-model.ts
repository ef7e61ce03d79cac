import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { createEmbeddedLanguageModel } from "../embedded/embedded-provider";
import { DEFAULT_MODELS, type AiProviderKind } from "./provider-kinds";

export type ProviderConfig = {
  provider: AiProviderKind;
  model?: string | null;
  baseUrl?: string | null;
  /** Decrypted only here, just before the call; never stored in plain text or returned. */
  apiKey?: string | null;
};

let embedded: LanguageModelV4 | undefined;

export function isExternal(config: ProviderConfig): boolean {
  return config.provider !== "embedded";
}

/** The AI SDK model for an organisation's settings; the rest of server/ai never branches on provider. */
export function resolveModel(config: ProviderConfig): LanguageModelV4 {
  const modelId = config.model?.trim() || DEFAULT_MODELS[config.provider];
  switch (config.provider) {
    case "embedded":
      embedded ??= createEmbeddedLanguageModel();
      return embedded;
    case "openai":
      return createOpenAI({ apiKey: config.apiKey ?? "", ...(config.baseUrl ? { baseURL: config.baseUrl } : {}) })(
        modelId,
      );
    case "anthropic":
      return createAnthropic({ apiKey: config.apiKey ?? "", ...(config.baseUrl ? { baseURL: config.baseUrl } : {}) })(
        modelId,
      );
    case "openai_compatible":
      if (!config.baseUrl) throw new Error("An OpenAI-compatible provider needs a base URL.");
      return createOpenAICompatible({
        name: "openai-compatible",
        baseURL: config.baseUrl,
        ...(config.apiKey ? { apiKey: config.apiKey } : {}),
        supportsStructuredOutputs: true,
      }).chatModel(modelId);
  }
}
