"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { can } from "@/server/auth/permissions";
import { MODE_HELP, MODE_LABELS, MODES, type Mode } from "./labels";

/** Off · shadow · suggest · auto, each switch confirmed first. Suggest and auto need `workflow.publish`. */
export function ModeSwitch({ workflowId, mode }: { workflowId: string; mode: Mode }) {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<Mode | null>(null);
  const setMode = useMutation(
    trpc.workflow.setMode.mutationOptions({
      onSuccess: () => setTarget(null),
      onSettled: () => queryClient.invalidateQueries(trpc.workflow.pathFilter()),
    }),
  );
  const canEdit = can(org.role, "workflow.edit");
  const allowed = (m: Mode) => canEdit && (m === "off" || m === "shadow" || can(org.role, "workflow.publish"));

  return (
    <div className="space-y-3" data-testid="mode-switch">
      <div role="radiogroup" aria-label="Mode" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {MODES.map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={m === mode}
            disabled={!allowed(m) || m === mode || setMode.isPending}
            onClick={() => setTarget(m)}
            data-testid={`mode-${m}`}
            className={
              m === mode
                ? "rounded-md border-2 border-brand-600 bg-brand-50 px-3 py-2 text-sm font-semibold text-brand-800"
                : "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400"
            }
          >
            {MODE_LABELS[m]}
          </button>
        ))}
      </div>
      <p className="text-sm text-slate-600">{MODE_HELP[mode]}</p>
      {!canEdit ? <p className="text-xs text-slate-500">Your role cannot change the mode.</p> : null}
      {canEdit && !can(org.role, "workflow.publish") ? (
        <p className="text-xs text-slate-500">
          Suggest and auto act on your records: an owner or admin switches to them.
        </p>
      ) : null}
      {target ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="mode-confirm">
          <p className="text-sm font-medium text-slate-900">Switch to {MODE_LABELS[target]}?</p>
          <p className="mt-1 text-sm text-slate-700">{MODE_HELP[target]}</p>
          <div className="mt-3 flex gap-2">
            <Button
              onClick={() => setMode.mutate({ workflowId, mode: target })}
              loading={setMode.isPending}
              data-testid="mode-confirm-submit"
            >
              Switch to {MODE_LABELS[target]}
            </Button>
            <Button variant="secondary" onClick={() => setTarget(null)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
      {setMode.error ? (
        <Alert tone="error" data-testid="mode-error">
          {errorMessage(setMode.error)}
        </Alert>
      ) : null}
    </div>
  );
}
