"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage } from "@/components/lib/trpc-errors";
import { formatDateTime } from "@/components/lib/format";
import { orgPath, useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingBlock } from "@/components/ui/spinner";
import { humanise, OUTCOME_LABELS, showValue, type HistoryEntry } from "./format-value";

const TONE: Partial<Record<HistoryEntry["outcome"], BadgeTone>> = {
  executed: "success",
  approved: "brand",
  rejected: "neutral",
  rolled_back: "warning",
  conflict: "warning",
  expired: "neutral",
};

/** What I decided, and what happened after (executed, rolled back, …). */
export function HistoryList() {
  const org = useOrg();
  const trpc = useTRPC();
  const history = useQuery(trpc.approval.history.queryOptions());
  if (history.isPending) return <LoadingBlock label="Loading your decisions…" testId="history-loading" />;
  if (history.isError)
    return (
      <Alert tone="error" data-testid="history-error">
        {errorMessage(history.error)}
      </Alert>
    );
  if (history.data.length === 0)
    return <EmptyState title="You have not decided anything yet" data-testid="history-empty" />;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="history-list">
      {history.data.map((h) => (
        <li
          key={h.approvalId}
          data-testid="history-entry"
          data-approval-id={h.approvalId}
          className="px-4 py-3 text-sm"
        >
          <Link href={orgPath(org.slug, `/approvals/${encodeURIComponent(h.approvalId)}`)} className="block">
            <div className="flex items-center justify-between gap-2">
              <span className="truncate font-medium text-slate-900">{h.workflowName}</span>
              <Badge tone={TONE[h.outcome] ?? "neutral"} data-testid="history-outcome">
                {OUTCOME_LABELS[h.outcome]}
              </Badge>
            </div>
            <p className="mt-0.5 text-slate-600">
              <span data-testid="history-decision">{h.approve ? "You approved" : "You rejected"}</span>{" "}
              {humanise(h.recordType)}.{h.field} → {showValue(h.executedValue ?? h.proposed)}
              {h.reason ? ` — “${h.reason}”` : ""}
            </p>
            <p className="text-xs text-slate-500">{formatDateTime(h.decidedAt)}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
