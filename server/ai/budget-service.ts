import type { AuditActor } from "../audit/audit.schemas";
import { appendAudit } from "../audit/append-audit";
import type { Tx } from "../db/tenancy";
import { AppError } from "../errors";
import type { BudgetOverview, SetBudgetRequest, Usage } from "./ai.schemas";
import { periodOf } from "./budgets";

type UsageRow = {
  workflowId: string | null;
  _sum: { inputTokens: number | null; outputTokens: number | null; costUsd: unknown };
};

const ZERO: Usage = { tokens: 0, costUsd: 0 };
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

function usageOf(rows: UsageRow[], workflowId?: string): Usage {
  return rows
    .filter((r) => workflowId === undefined || r.workflowId === workflowId)
    .reduce<Usage>(
      (sum, r) => ({
        tokens: sum.tokens + (r._sum.inputTokens ?? 0) + (r._sum.outputTokens ?? 0),
        costUsd: round6(sum.costUsd + Number(r._sum.costUsd ?? 0)),
      }),
      ZERO,
    );
}

async function spendSince(tx: Tx, orgId: string, start: Date): Promise<UsageRow[]> {
  const rows = await tx.aiUsage.groupBy({
    by: ["workflowId"],
    where: { orgId, createdAt: { gte: start } },
    _sum: { inputTokens: true, outputTokens: true, costUsd: true },
  });
  return rows;
}

/**
 * Every budget with what its scope has spent in the current period (the same UTC day and month
 * the budget check uses), the organisation's totals, and the workflows a budget can name.
 */
export async function budgetOverview(tx: Tx, orgId: string, now = new Date()): Promise<BudgetOverview> {
  // One transaction, one connection: sequential queries.
  const budgets = await tx.aiBudget.findMany({ where: { orgId }, orderBy: [{ createdAt: "asc" }] });
  const workflows = await tx.workflow.findMany({
    where: { orgId },
    select: { id: true, name: true },
    orderBy: { createdAt: "asc" },
  });
  const day = await spendSince(tx, orgId, periodOf("day", now).start);
  const month = await spendSince(tx, orgId, periodOf("month", now).start);
  const names = new Map(workflows.map((w) => [w.id, w.name]));
  return {
    budgets: budgets
      .map((b) => ({
        id: b.id,
        workflowId: b.workflowId,
        workflowName: b.workflowId ? (names.get(b.workflowId) ?? null) : null,
        period: b.period,
        maxTokens: b.maxTokens,
        maxCostUsd: b.maxCostUsd === null ? null : Number(b.maxCostUsd),
        used: usageOf(b.period === "day" ? day : month, b.workflowId ?? undefined),
      }))
      // The organisation's own budgets first, then per workflow; day before month.
      .sort(
        (a, b) => Number(a.workflowId !== null) - Number(b.workflowId !== null) || a.period.localeCompare(b.period),
      ),
    usage: { day: usageOf(day), month: usageOf(month) },
    workflows,
  };
}

/** Creates or replaces the cap for one scope (organisation or workflow) and period. */
export async function setBudget(
  tx: Tx,
  options: { orgId: string; actor: AuditActor; input: SetBudgetRequest },
): Promise<{ id: string }> {
  const { orgId, input } = options;
  if (input.workflowId) {
    const workflow = await tx.workflow.findFirst({ where: { id: input.workflowId, orgId }, select: { id: true } });
    if (!workflow) throw new AppError("NOT_FOUND", "That workflow was not found.");
  }
  const existing = await tx.aiBudget.findFirst({
    where: { orgId, workflowId: input.workflowId, period: input.period },
  });
  const data = { maxTokens: input.maxTokens, maxCostUsd: input.maxCostUsd };
  const row = existing
    ? await tx.aiBudget.update({ where: { id: existing.id }, data })
    : await tx.aiBudget.create({ data: { orgId, workflowId: input.workflowId, period: input.period, ...data } });
  await appendAudit(tx, {
    orgId,
    actor: options.actor,
    action: "ai.budget_set",
    targetType: "AiBudget",
    targetId: row.id,
    data: {
      workflowId: input.workflowId,
      period: input.period,
      maxTokens: input.maxTokens,
      maxCostUsd: input.maxCostUsd,
    },
  });
  return { id: row.id };
}

/** Removes a cap: calls in its scope are then limited only by the budgets that remain. */
export async function removeBudget(tx: Tx, options: { orgId: string; actor: AuditActor; id: string }): Promise<void> {
  const budget = await tx.aiBudget.findFirst({ where: { id: options.id, orgId: options.orgId } });
  if (!budget) throw new AppError("NOT_FOUND", "That budget was not found.");
  await tx.aiBudget.delete({ where: { id: budget.id } });
  await appendAudit(tx, {
    orgId: options.orgId,
    actor: options.actor,
    action: "ai.budget_removed",
    targetType: "AiBudget",
    targetId: budget.id,
    data: { workflowId: budget.workflowId, period: budget.period },
  });
}
