/** USD per million tokens (input, output). Unknown remote models are priced conservatively high. */
const PRICES: Record<string, [number, number]> = {
  "handrail-embedded-1": [0, 0],
  "gpt-4o-mini": [0.15, 0.6],
  "gpt-4o": [2.5, 10],
  "gpt-4.1-mini": [0.4, 1.6],
  "gpt-4.1": [2, 8],
  "claude-3-5-haiku-latest": [0.8, 4],
  "claude-sonnet-4-5": [3, 15],
  "claude-haiku-4-5": [1, 5],
};
const UNKNOWN_REMOTE: [number, number] = [5, 15];

export function costUsd(options: {
  modelId: string;
  provider: string;
  inputTokens: number;
  outputTokens: number;
}): number {
  if (options.provider === "handrail-embedded") return 0;
  // OpenAI-compatible endpoints (Ollama, vLLM, LM Studio) are usually self-hosted: no per-token price.
  if (options.provider.startsWith("openai-compatible")) return 0;
  const [input, output] = PRICES[options.modelId] ?? UNKNOWN_REMOTE;
  return Math.round(((options.inputTokens * input + options.outputTokens * output) / 1_000_000) * 1e6) / 1e6;
}
