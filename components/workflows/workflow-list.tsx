"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/components/lib/format";
import { errorMessage } from "@/components/lib/trpc-errors";
import { orgPath, useOrg } from "@/components/shell/org-context";
import { RequirePermission } from "@/components/shell/require-permission";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { can } from "@/server/auth/permissions";
import { MODE_LABELS, MODE_TONES } from "./labels";

export function WorkflowList() {
  return (
    <RequirePermission permission="workflow.read" area="workflows">
      <WorkflowListView />
    </RequirePermission>
  );
}

function WorkflowListView() {
  const org = useOrg();
  const trpc = useTRPC();
  const overview = useQuery(trpc.workflow.overview.queryOptions());
  const newLink = can(org.role, "workflow.edit") ? (
    <Link href={orgPath(org.slug, "/workflows/new")} className={buttonClasses()} data-testid="workflow-new">
      New from template
    </Link>
  ) : null;

  return (
    <>
      <PageHeader
        title="Workflows"
        description="Each workflow is a template installed in your organisation, with its mode, its policy and its runs."
        actions={newLink}
      />
      {overview.isPending ? (
        <LoadingBlock label="Loading workflows…" />
      ) : overview.isError ? (
        <Alert tone="error" data-testid="workflows-error">
          {errorMessage(overview.error)}
        </Alert>
      ) : overview.data.workflows.length === 0 ? (
        <EmptyState
          title="No workflows yet"
          description="Start from a template: lead routing, support triage, AP invoice matching or content distribution. It starts in shadow mode with sample data."
          action={newLink}
          data-testid="workflows-empty"
        />
      ) : (
        <>
          {overview.data.orgPaused ? (
            <Alert tone="warning" data-testid="org-paused">
              All automation in this organisation is paused.
            </Alert>
          ) : null}
          <ul className="mt-3 grid gap-3 md:grid-cols-2" data-testid="workflow-list">
            {overview.data.workflows.map((w) => (
              <li key={w.id}>
                <Link
                  href={orgPath(org.slug, `/workflows/${encodeURIComponent(w.id)}`)}
                  className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-300"
                  data-testid="workflow-row"
                  data-template={w.templateKey}
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-base font-semibold text-slate-900">{w.name}</span>
                    <Badge tone={MODE_TONES[w.mode]} data-testid="workflow-mode">
                      {MODE_LABELS[w.mode]}
                    </Badge>
                    {w.paused ? (
                      <Badge tone="danger" data-testid="workflow-paused">
                        Paused
                      </Badge>
                    ) : null}
                  </div>
                  <p className="mt-0.5 text-sm text-slate-500">
                    {w.templateName}
                    {w.liveVersion ? ` · version ${w.liveVersion}` : " · no published version"}
                  </p>
                  <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
                    <div>
                      <dt className="text-xs text-slate-500">Runs today</dt>
                      <dd className="font-medium text-slate-900" data-testid="workflow-runs-today">
                        {w.runsToday}
                      </dd>
                    </div>
                    <div>
                      <dt className="text-xs text-slate-500">Pending approvals</dt>
                      <dd className="font-medium text-slate-900" data-testid="workflow-pending">
                        {w.pendingApprovals}
                      </dd>
                    </div>
                    <div>
                      <dt className="text-xs text-slate-500">Last run</dt>
                      <dd className="text-slate-700">{w.lastRunAt ? formatDateTime(w.lastRunAt) : "—"}</dd>
                    </div>
                  </dl>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
