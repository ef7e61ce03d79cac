import type { WorkflowPrompts } from "@/server/ai/prompt-versions";

/** The rule-based composer of per-platform variants and schedules, versioned like a prompt. */
export const VARIANT_COMPOSER_VERSION = "content.variants@1";

/** The prompts a content distribution version pins (WorkflowVersion.prompts). */
export const CONTENT_PROMPTS: WorkflowPrompts = {
  summarise: {
    version: "content.summarise@1",
    instructions:
      "Pick the sentences of the article that best carry its message, word for word, in their original order. Do not add claims, prices or promises.",
  },
  "support.sentiment": {
    version: "content.mention-sentiment@1",
    instructions: "Classify the sentiment of this public reply or mention of one of our posts.",
  },
  "content.variants": { version: VARIANT_COMPOSER_VERSION },
};
