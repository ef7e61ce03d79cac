import { z } from "zod";

/**
 * The providers an organisation can pick, with their default and suggested models. No SDK imports:
 * the settings page reads this file too.
 */
export const AI_PROVIDER_KINDS = ["embedded", "openai", "anthropic", "openai_compatible"] as const;
export type AiProviderKind = (typeof AI_PROVIDER_KINDS)[number];

export const PROVIDER_LABELS: Record<AiProviderKind, string> = {
  embedded: "Embedded (offline, built in)",
  openai: "OpenAI",
  anthropic: "Anthropic",
  openai_compatible: "OpenAI-compatible endpoint (Ollama, vLLM, LM Studio)",
};

export const DEFAULT_MODELS: Record<AiProviderKind, string> = {
  embedded: "handrail-embedded-1",
  openai: "gpt-4o-mini",
  anthropic: "claude-haiku-4-5",
  openai_compatible: "llama3.1",
};

/** Offered in the model field; any other model id the provider accepts works too. */
export const SUGGESTED_MODELS: Record<AiProviderKind, readonly string[]> = {
  embedded: ["handrail-embedded-1"],
  openai: ["gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1"],
  anthropic: ["claude-haiku-4-5", "claude-sonnet-4-5", "claude-3-5-haiku-latest"],
  openai_compatible: ["llama3.1", "qwen2.5", "mistral"],
};

/** Providers that need an API key to answer (an OpenAI-compatible endpoint may not). */
export const KEY_REQUIRED: Record<AiProviderKind, boolean> = {
  embedded: false,
  openai: true,
  anthropic: true,
  openai_compatible: false,
};

export const ZBaseUrl = z
  .url({ protocol: /^https?$/, error: "Enter a URL starting with http:// or https://" })
  .max(500);
