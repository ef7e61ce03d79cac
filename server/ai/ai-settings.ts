import type { AuditActor } from "../audit/audit.schemas";
import { appendAudit } from "../audit/append-audit";
import { encryptSecret } from "../auth/crypto";
import type { Tx } from "../db/tenancy";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import type { AddExampleRequest, AiSettingsView, TestConnectionResponse, UpdateAiSettingsRequest } from "./ai.schemas";
import { taskDef } from "./tasks/task-registry";
import { resolveModel, type ProviderConfig } from "./providers/resolve-model";
import { classify } from "./tasks/task-functions";

export async function getAiSettings(tx: Tx, orgId: string): Promise<AiSettingsView> {
  const row = await tx.aiSettings.findUnique({ where: { orgId } });
  return {
    provider: row?.provider ?? "embedded",
    model: row?.model ?? null,
    baseUrl: row?.baseUrl ?? null,
    hasApiKey: Boolean(row?.apiKeyCiphertext),
    redactPii: row?.redactPii ?? true,
  };
}

export async function updateAiSettings(
  tx: Tx,
  options: { orgId: string; actor: AuditActor; input: UpdateAiSettingsRequest },
): Promise<AiSettingsView> {
  const { orgId, input } = options;
  if (input.provider === "openai_compatible" && !input.baseUrl) {
    throw new AppError("BAD_REQUEST", "An OpenAI-compatible provider needs a base URL.");
  }
  const keyChanged = input.apiKey !== undefined;
  const data = {
    provider: input.provider,
    model: input.model || null,
    baseUrl: input.baseUrl || null,
    ...(input.redactPii !== undefined ? { redactPii: input.redactPii } : {}),
    ...(keyChanged ? { apiKeyCiphertext: input.apiKey ? encryptSecret(input.apiKey) : null } : {}),
  };
  await tx.aiSettings.upsert({ where: { orgId }, create: { orgId, ...data }, update: data });
  await appendAudit(tx, {
    orgId,
    actor: options.actor,
    action: "ai.settings_updated",
    targetType: "AiSettings",
    targetId: orgId,
    data: { provider: input.provider, model: input.model ?? null, keyChanged },
  });
  return getAiSettings(tx, orgId);
}

/** A tiny real call through the configured provider; the provider's own error is reported, never thrown. */
export async function testConnection(config: ProviderConfig): Promise<TestConnectionResponse> {
  const started = performance.now();
  let modelId = config.model ?? "";
  let provider: string = config.provider;
  try {
    const model = resolveModel(config);
    modelId = model.modelId;
    provider = model.provider;
    const result = await classify(
      { model },
      {
        kind: "classify",
        task: "connection.test",
        labels: ["yes", "no"],
        text: "Is this a connection test? Answer yes.",
      },
    );
    const latencyMs = Math.round(performance.now() - started);
    const base = { provider, modelId, latencyMs };
    if (result.status === "ok")
      return { ...base, ok: true, outcome: "connected", message: `Connected: ${modelId} answered in ${latencyMs} ms.` };
    if (result.reason === "provider_error")
      return { ...base, ok: false, outcome: "provider_error", message: `Connection failed: ${result.detail}` };
    return {
      ...base,
      ok: false,
      outcome: "invalid_answer",
      message: `The provider answered but not usefully: ${result.detail}`,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      outcome: "provider_error",
      provider,
      modelId,
      latencyMs: Math.round(performance.now() - started),
      message: `Connection failed: ${message.slice(0, 300)}`,
    };
  }
}

/** A reviewer's correction becomes an example the organisation's embedded model learns from. */
export async function addExample(tx: Tx, options: { orgId: string; actor: AuditActor; input: AddExampleRequest }) {
  const def = taskDef(options.input.task);
  if (def.kind === "classify" && (options.input.label === null || !def.labels.includes(options.input.label))) {
    throw new AppError("BAD_REQUEST", `Label must be one of: ${def.labels.join(", ")}.`);
  }
  if (def.kind === "extract") {
    const parsed = def.fields.partial().safeParse(options.input.fields ?? {});
    if (!parsed.success || !options.input.fields)
      throw new AppError("BAD_REQUEST", "Those fields do not match the task's field list.");
  }
  const example = await tx.aiExample.create({
    data: {
      orgId: options.orgId,
      task: def.name,
      text: options.input.text,
      label: options.input.label,
      fields: (options.input.fields ?? undefined) as Prisma.InputJsonValue | undefined,
      createdById: options.actor.id,
    },
  });
  await appendAudit(tx, {
    orgId: options.orgId,
    actor: options.actor,
    action: "ai.example_added",
    targetType: "AiExample",
    targetId: example.id,
    data: { task: def.name, label: options.input.label },
  });
  return { id: example.id };
}
