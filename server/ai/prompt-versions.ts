import { z } from "zod";

/**
 * The shape of `WorkflowVersion.prompts`: for each AI prompt a workflow version uses, keyed by the
 * prompt's name, the version id recorded with every step it produces and, optionally, the
 * instructions that replace the built-in ones. Keys: a task name (`support.category`,
 * `invoice.extract`, or any zero-shot classification task), `lead.score`, `draft.<template>`,
 * `summarise`. A prompt the version does not list runs the built-in prompt under its own
 * version (e.g. `support.category@1`).
 *
 *   { "support.category": { "version": "support.category@2", "instructions": "Classify the ticket…" } }
 */
export const ZPromptEntry = z.object({
  version: z.string().trim().min(1).max(100),
  instructions: z.string().trim().min(1).max(4000).optional(),
});
export const ZWorkflowPrompts = z.record(z.string().min(1).max(100), ZPromptEntry);
export type WorkflowPrompts = z.infer<typeof ZWorkflowPrompts>;
