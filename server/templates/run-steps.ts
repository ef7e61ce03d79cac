import type { IntakeKind } from "@/inngest/events";
import { withScope } from "../db/tenancy";
import { AppError } from "../errors";
import { INTAKE_PAYLOADS, type IntakePayload } from "../intake/intake-payloads";
import { recordStep } from "../runs/run-service";

/** What the rules steps record as their "model": deterministic tables, versioned like prompts. */
export const RULES_MODEL = "handrail-rules";

/**
 * Loads a run's intake item (validated again with its kind's schema) and the configuration of the
 * version the run executes, and links the item to the run.
 */
export async function loadIntakeItem<K extends IntakeKind>(input: {
  orgId: string;
  runId: string;
  versionId: string;
  intakeItemId: string;
  kind: K;
}) {
  const { orgId, runId, versionId, intakeItemId } = input;
  return withScope({ orgId }, async (tx) => {
    const item = await tx.intakeItem.findFirst({ where: { id: intakeItemId, orgId } });
    if (!item) throw new AppError("NOT_FOUND", "The intake item was not found.");
    const version = await tx.workflowVersion.findFirstOrThrow({
      where: { id: versionId, orgId },
      select: { prompts: true, settings: true, workflow: { select: { mode: true } } },
    });
    if (item.runId !== runId) await tx.intakeItem.update({ where: { id: item.id }, data: { runId } });
    const payload = INTAKE_PAYLOADS[input.kind].parse(item.payload) as IntakePayload<K>;
    return {
      payload,
      channel: item.channel,
      sourceId: item.sourceId,
      prompts: version.prompts,
      settings: version.settings,
      mode: version.workflow.mode,
      today: new Date().toISOString().slice(0, 10),
    };
  });
}

/**
 * A deterministic step of a run (rules, lookups), recorded like an AI step: input digest, output,
 * the rules' version, confidence and latency.
 */
export async function computeStep<T>(args: {
  orgId: string;
  runId: string;
  name: string;
  version: string;
  input: unknown;
  run: () => Promise<T> | T;
  confidence?: (result: T) => number | null;
}): Promise<T> {
  const t0 = Date.now();
  const result = await args.run();
  await recordStep(args.orgId, args.runId, {
    name: args.name,
    input: args.input,
    output: result,
    model: RULES_MODEL,
    promptVersion: args.version,
    confidence: args.confidence?.(result) ?? null,
    latencyMs: Date.now() - t0,
  });
  return result;
}

/** The version a workflow's prompts pin for a key, or the template's default. */
export function pinnedVersion(prompts: unknown, key: string, fallback: string): string {
  const entry = (prompts as Record<string, { version?: unknown }> | null)?.[key];
  return typeof entry?.version === "string" ? entry.version : fallback;
}
