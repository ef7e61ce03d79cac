import type { z } from "zod";
import type { Prisma } from "../db/generated/client";
import { appendAudit } from "../audit/append-audit";
import type { AuditActor } from "../audit/audit.schemas";
import { withScope, type Tx } from "../db/tenancy";
import { AppError } from "../errors";
import type { VersionPolicy } from "../governance/policy-store";
import type { WorkflowMode } from "../db/generated/client";
import { can, type Role } from "../auth/permissions";
import { sendAfterCommit } from "./send-events";
import type { ZCreateWorkflowRequest } from "./workflow.schemas";

export type WorkflowActor = { orgId: string; userId: string; actor: AuditActor; role?: Role };

/** Modes in which the workflow acts on the systems of record: going there is publishing it. */
const LIVE_MODES: readonly WorkflowMode[] = ["suggest", "auto"];

export async function listWorkflows(tx: Tx, orgId: string) {
  return tx.workflow.findMany({
    where: { orgId },
    include: {
      versions: {
        select: { id: true, number: true, status: true, authorId: true, publishedAt: true },
        orderBy: { number: "desc" },
      },
    },
    orderBy: { createdAt: "asc" },
  });
}

export async function createWorkflow(ctx: WorkflowActor, input: z.infer<typeof ZCreateWorkflowRequest>) {
  return withScope({ orgId: ctx.orgId, userId: ctx.userId }, async (tx) => {
    const workflow = await tx.workflow.create({
      data: { orgId: ctx.orgId, name: input.name, templateKey: input.templateKey },
    });
    const version = await tx.workflowVersion.create({
      data: { orgId: ctx.orgId, workflowId: workflow.id, number: 1, policy: input.policy, authorId: ctx.userId },
    });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "workflow.created",
      targetType: "workflow",
      targetId: workflow.id,
      data: { name: input.name, templateKey: input.templateKey },
    });
    return { workflowId: workflow.id, versionId: version.id };
  });
}

export async function createVersion(ctx: WorkflowActor, workflowId: string, policy: VersionPolicy) {
  return withScope({ orgId: ctx.orgId, userId: ctx.userId }, async (tx) => {
    const workflow = await tx.workflow.findFirst({ where: { id: workflowId, orgId: ctx.orgId } });
    if (!workflow) throw new AppError("NOT_FOUND", "That workflow was not found.");
    const last = await tx.workflowVersion.findFirst({ where: { workflowId }, orderBy: { number: "desc" } });
    const number = (last?.number ?? 0) + 1;
    const version = await tx.workflowVersion.create({
      data: { orgId: ctx.orgId, workflowId, number, policy: policy, authorId: ctx.userId },
    });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "workflow.version_created",
      targetType: "workflow",
      targetId: workflowId,
      data: { number },
    });
    return { versionId: version.id, number };
  });
}

/** Separation of duties: whoever wrote a version cannot publish it. */
export async function publishVersion(ctx: WorkflowActor, versionId: string) {
  return withScope({ orgId: ctx.orgId, userId: ctx.userId }, async (tx) => {
    const version = await tx.workflowVersion.findFirst({ where: { id: versionId, orgId: ctx.orgId } });
    if (!version) throw new AppError("NOT_FOUND", "That version was not found.");
    if (version.authorId === ctx.userId)
      throw new AppError("FORBIDDEN", "A second person must publish a version you wrote.");
    if (version.status !== "draft") throw new AppError("CONFLICT", `That version is already ${version.status}.`);
    await tx.workflowVersion.updateMany({
      where: { workflowId: version.workflowId, status: "published" },
      data: { status: "archived" },
    });
    await tx.workflowVersion.update({
      where: { id: versionId },
      data: { status: "published", publishedAt: new Date(), publishedById: ctx.userId },
    });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "workflow.version_published",
      targetType: "workflow",
      targetId: version.workflowId,
      data: { number: version.number, authorId: version.authorId },
    });
    return { versionId, number: version.number };
  });
}

/**
 * Switches a workflow off, to shadow, suggest or auto. Suggest and auto act on the systems of
 * record, so they need `workflow.publish` (checked when the caller's role is known).
 */
