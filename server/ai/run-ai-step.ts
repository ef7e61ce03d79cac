/**
 * One AI step of a workflow run, for the workflow functions (inngest/functions/*) to call inside a
 * `step.run`:
 *
 *   runAiStep({
 *     orgId: string, runId: string, workflowId: string,
 *     prompts: unknown,      // WorkflowVersion.prompts of the version the run executes (see prompt-versions.ts)
 *     step: string,          // the RunStep's name, unique within the run, e.g. "classify-category"
 *     request: AiRequest,    // { kind: "classify", task: "support.category", text, context? } | extract | score | draft | summarise
 *   }): Promise<AiStepOutcome>
 *
 * It answers through the organisation's AI setup (`runOrgTask`: budgets checked before the call,
 * PII redacted for external providers, usage recorded) with the prompt version and instructions the
 * workflow version pins, and records a RunStep with model, prompt version, tokens, cost, latency,
 * confidence, output and error. It never throws for what a person should decide: an exceeded
 * budget, output that failed the schema twice, a provider error or malformed prompts come back as
 * `{ status: "needs_review", reason, detail }` (route the item to a human). It throws only when
 * the database fails, so the durable step retries. Calling it again for the same run and step
 * returns the recorded outcome without calling the model again.
 */
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { z } from "zod";
import { withScope } from "../db/tenancy";
import { recordStep } from "../runs/run-service";
import { runOrgTask } from "./ai-service";
import { ZWorkflowPrompts } from "./prompt-versions";
import type { TaskResult } from "./tasks/execute-task";
import { defaultPromptVersion, promptKey, type AiOutput, type AiRequest } from "./tasks/task-functions";

export type AiStepInput = {
  orgId: string;
  runId: string;
  workflowId: string;
  prompts: unknown;
  step: string;
  request: AiRequest;
  /** Tests: a model in place of the organisation's configured one. */
  model?: LanguageModelV4;
  now?: Date;
};

type Meta = {
  step: string;
  modelId: string;
  provider: string;
  promptVersion: string;
  tokens: { inputTokens: number; outputTokens: number; totalTokens: number };
  costUsd: number;
  latencyMs: number;
  attempts: number;
};

export type AiStepOutcome =
  | (Meta & { status: "ok"; output: AiOutput; confidence: number; rationale: string })
  | (Meta & {
      status: "needs_review";
      reason: Extract<TaskResult<AiOutput>, { status: "needs_review" }>["reason"] | "invalid_prompts";
      detail: string;
    });

/** What is stored in RunStep.output, read back when a durable step re-runs. */
const ZRecordedOutcome = z.object({
  status: z.enum(["ok", "needs_review"]),
  step: z.string(),
  modelId: z.string(),
  provider: z.string(),
  promptVersion: z.string(),
  tokens: z.object({ inputTokens: z.number(), outputTokens: z.number(), totalTokens: z.number() }),
  costUsd: z.number(),
  latencyMs: z.number(),
  attempts: z.number(),
});

async function recorded(orgId: string, runId: string, step: string): Promise<AiStepOutcome | null> {
  const row = await withScope({ orgId }, (tx) =>
    tx.runStep.findUnique({ where: { runId_name: { runId, name: step } }, select: { output: true } }),
  );
  return row && ZRecordedOutcome.safeParse(row.output).success ? (row.output as AiStepOutcome) : null;
}

export async function runAiStep(input: AiStepInput): Promise<AiStepOutcome> {
  const { orgId, runId, step, request } = input;
  const previous = await recorded(orgId, runId, step);
  if (previous) return previous;

  const key = promptKey(request);
  const prompts = ZWorkflowPrompts.safeParse(input.prompts ?? {});
  const pinned = prompts.success ? prompts.data[key] : undefined;
  const promptVersion = pinned?.version ?? defaultPromptVersion(request);

  const outcome: AiStepOutcome = prompts.success
    ? {
        step,
        ...(await runOrgTask(
          {
            orgId,
            workflowId: input.workflowId,
            promptVersion,
            instructions: pinned?.instructions,
            model: input.model,
            now: input.now,
          },
          request,
        )),
      }
    : {
        step,
        status: "needs_review",
        reason: "invalid_prompts",
        detail: `The workflow version's prompts are malformed: ${prompts.error.issues[0]?.message ?? "invalid"} at ${prompts.error.issues[0]?.path.join(".") ?? "?"}.`,
        modelId: "",
        provider: "",
        promptVersion,
        tokens: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
        costUsd: 0,
        latencyMs: 0,
        attempts: 0,
      };

  await recordStep(orgId, runId, {
    name: step,
    input: request,
    output: outcome,
    confidence: outcome.status === "ok" ? outcome.confidence : null,
    model: outcome.modelId || null,
    promptVersion: outcome.promptVersion,
    tokensIn: outcome.tokens.inputTokens,
    tokensOut: outcome.tokens.outputTokens,
    costUsd: outcome.costUsd,
    latencyMs: outcome.latencyMs,
    error: outcome.status === "needs_review" ? `${outcome.reason}: ${outcome.detail}`.slice(0, 2000) : null,
  });
  return outcome;
}
