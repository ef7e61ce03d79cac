import { appendAudit } from "../audit/append-audit";
import type { Tx } from "../db/tenancy";

export type BudgetPeriod = "day" | "month";

/** The current period's key and start, in UTC: "2026-11-21" / "2026-11". */
export function periodOf(period: BudgetPeriod, now: Date): { key: string; start: Date } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  if (period === "day") {
    return { key: now.toISOString().slice(0, 10), start: new Date(Date.UTC(y, m, now.getUTCDate())) };
  }
  return { key: now.toISOString().slice(0, 7), start: new Date(Date.UTC(y, m, 1)) };
}

export type BudgetCheck =
  | { ok: true }
  | { ok: false; budgetId: string; scope: "organization" | "workflow"; period: BudgetPeriod; detail: string };

/**
 * Would this call (estimated tokens and cost) push any budget that applies — the organisation's
 * or the workflow's, per day or per month — past its cap? Checked before the call is made.
 */
export async function checkBudgets(
  tx: Tx,
  options: { orgId: string; workflowId?: string | null; estimatedTokens: number; estimatedCostUsd: number; now: Date },
): Promise<BudgetCheck> {
  const budgets = await tx.aiBudget.findMany({
    where: {
      orgId: options.orgId,
      OR: [{ workflowId: null }, ...(options.workflowId ? [{ workflowId: options.workflowId }] : [])],
    },
    orderBy: [{ workflowId: "asc" }, { period: "asc" }],
  });
  for (const budget of budgets) {
    const { start } = periodOf(budget.period, options.now);
    const used = await tx.aiUsage.aggregate({
      where: {
        orgId: options.orgId,
        createdAt: { gte: start },
        ...(budget.workflowId ? { workflowId: budget.workflowId } : {}),
      },
      _sum: { inputTokens: true, outputTokens: true, costUsd: true },
    });
    const tokens = (used._sum.inputTokens ?? 0) + (used._sum.outputTokens ?? 0);
    const cost = Number(used._sum.costUsd ?? 0);
    const scope = budget.workflowId ? "workflow" : "organization";
    if (budget.maxTokens !== null && tokens + options.estimatedTokens > budget.maxTokens) {
      return {
        ok: false,
        budgetId: budget.id,
        scope,
        period: budget.period,
        detail: `${scope} ${budget.period} token budget (${tokens}/${budget.maxTokens} used)`,
      };
    }
    if (budget.maxCostUsd !== null && cost + options.estimatedCostUsd > Number(budget.maxCostUsd)) {
      return {
        ok: false,
        budgetId: budget.id,
        scope,
        period: budget.period,
        detail: `${scope} ${budget.period} spend budget ($${cost.toFixed(4)}/$${Number(budget.maxCostUsd).toFixed(2)} used)`,
      };
    }
  }
  return { ok: true };
}

/** Alerts the owners once per budget per period: the audit entry is the alert (the owner's feed reads it). */
export async function alertBudgetOnce(
  tx: Tx,
  options: { orgId: string; budgetId: string; scope: string; period: BudgetPeriod; task: string; now: Date },
): Promise<boolean> {
  const { key } = periodOf(options.period, options.now);
  const claimed = await tx.aiBudget.updateMany({
    where: { id: options.budgetId, OR: [{ alertedPeriod: null }, { alertedPeriod: { not: key } }] },
    data: { alertedPeriod: key },
  });
  if (claimed.count === 0) return false;
  await appendAudit(tx, {
    orgId: options.orgId,
    actor: { type: "system", id: null, label: "ai-budget" },
    action: "ai.budget_exceeded",
    outcome: "denied",
    targetType: "AiBudget",
    targetId: options.budgetId,
    data: { scope: options.scope, period: key, task: options.task },
  });
  return true;
}
