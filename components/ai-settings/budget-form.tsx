"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage, fieldErrors } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { BUDGET_PERIODS, ZSetBudgetRequest, type BudgetOverview } from "@/server/ai/ai.schemas";
import { formIssues, NO_ISSUES, type FormIssues } from "./form-issues";
import { PERIOD_LABELS } from "./format-usage";

type Period = (typeof BUDGET_PERIODS)[number];
export type BudgetDraft = { workflowId: string; period: Period; maxTokens: string; maxCostUsd: string };

export const EMPTY_BUDGET: BudgetDraft = { workflowId: "", period: "day", maxTokens: "", maxCostUsd: "" };

/** "" is no cap; separators people type ("10,000", "$5") are allowed; anything else is left for zod to refuse. */
function amount(text: string): number | null {
  const cleaned = text.replace(/[\s,_$]/g, "");
  return cleaned === "" ? null : Number(cleaned);
}

/**
 * Sets the cap for one scope (the organisation or a workflow) and period; saving a scope and period
 * that already has a cap replaces it. Editing keeps scope and period fixed.
 */
export function BudgetForm({
  overview,
  initial = EMPTY_BUDGET,
  editing = false,
  idPrefix,
  onDone,
}: {
  overview: BudgetOverview;
  initial?: BudgetDraft;
  editing?: boolean;
  idPrefix: string;
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<BudgetDraft>(initial);
  const [issues, setIssues] = useState<FormIssues>(NO_ISSUES);
  const save = useMutation(
    trpc.ai.setBudget.mutationOptions({
      onSuccess: async () => {
        // A new budget's form is cleared at once; an edited one closes when the list shows its new caps.
        if (!editing) setDraft(EMPTY_BUDGET);
        await queryClient.invalidateQueries(trpc.ai.budgets.queryFilter());
        onDone?.();
      },
    }),
  );
  const update = (patch: Partial<BudgetDraft>) => {
    save.reset();
    setIssues(NO_ISSUES);
    setDraft((d) => ({ ...d, ...patch }));
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZSetBudgetRequest.safeParse({
      workflowId: draft.workflowId || null,
      period: draft.period,
      maxTokens: amount(draft.maxTokens),
      maxCostUsd: amount(draft.maxCostUsd),
    });
    if (!parsed.success) return setIssues(formIssues(parsed.error));
    save.mutate(parsed.data);
  }

  const replaces =
    !editing && overview.budgets.some((b) => (b.workflowId ?? "") === draft.workflowId && b.period === draft.period);
  const errors = { ...fieldErrors(save.error), ...issues.fields };
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form onSubmit={submit} noValidate data-testid={id("form")}>
      {/* Nothing can be edited while a save is on its way, so what is saved is what is shown. */}
      <fieldset disabled={save.isPending} className="space-y-4">
        {editing ? null : (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={id("scope")} label="Applies to">
              <Select
                value={draft.workflowId}
                onChange={(e) => update({ workflowId: e.target.value })}
                data-testid={id("scope")}
              >
                <option value="">The whole organisation</option>
                {overview.workflows.map((w) => (
                  <option key={w.id} value={w.id}>
                    Workflow: {w.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id={id("period")} label="Period (UTC)">
              <Select
                value={draft.period}
                onChange={(e) => update({ period: e.target.value as Period })}
                data-testid={id("period")}
              >
                {BUDGET_PERIODS.map((p) => (
                  <option key={p} value={p}>
                    {PERIOD_LABELS[p]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id={id("tokens")}
            label="Token cap"
            hint="Input and output tokens. Empty: no token cap."
            error={errors.maxTokens}
          >
            <Input
              inputMode="numeric"
              autoComplete="off"
              placeholder="e.g. 200000"
              value={draft.maxTokens}
              onChange={(e) => update({ maxTokens: e.target.value })}
              data-testid={id("tokens")}
            />
          </Field>
          <Field id={id("cost")} label="Spend cap (US$)" hint="Empty: no spend cap." error={errors.maxCostUsd}>
            <Input
              inputMode="decimal"
              autoComplete="off"
              placeholder="e.g. 25"
              value={draft.maxCostUsd}
              onChange={(e) => update({ maxCostUsd: e.target.value })}
              data-testid={id("cost")}
            />
          </Field>
        </div>
        {issues.form ? (
          <Alert tone="error" data-testid={id("form-error")}>
            {issues.form}
          </Alert>
        ) : save.error && !errors.maxTokens && !errors.maxCostUsd ? (
          <Alert tone="error" data-testid={id("form-error")}>
            {errorMessage(save.error)}
          </Alert>
        ) : null}
        {replaces ? (
          <p className="text-sm text-amber-800" data-testid={id("replaces")}>
            This scope already has a cap {PERIOD_LABELS[draft.period]}: saving replaces it.
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={save.isPending} data-testid={id("save")}>
            {editing ? "Save budget" : "Add budget"}
          </Button>
          {onDone && editing ? (
            <Button variant="ghost" onClick={onDone} data-testid={id("cancel")}>
              Cancel
            </Button>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
