"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/components/lib/format";
import { errorCode, errorMessage } from "@/components/lib/trpc-errors";
import { orgPath, useOrg } from "@/components/shell/org-context";
import { RequirePermission } from "@/components/shell/require-permission";
import { useTRPC } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { ActionItem } from "./action-item";
import { RUN_STATUS_TONES, showValue } from "./labels";

export function RunDetail({ workflowId, runId }: { workflowId: string; runId: string }) {
  return (
    <RequirePermission permission="run.read" area="runs">
      <RunDetailView workflowId={workflowId} runId={runId} />
    </RequirePermission>
  );
}

function RunDetailView({ workflowId, runId }: { workflowId: string; runId: string }) {
  const org = useOrg();
  const trpc = useTRPC();
  const run = useQuery({
    ...trpc.workflow.run.queryOptions({ runId }),
    refetchInterval: (q) => (q.state.data && ["running", "waiting"].includes(q.state.data.status) ? 2000 : false),
  });
  const back = (
    <Link
      href={orgPath(org.slug, `/workflows/${encodeURIComponent(workflowId)}`)}
      className={buttonClasses("secondary")}
    >
      Back to the workflow
    </Link>
  );
  if (run.isPending) return <LoadingBlock label="Loading the run…" />;
  if (run.isError) {
    return errorCode(run.error) === "NOT_FOUND" ? (
      <ErrorState title="Run not found" action={back} data-testid="run-not-found" />
    ) : (
      <ErrorState title="The run could not be loaded" message={errorMessage(run.error)} action={back} />
    );
  }
  const r = run.data;
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            Run of {r.workflow.name}
            <Badge tone={RUN_STATUS_TONES[r.status] ?? "neutral"} data-testid="run-status">
              {r.status}
            </Badge>
          </span>
        }
        description={`${r.triggerKey} · started ${formatDateTime(r.startedAt)}${r.versionNumber ? ` · version ${r.versionNumber}` : ""}`}
        actions={back}
      />
      {r.error ? <p className="mb-4 text-sm text-red-700">{r.error}</p> : null}
      <div className="grid gap-4 xl:grid-cols-2">
        <Card
          title="Steps"
          description="What the workflow worked out, with the model and prompt version behind each answer."
        >
          {r.steps.length === 0 ? (
            <EmptyState title="No steps recorded yet" />
          ) : (
            <ol className="divide-y divide-slate-100" data-testid="run-steps">
              {r.steps.map((s) => (
                <li key={s.id} className="py-2.5" data-testid="run-step" data-name={s.name}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-sm font-medium text-slate-900">{s.name}</span>
                    {s.error ? <Badge tone="danger">needs review</Badge> : null}
                  </div>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {[
                      s.model ? `model ${s.model}` : null,
                      s.promptVersion ? `prompt ${s.promptVersion}` : null,
                      s.confidence !== null ? `confidence ${Math.round(s.confidence * 100)}%` : null,
                      s.latencyMs !== null ? `${s.latencyMs} ms` : null,
                      s.costUsd ? `$${s.costUsd.toFixed(4)}` : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  {s.error ? <p className="mt-1 text-xs text-red-700">{s.error}</p> : null}
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs text-brand-700">Output</summary>
                    <pre className="mt-1 max-h-60 overflow-auto rounded bg-slate-50 p-2 text-xs break-words whitespace-pre-wrap text-slate-700">
                      {showValue(s.output, 4000)}
                    </pre>
                  </details>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card
          title="Actions"
          description="Each proposed change, the gate's decision and reasons, and what became of it."
        >
          {r.actions.length === 0 ? (
            <EmptyState title="No actions proposed" />
          ) : (
            <ul data-testid="run-actions">
              {r.actions.map((a) => (
                <ActionItem key={a.id} action={a} full />
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
