"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingBlock } from "@/components/ui/spinner";
import type { Usage } from "@/server/ai/ai.schemas";
import { BudgetForm } from "./budget-form";
import { BudgetRow } from "./budget-row";
import { formatTokens, formatUsd } from "./format-usage";

function Spent({ label, usage, testId }: { label: string; usage: Usage; testId: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2" data-testid={testId}>
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</p>
      <p className="text-sm font-medium text-slate-900">
        {formatTokens(usage.tokens)} · {formatUsd(usage.costUsd)}
      </p>
    </div>
  );
}

export function BudgetSettings() {
  const trpc = useTRPC();
  const overview = useQuery(trpc.ai.budgets.queryOptions());
  return (
    <Card
      title="Budgets"
      description="Caps on tokens and money for the organisation and for each workflow. A call that would pass a cap is not made: the item goes to human review and owners are alerted once."
      data-testid="ai-budgets-card"
    >
      {overview.isPending ? (
        <LoadingBlock label="Loading budgets…" testId="ai-budgets-loading" />
      ) : overview.isError ? (
        <Alert tone="error" title="The budgets could not be loaded" data-testid="ai-budgets-error">
          <p>{errorMessage(overview.error)}</p>
          <Button size="sm" variant="secondary" className="mt-2" onClick={() => void overview.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : (
        <div className="space-y-5">
          <div className="grid gap-2 sm:grid-cols-2">
            <Spent label="Spent today (UTC)" usage={overview.data.usage.day} testId="ai-usage-day" />
            <Spent label="Spent this month" usage={overview.data.usage.month} testId="ai-usage-month" />
          </div>
          {overview.data.budgets.length === 0 ? (
            <EmptyState
              title="No budgets yet"
              description="AI calls are not capped. Add a cap below for the whole organisation or one workflow."
              data-testid="ai-budgets-empty"
            />
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="ai-budget-list">
              {overview.data.budgets.map((b) => (
                <BudgetRow key={b.id} budget={b} overview={overview.data} />
              ))}
            </ul>
          )}
          <div className="border-t border-slate-100 pt-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-900">Add a budget</h3>
            <BudgetForm overview={overview.data} idPrefix="ai-budget-new" />
          </div>
        </div>
      )}
    </Card>
  );
}
