import { createHash } from "node:crypto";
import type { Prisma } from "../db/generated/client";
import { withScope } from "../db/tenancy";

export function digest(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(value ?? null))
    .digest("hex");
}

type StartRun = {
  orgId: string;
  workflowId: string;
  versionId: string;
  triggerEvent: string;
  triggerKey: string;
  entityKey: string | null;
  input: Record<string, unknown>;
};

/** Creates the run for a trigger, or returns the existing one: a repeated trigger starts nothing new. */
export async function startRun(input: StartRun): Promise<{ runId: string; created: boolean }> {
  return withScope({ orgId: input.orgId }, async (tx) => {
    const existing = await tx.run.findUnique({
      where: { workflowId_triggerKey: { workflowId: input.workflowId, triggerKey: input.triggerKey } },
    });
    if (existing) return { runId: existing.id, created: false };
    const run = await tx.run.create({ data: { ...input, input: input.input as Prisma.InputJsonObject } });
    return { runId: run.id, created: true };
  });
}

export type StepRecord = {
  name: string;
  input: unknown;
  output?: unknown;
  confidence?: number | null;
  model?: string | null;
  promptVersion?: string | null;
  tokensIn?: number | null;
  tokensOut?: number | null;
  costUsd?: number | null;
  latencyMs?: number | null;
  error?: string | null;
};

/** Records one step of a run (idempotent on the step name, as durable steps may re-run). */
export async function recordStep(orgId: string, runId: string, step: StepRecord): Promise<void> {
  const { input, output, name, ...rest } = step;
  const data = {
    ...rest,
    inputDigest: digest(input),
    output: (output ?? undefined) as Prisma.InputJsonValue | undefined,
  };
  await withScope({ orgId }, (tx) =>
    tx.runStep.upsert({
      where: { runId_name: { runId, name } },
      create: { orgId, runId, name, ...data },
      update: data,
    }),
  );
}

export async function setRunStatus(
  orgId: string,
  runId: string,
  status: "running" | "waiting" | "completed" | "failed" | "cancelled",
  extra: { output?: unknown; error?: string } = {},
): Promise<void> {
  const finished = status === "completed" || status === "failed" || status === "cancelled";
  await withScope({ orgId }, (tx) =>
    tx.run.update({
      where: { id: runId },
      data: {
        status,
        ...(finished ? { finishedAt: new Date() } : {}),
        ...(extra.output !== undefined ? { output: extra.output as Prisma.InputJsonValue } : {}),
        ...(extra.error ? { error: extra.error.slice(0, 2000) } : {}),
      },
    }),
  );
}
