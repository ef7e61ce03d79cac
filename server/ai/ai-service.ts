import type { LanguageModelV4 } from "@ai-sdk/provider";
import { decryptSecret } from "../auth/crypto";
import { withScope } from "../db/tenancy";
import { Prisma } from "../db/generated/client";
import { estimateTokens } from "./embedded/embedded-provider";
import { alertBudgetOnce, checkBudgets } from "./budgets";
import { costUsd } from "./providers/pricing";
import { isExternal, resolveModel, type ProviderConfig } from "./providers/resolve-model";
import { redact, restore, type RedactionMap } from "./redaction";
import type { TaskResult } from "./tasks/execute-task";
import { defaultPromptVersion, runTask, type AiOutput, type AiRequest } from "./tasks/task-functions";

export type OrgAiContext = {
  orgId: string;
  workflowId?: string | null;
  /** Pinned by the workflow version that runs this step. */
  promptVersion?: string;
  /** The workflow version's own instructions for this task, replacing the task's default. */
  instructions?: string;
  /** Replaces the organisation's configured model and settings (tests). */
  model?: LanguageModelV4;
  /**
   * Turns the organisation's saved provider settings (key decrypted) into a model; `resolveModel`
   * unless a test puts a double at the remote edge.
   */
  connect?: (config: ProviderConfig) => LanguageModelV4;
  now?: Date;
};

/** System prompt and JSON answer overhead added to the input's own size when estimating. */
const PROMPT_OVERHEAD_TOKENS = 250;
const OUTPUT_ESTIMATE_TOKENS = 200;

export async function loadProviderConfig(orgId: string): Promise<ProviderConfig & { redactPii: boolean }> {
  const settings = await withScope({ orgId }, (tx) => tx.aiSettings.findUnique({ where: { orgId } }));
  if (!settings) return { provider: "embedded", redactPii: true };
  return {
    provider: settings.provider,
    model: settings.model,
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKeyCiphertext ? decryptSecret(settings.apiKeyCiphertext) : null,
    redactPii: settings.redactPii,
  };
}

function requestTask(request: AiRequest): string {
  return request.kind === "classify" || request.kind === "extract" ? request.task : request.kind;
}

function redactRequest(request: AiRequest, map: RedactionMap): AiRequest {
  const r = (s: string) => redact(s, map).text;
  switch (request.kind) {
    case "draft":
      return {
        ...request,
        text: request.text === undefined ? undefined : r(request.text),
        variables: Object.fromEntries(
          Object.entries(request.variables ?? {}).map(([k, v]) => [k, typeof v === "string" ? r(v) : v]),
        ),
      };
    default:
      return { ...request, text: r(request.text) };
  }
}

/**
 * An AI step for an organisation: its model and taught examples, its budgets checked before the
 * call (over budget → no call, human review, owner alerted once), PII redacted before any external
 * provider and restored after, usage recorded for the next budget check.
 */
export async function runOrgTask(ctx: OrgAiContext, request: AiRequest): Promise<TaskResult<AiOutput>> {
  const now = ctx.now ?? new Date();
  const config = ctx.model ? { provider: "embedded" as const, redactPii: true } : await loadProviderConfig(ctx.orgId);
  const model = ctx.model ?? (ctx.connect ?? resolveModel)(config);
  const external = ctx.model ? ctx.model.provider !== "handrail-embedded" : isExternal(config);
  const task = requestTask(request);

  const examples = await withScope({ orgId: ctx.orgId }, (tx) =>
    tx.aiExample.findMany({ where: { orgId: ctx.orgId, task }, orderBy: { createdAt: "desc" }, take: 500 }),
  );
  const estimatedInput = estimateTokens(JSON.stringify(request)) + PROMPT_OVERHEAD_TOKENS;
  const estimatedCost = costUsd({
    modelId: model.modelId,
    provider: model.provider,
    inputTokens: estimatedInput,
    outputTokens: OUTPUT_ESTIMATE_TOKENS,
  });
  const verdict = await withScope({ orgId: ctx.orgId }, async (tx) => {
    const check = await checkBudgets(tx, {
      orgId: ctx.orgId,
      workflowId: ctx.workflowId,
      estimatedTokens: estimatedInput + OUTPUT_ESTIMATE_TOKENS,
      estimatedCostUsd: estimatedCost,
      now,
    });
    if (!check.ok)
      await alertBudgetOnce(tx, {
        orgId: ctx.orgId,
        budgetId: check.budgetId,
        scope: check.scope,
        period: check.period,
        task,
        now,
      });
    return check;
  });
  if (!verdict.ok) {
    return {
      status: "needs_review",
      reason: "budget_exceeded",
      detail: `Not called: this would exceed the ${verdict.detail}.`,
      modelId: model.modelId,
      provider: model.provider,
      promptVersion: ctx.promptVersion ?? defaultPromptVersion(request),
      tokens: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      costUsd: 0,
      latencyMs: 0,
      attempts: 0,
    };
  }

  const map: RedactionMap = {};
  const shouldRedact = external && config.redactPii;
  const outgoing = shouldRedact ? redactRequest(request, map) : request;
  // Taught examples go only to the embedded model: they may hold PII and remote models do not use them.
  const result = await runTask(
    {
      model,
      promptVersion: ctx.promptVersion,
      instructions: ctx.instructions,
      examples: external
        ? []
        : examples.map((e) => ({ text: e.text, label: e.label, fields: e.fields as Record<string, unknown> | null })),
    },
    outgoing,
  );

  if (result.tokens.totalTokens > 0) {
    await withScope({ orgId: ctx.orgId }, (tx) =>
      tx.aiUsage.create({
        data: {
          orgId: ctx.orgId,
          workflowId: ctx.workflowId ?? null,
          task,
          modelId: result.modelId,
          inputTokens: result.tokens.inputTokens,
          outputTokens: result.tokens.outputTokens,
          costUsd: new Prisma.Decimal(result.costUsd),
          createdAt: now,
        },
      }),
    );
  }
  if (result.status !== "ok" || !shouldRedact) return result;
  return { ...result, output: restore(result.output, map), rationale: restore(result.rationale, map) };
}
