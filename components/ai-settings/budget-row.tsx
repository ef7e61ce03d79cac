"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { BudgetOverview, BudgetView } from "@/server/ai/ai.schemas";
import { BudgetForm } from "./budget-form";
import { formatTokens, formatUsd, PERIOD_LABELS } from "./format-usage";
import { UsageMeter } from "./usage-meter";

function scopeLabel(budget: BudgetView): string {
  if (!budget.workflowId) return "Whole organisation";
  return budget.workflowName ? `Workflow: ${budget.workflowName}` : "A deleted workflow";
}

export function BudgetRow({ budget, overview }: { budget: BudgetView; overview: BudgetOverview }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"view" | "edit" | "confirm-remove">("view");
  const remove = useMutation(
    trpc.ai.removeBudget.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.ai.budgets.queryFilter()),
    }),
  );
  const over =
    (budget.maxTokens !== null && budget.used.tokens >= budget.maxTokens) ||
    (budget.maxCostUsd !== null && budget.used.costUsd >= budget.maxCostUsd);

  return (
    <li className="space-y-3 py-4" data-testid="ai-budget" data-budget-id={budget.id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium text-slate-900" data-testid="ai-budget-scope">
            {scopeLabel(budget)} <span className="font-normal text-slate-500">{PERIOD_LABELS[budget.period]}</span>
          </p>
          {over ? (
            <p className="text-sm text-red-700" data-testid="ai-budget-over">
              Reached: further AI calls in this scope go to human review until the period ends.
            </p>
          ) : null}
        </div>
        {mode === "view" ? (
          <div className="flex gap-2">
            <Button size="sm" variant="secondary" onClick={() => setMode("edit")} data-testid="ai-budget-edit">
              Edit
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setMode("confirm-remove")} data-testid="ai-budget-remove">
              Remove
            </Button>
          </div>
        ) : null}
      </div>
      {mode === "edit" ? (
        <BudgetForm
          overview={overview}
          editing
          idPrefix={`ai-budget-${budget.id}`}
          initial={{
            workflowId: budget.workflowId ?? "",
            period: budget.period,
            maxTokens: budget.maxTokens === null ? "" : String(budget.maxTokens),
            maxCostUsd: budget.maxCostUsd === null ? "" : String(budget.maxCostUsd),
          }}
          onDone={() => setMode("view")}
        />
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          {budget.maxTokens !== null ? (
            <UsageMeter
              label="Tokens"
              used={budget.used.tokens}
              cap={budget.maxTokens}
              format={formatTokens}
              testId="ai-budget-tokens"
            />
          ) : null}
          {budget.maxCostUsd !== null ? (
            <UsageMeter
              label="Spend"
              used={budget.used.costUsd}
              cap={budget.maxCostUsd}
              format={formatUsd}
              testId="ai-budget-cost"
            />
          ) : null}
        </div>
      )}
      {mode === "confirm-remove" ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md bg-slate-50 p-3">
          <p className="text-sm text-slate-700">
            Remove this budget? Calls in its scope will no longer be capped by it.
          </p>
          <Button
            size="sm"
            variant="danger"
            loading={remove.isPending}
            onClick={() => remove.mutate({ id: budget.id })}
            data-testid="ai-budget-remove-confirm"
          >
            Remove budget
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode("view")}>
            Keep it
          </Button>
        </div>
      ) : null}
      {remove.error ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
    </li>
  );
}
