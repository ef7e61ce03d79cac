import type { Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { listTemplates } from "../templates";

/** The start of today (server time), for "runs today". */
function startOfDay(now: Date): Date {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d;
}

const templateName = (key: string) => listTemplates().find((t) => t.key === key)?.name ?? key;

/** Each workflow with what an operator looks at first: mode, pause, runs today, pending approvals. */
export async function listWorkflowOverview(tx: Tx, orgId: string, now = new Date()) {
  const [workflows, org] = await Promise.all([
    tx.workflow.findMany({
      where: { orgId },
      orderBy: { createdAt: "asc" },
      include: { versions: { where: { status: "published" }, select: { number: true }, take: 1 } },
    }),
    tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { automationPausedAt: true } }),
  ]);
  const ids = workflows.map((w) => w.id);
  const [runsToday, pending, lastRuns] = await Promise.all([
    tx.run.groupBy({
      by: ["workflowId"],
      where: { orgId, workflowId: { in: ids }, startedAt: { gte: startOfDay(now) } },
      _count: { _all: true },
    }),
    tx.approvalRequest.findMany({
      where: { orgId, status: "pending", action: { run: { workflowId: { in: ids } } } },
      select: { action: { select: { run: { select: { workflowId: true } } } } },
    }),
    tx.run.groupBy({ by: ["workflowId"], where: { orgId, workflowId: { in: ids } }, _max: { startedAt: true } }),
  ]);
  const pendingBy = new Map<string, number>();
  for (const p of pending) pendingBy.set(p.action.run.workflowId, (pendingBy.get(p.action.run.workflowId) ?? 0) + 1);
  return {
    orgPaused: org.automationPausedAt !== null,
    workflows: workflows.map((w) => ({
      id: w.id,
      name: w.name,
      templateKey: w.templateKey,
      templateName: templateName(w.templateKey),
      mode: w.mode,
      paused: w.pausedAt !== null,
      liveVersion: w.versions[0]?.number ?? null,
      runsToday: runsToday.find((r) => r.workflowId === w.id)?._count._all ?? 0,
      pendingApprovals: pendingBy.get(w.id) ?? 0,
      lastRunAt: lastRuns.find((r) => r.workflowId === w.id)?._max.startedAt ?? null,
    })),
  };
}

const actionSelect = {
  id: true,
  kind: true,
  recordType: true,
  recordId: true,
  field: true,
  oldValue: true,
  newValue: true,
  finalValue: true,
  reason: true,
  confidence: true,
  risk: true,
  amount: true,
  decision: true,
  decisionReasons: true,
  status: true,
  createdAt: true,
  approval: { select: { id: true, status: true, requiredApprovals: true } },
  execution: { select: { before: true, after: true, executedAt: true, rolledBackAt: true } },
} as const;

type ActionRow = {
  amount: { toString(): string } | null;
  decisionReasons: unknown;
};

function present<T extends ActionRow>(action: T) {
  return {
    ...action,
    amount: action.amount === null ? null : Number(action.amount.toString()),
    decisionReasons: Array.isArray(action.decisionReasons)
      ? (action.decisionReasons as { code: string; message: string; decision: string }[])
      : [],
  };
}

/** One workflow: its live version and its recent runs with each action's decision and outcome. */
export async function getWorkflowDetail(tx: Tx, orgId: string, workflowId: string, limit = 20) {
  const workflow = await tx.workflow.findFirst({
    where: { id: workflowId, orgId },
    include: {
      versions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          status: true,
          publishedAt: true,
          settings: true,
          prompts: true,
          policy: true,
        },
      },
      org: { select: { automationPausedAt: true } },
    },
  });
  if (!workflow) throw new AppError("NOT_FOUND", "That workflow was not found.");
  const runs = await tx.run.findMany({
    where: { orgId, workflowId },
    orderBy: { startedAt: "desc" },
    take: limit,
    select: {
      id: true,
      status: true,
      triggerKey: true,
      entityKey: true,
      startedAt: true,
      finishedAt: true,
      error: true,
      actions: { orderBy: { createdAt: "asc" }, select: actionSelect },
    },
  });
  const live = workflow.versions.find((v) => v.status === "published") ?? null;
  return {
    id: workflow.id,
    name: workflow.name,
    templateKey: workflow.templateKey,
    templateName: templateName(workflow.templateKey),
    mode: workflow.mode,
    paused: workflow.pausedAt !== null,
    orgPaused: workflow.org.automationPausedAt !== null,
    liveVersion: live
      ? {
          id: live.id,
          number: live.number,
          publishedAt: live.publishedAt,
          settings: live.settings,
          prompts: live.prompts,
          policy: live.policy,
        }
      : null,
    versions: workflow.versions.map((v) => ({
      id: v.id,
      number: v.number,
      status: v.status,
      publishedAt: v.publishedAt,
    })),
    runs: runs.map((r) => ({ ...r, actions: r.actions.map(present) })),
  };
}

/** One run: its steps (model, prompt version, confidence, latency) and actions (old/new, decision, outcome). */
export async function getRunDetail(tx: Tx, orgId: string, runId: string) {
  const run = await tx.run.findFirst({
    where: { id: runId, orgId },
    include: {
      workflow: { select: { id: true, name: true, templateKey: true, mode: true } },
      steps: { orderBy: { createdAt: "asc" } },
      actions: { orderBy: { createdAt: "asc" }, select: actionSelect },
    },
  });
  if (!run) throw new AppError("NOT_FOUND", "That run was not found.");
  const version = await tx.workflowVersion.findFirst({ where: { id: run.versionId, orgId }, select: { number: true } });
  return {
    id: run.id,
    status: run.status,
    triggerEvent: run.triggerEvent,
    triggerKey: run.triggerKey,
    entityKey: run.entityKey,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    error: run.error,
    output: run.output,
    versionNumber: version?.number ?? null,
    workflow: run.workflow,
    steps: run.steps.map((s) => ({
      id: s.id,
      name: s.name,
      model: s.model,
      promptVersion: s.promptVersion,
      confidence: s.confidence,
      latencyMs: s.latencyMs,
      tokensIn: s.tokensIn,
      tokensOut: s.tokensOut,
      costUsd: s.costUsd === null ? null : Number(s.costUsd.toString()),
      output: s.output,
      error: s.error,
      createdAt: s.createdAt,
    })),
    actions: run.actions.map(present),
  };
}
