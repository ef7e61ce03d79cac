import Link from "next/link";
import { formatDateTime } from "@/components/lib/format";
import { orgPath } from "@/components/shell/org-context";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ActionItem } from "./action-item";
import { RUN_STATUS_TONES } from "./labels";
import type { WorkflowRun } from "./workflow-types";

/** Recent runs, each with its actions' decisions, outcomes and reasons. */
export function RunList({ slug, workflowId, runs }: { slug: string; workflowId: string; runs: WorkflowRun[] }) {
  if (runs.length === 0) {
    return (
      <EmptyState
        title="No runs yet"
        description="Send an item through intake (or a sample item) and its run shows up here."
        data-testid="runs-empty"
      />
    );
  }
  return (
    <ul className="space-y-3" data-testid="run-list">
      {runs.map((run) => (
        <li
          key={run.id}
          className="rounded-lg border border-slate-200 bg-white"
          data-testid="run-row"
          data-status={run.status}
        >
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
            <div className="flex min-w-0 flex-wrap items-center gap-2">
              <Badge tone={RUN_STATUS_TONES[run.status] ?? "neutral"} data-testid="run-status">
                {run.status}
              </Badge>
              <span className="truncate text-sm text-slate-700">{run.triggerKey}</span>
            </div>
            <div className="flex items-center gap-3">
              <span className="text-xs text-slate-500">{formatDateTime(run.startedAt)}</span>
              <Link
                href={orgPath(slug, `/workflows/${encodeURIComponent(workflowId)}/runs/${encodeURIComponent(run.id)}`)}
                className="text-sm font-medium text-brand-700 hover:underline"
                data-testid="run-link"
              >
                Details
              </Link>
            </div>
          </div>
          {run.actions.length > 0 ? (
            <ul className="px-4">
              {run.actions.map((a) => (
                <ActionItem key={a.id} action={a} />
              ))}
            </ul>
          ) : (
            <p className="px-4 py-3 text-sm text-slate-500">{run.error ?? "No actions proposed (yet)."}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
