import { z } from "zod";
import type { Prisma } from "../db/generated/client";
import { appendAudit } from "../audit/append-audit";
import { withScope, type Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { acceptIntakeItem } from "../intake/accept-item";
import { templateFor } from "../templates";
import { loadRecords } from "../templates/load-records";
import type { WorkflowActor } from "./workflow-service";

const json = (v: unknown) => v as Prisma.InputJsonObject;

/** The wizard's settings, parsed by the template's schema; problems come back as one readable message. */
function parseSettings(templateKey: string, raw: unknown) {
  const template = templateFor(templateKey);
  const parsed = template.settingsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join(" › ")})` : "";
    throw new AppError("BAD_REQUEST", `The settings are invalid${where}: ${issue?.message ?? "invalid"}.`);
  }
  return { template, settings: template.parseSettings(raw) };
}

/**
 * Installs a template: the workflow (in shadow mode, so it executes nothing), its first version
 * published with the template's policy, prompts and the wizard's settings, and the records the
 * settings describe (owners, territories, queues, agents). The first version is the template's
 * reviewed defaults filled with the creator's settings; leaving shadow mode (suggest or auto)
 * needs `workflow.publish`, and later versions follow the two-person publishing rule.
 */
export async function createWorkflowFromTemplate(
  ctx: WorkflowActor,
  input: { templateKey: string; name?: string; settings?: unknown },
): Promise<{ workflowId: string; versionId: string; setupRecords: number }> {
  const { template, settings } = parseSettings(input.templateKey, input.settings);
  const name = input.name?.trim() || template.name;
  return withScope({ orgId: ctx.orgId, userId: ctx.userId }, async (tx) => {
    const workflow = await tx.workflow.create({
      data: { orgId: ctx.orgId, name, templateKey: template.key, mode: "shadow" },
    });
    const now = new Date();
    const version = await tx.workflowVersion.create({
      data: {
        orgId: ctx.orgId,
        workflowId: workflow.id,
        number: 1,
        status: "published",
        policy: json(template.policy(settings)),
        prompts: json(template.prompts),
        settings: json(settings),
        authorId: ctx.userId,
        publishedById: ctx.userId,
        publishedAt: now,
      },
    });
    const setup = await loadRecords(tx, {
      orgId: ctx.orgId,
      records: template.setupRecords(settings),
      actor: { type: "system", id: null },
    });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "workflow.created",
      targetType: "workflow",
      targetId: workflow.id,
      data: { name, templateKey: template.key },
    });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "workflow.version_published",
      targetType: "workflow",
      targetId: workflow.id,
      data: { number: 1, authorId: ctx.userId },
    });
    return { workflowId: workflow.id, versionId: version.id, setupRecords: setup.created };
  });
}

async function liveTemplateWorkflow(tx: Tx, orgId: string, workflowId: string) {
  const workflow = await tx.workflow.findFirst({
    where: { id: workflowId, orgId },
    include: { versions: { where: { status: "published" }, take: 1 } },
  });
  if (!workflow) throw new AppError("NOT_FOUND", "That workflow was not found.");
  const version = workflow.versions[0];
  if (!version) throw new AppError("PRECONDITION_FAILED", "The workflow has no published version.");
  return { workflow, template: templateFor(workflow.templateKey), settings: version.settings };
}

export const DEFAULT_SAMPLE_SEED = 20261122;

/**
 * Loads the template's sample data (realistic, from a seeded faker) into the organisation's
 * systems of record. Idempotent: records are matched on their external id, so a second load
 * creates nothing.
 */
export async function loadSampleData(
  ctx: WorkflowActor,
  input: { workflowId: string; seed?: number },
): Promise<{ created: number; existing: number }> {
  return withScope({ orgId: ctx.orgId, userId: ctx.userId }, async (tx) => {
    const { template, settings } = await liveTemplateWorkflow(tx, ctx.orgId, input.workflowId);
    const seed = input.seed ?? DEFAULT_SAMPLE_SEED;
    const { created, existing } = await loadRecords(tx, {
      orgId: ctx.orgId,
      records: [...template.setupRecords(settings), ...template.sampleData({ seed, settings })],
      actor: { type: "system", id: null },
    });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "sample_data.loaded",
      targetType: "workflow",
      targetId: input.workflowId,
      data: { templateKey: template.key, created, existing },
    });
    return { created, existing };
  });
}

export const ZSendSampleItemRequest = z.object({
  workflowId: z.string().min(1).max(64),
  index: z.number().int().min(0).max(20).default(0),
  seed: z.number().int().optional(),
});

/**
 * Sends one of the template's sample items through intake, as if it had arrived, so a run
 * happens (in shadow mode: computed, recorded, nothing executed). Sending the same item again
 * starts no second run.
 */
export async function sendSampleItem(
  ctx: WorkflowActor,
  input: z.input<typeof ZSendSampleItemRequest>,
): Promise<{ intakeItemId: string; duplicate: boolean; delivered: boolean; sourceId: string }> {
  const { workflowId } = input;
  const { template, settings } = await withScope({ orgId: ctx.orgId, userId: ctx.userId }, (tx) =>
    liveTemplateWorkflow(tx, ctx.orgId, workflowId),
  );
  const items = template.sampleItems({ seed: input.seed ?? DEFAULT_SAMPLE_SEED, settings });
  const item = items[input.index ?? 0];
  if (!item) throw new AppError("BAD_REQUEST", `${template.name} has ${items.length} sample items.`);
  const result = await acceptIntakeItem({
    orgId: ctx.orgId,
    workflowId,
    channel: "api",
    kind: item.kind,
    payload: item.payload,
    sourceId: item.sourceId,
    actor: ctx.actor,
    requesterId: ctx.userId,
  });
  return {
    intakeItemId: result.itemId,
    duplicate: result.duplicate,
    delivered: result.status === "sent",
    sourceId: item.sourceId,
  };
}
