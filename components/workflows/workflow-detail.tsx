"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorCode, errorMessage } from "@/components/lib/trpc-errors";
import { orgPath, useOrg } from "@/components/shell/org-context";
import { RequirePermission } from "@/components/shell/require-permission";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { can } from "@/server/auth/permissions";
import { KillSwitch } from "./kill-switch";
import { MODE_LABELS, MODE_TONES } from "./labels";
import { ModeSwitch } from "./mode-switch";
import { RunList } from "./run-list";

export function WorkflowDetail({ workflowId }: { workflowId: string }) {
  return (
    <RequirePermission permission="workflow.read" area="workflows">
      <WorkflowDetailView workflowId={workflowId} />
    </RequirePermission>
  );
}

function WorkflowDetailView({ workflowId }: { workflowId: string }) {
  const org = useOrg();
  const trpc = useTRPC();
  const detail = useQuery({
    ...trpc.workflow.get.queryOptions({ workflowId }),
    // Runs move on their own (the engine): keep the page current while any is unfinished.
    refetchInterval: (q) =>
      q.state.data?.runs.some((r) => r.status === "running" || r.status === "waiting") ? 2000 : false,
  });
  const back = (
    <Link href={orgPath(org.slug, "/workflows")} className={buttonClasses("secondary")}>
      All workflows
    </Link>
  );
  if (detail.isPending) return <LoadingBlock label="Loading the workflow…" />;
  if (detail.isError) {
    return errorCode(detail.error) === "NOT_FOUND" ? (
      <ErrorState
        title="Workflow not found"
        message="It may have been removed."
        action={back}
        data-testid="workflow-not-found"
      />
    ) : (
      <ErrorState title="The workflow could not be loaded" message={errorMessage(detail.error)} action={back} />
    );
  }
  const w = detail.data;
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="workflow-name">{w.name}</span>
            <Badge tone={MODE_TONES[w.mode]} data-testid="workflow-mode">
              {MODE_LABELS[w.mode]}
            </Badge>
            {w.paused ? (
              <Badge tone="danger" data-testid="workflow-paused">
                Paused
              </Badge>
            ) : null}
          </span>
        }
        description={`${w.templateName}${w.liveVersion ? ` · version ${w.liveVersion.number} live` : " · no published version"}`}
        actions={
          can(org.role, "intake.manage") ? (
            <Link
              href={orgPath(org.slug, `/workflows/${encodeURIComponent(w.id)}/intake`)}
              className={buttonClasses("secondary")}
              data-testid="workflow-intake-link"
            >
              Intake
            </Link>
          ) : null
        }
      />
      {w.orgPaused ? (
        <Alert tone="warning" className="mb-4">
          All automation in this organisation is paused.
        </Alert>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card title="Mode" description="What the workflow may do with its results.">
          <ModeSwitch workflowId={w.id} mode={w.mode} />
        </Card>
        <Card title="Kill switch" description={w.paused ? "Paused: nothing runs, new items are held." : "Running."}>
          <KillSwitch workflowId={w.id} paused={w.paused} />
          {!can(org.role, "governance.killSwitch") ? (
            <p className="text-sm text-slate-500">Owners, admins and operators can pause this workflow.</p>
          ) : null}
        </Card>
      </div>
      <h2 className="mt-6 mb-3 text-base font-semibold text-slate-900">Recent runs</h2>
      <RunList slug={org.slug} workflowId={w.id} runs={w.runs} />
    </>
  );
}