export async function setWorkflowMode(ctx: WorkflowActor, workflowId: string, mode: WorkflowMode) {
  if (ctx.role && LIVE_MODES.includes(mode) && !can(ctx.role, "workflow.publish")) {
    throw new AppError("FORBIDDEN", `Switching to ${mode} mode needs the permission to publish workflows.`);
  }
  return withScope({ orgId: ctx.orgId, userId: ctx.userId }, async (tx) => {
    const workflow = await tx.workflow.findFirst({ where: { id: workflowId, orgId: ctx.orgId } });
    if (!workflow) throw new AppError("NOT_FOUND", "That workflow was not found.");
    if (workflow.mode === mode) return { workflowId, mode };
    await tx.workflow.update({ where: { id: workflowId }, data: { mode } });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "workflow.mode_changed",
      targetType: "workflow",
      targetId: workflowId,
      data: { from: workflow.mode, to: mode },
    });
    return { workflowId, mode };
  });
}

/**
 * The kill switch, for one workflow or (no workflowId) the whole organisation: marks it paused,
 * cancels pending approvals and unfinished runs, and sends the event whose `cancelOn` stops
 * running, sleeping and waiting functions. Triggers arriving meanwhile are held for replay.
 */
export async function pauseAutomation(ctx: WorkflowActor, workflowId?: string) {
  const scope = workflowId ? "workflow" : "organization";
  await withScope({ orgId: ctx.orgId, userId: ctx.userId }, async (tx) => {
    const now = new Date();
    if (workflowId) {
      const updated = await tx.workflow.updateMany({
        where: { id: workflowId, orgId: ctx.orgId },
        data: { pausedAt: now },
      });
      if (updated.count === 0) throw new AppError("NOT_FOUND", "That workflow was not found.");
    } else {
      await tx.organization.update({ where: { id: ctx.orgId }, data: { automationPausedAt: now } });
    }
    const runs = await tx.run.findMany({
      where: { orgId: ctx.orgId, status: { in: ["running", "waiting"] }, ...(workflowId ? { workflowId } : {}) },
      select: { id: true },
    });
    const runIds = runs.map((r) => r.id);
    await tx.approvalRequest.updateMany({
      where: { status: "pending", action: { runId: { in: runIds } } },
      data: { status: "cancelled" },
    });
    await tx.action.updateMany({
      where: { runId: { in: runIds }, status: { in: ["pending_approval", "approved", "proposed"] } },
      data: { status: "cancelled" },
    });
    await tx.run.updateMany({ where: { id: { in: runIds } }, data: { status: "cancelled", finishedAt: now } });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "workflow.paused",
      targetType: scope,
      targetId: workflowId ?? ctx.orgId,
      data: { scope },
    });
  });
  await sendAfterCommit([
    workflowId
      ? { name: "workflow/paused", data: { orgId: ctx.orgId, workflowId } }
      : { name: "org/automation.paused", data: { orgId: ctx.orgId } },
  ]);
}

export async function resumeAutomation(ctx: WorkflowActor, workflowId?: string) {
  const scope = workflowId ? "workflow" : "organization";
  const held = await withScope({ orgId: ctx.orgId, userId: ctx.userId }, async (tx) => {
    if (workflowId) {
      const updated = await tx.workflow.updateMany({
        where: { id: workflowId, orgId: ctx.orgId },
        data: { pausedAt: null },
      });
      if (updated.count === 0) throw new AppError("NOT_FOUND", "That workflow was not found.");
    } else {
      await tx.organization.update({ where: { id: ctx.orgId }, data: { automationPausedAt: null } });
    }
    const rows = await tx.heldTrigger.findMany({
      where: { orgId: ctx.orgId, replayedAt: null, ...(workflowId ? { workflowId } : {}) },
      orderBy: { createdAt: "asc" },
    });
    await tx.heldTrigger.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { replayedAt: new Date() } });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "workflow.resumed",
      targetType: scope,
      targetId: workflowId ?? ctx.orgId,
      data: { scope, replayed: rows.length },
    });
    return rows.map((r) => r.event as { name: string; data: Record<string, unknown> });
  });
  await sendAfterCommit(held);
  return { replayed: held.length };
}

/** Keeps a trigger that arrived while paused, so resuming replays it. */
export async function holdTrigger(
  orgId: string,
  workflowId: string,
  event: { name: string; data: Record<string, unknown> },
) {
  await withScope({ orgId }, (tx) =>
    tx.heldTrigger.create({ data: { orgId, workflowId, event: event as Prisma.InputJsonObject } }),
  );
}
