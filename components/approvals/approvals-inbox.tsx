"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { errorMessage } from "@/components/lib/trpc-errors";
import { RequirePermission } from "@/components/shell/require-permission";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { can } from "@/server/auth/permissions";
import { INBOX_PAGE } from "@/server/approvals/inbox.schemas";
import { ApprovalCard } from "./approval-card";
import type { DecisionOutcome } from "./decision-panel";
import { humanise } from "./format-value";
import { HistoryList } from "./history-list";
import { RegisterServiceWorker } from "./register-service-worker";
import { PushToggle } from "@/components/notifications/push-toggle";
import type { RouterOutputs } from "./types";

type Filters = { workflowId: string; domain: string; risk: string };
const NO_FILTERS: Filters = { workflowId: "", domain: "", risk: "" };
const PAGE = INBOX_PAGE;

export type InboxData = RouterOutputs["approval"]["inbox"];

function Inbox({ initial }: { initial?: InboxData }) {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [shown, setShown] = useState(PAGE);
  const [decided, setDecided] = useState<Record<string, DecisionOutcome>>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const input = {
    workflowId: filters.workflowId || undefined,
    domain: filters.domain || undefined,
    risk: (filters.risk || undefined) as "low" | "medium" | "high" | undefined,
    limit: shown,
  };
  // The server rendered the first page (no filters); later pages and filters are fetched here.
  const first = shown === PAGE && JSON.stringify(filters) === JSON.stringify(NO_FILTERS);
  const inbox = useQuery(
    trpc.approval.inbox.queryOptions(input, {
      refetchOnWindowFocus: false,
      placeholderData: keepPreviousData,
      initialData: first ? initial : undefined,
    }),
  );
  const batch = useMutation(
    trpc.approval.batchApprove.mutationOptions({
      onSuccess: ({ results }) => {
        setDecided((d) => ({
          ...d,
          ...Object.fromEntries(results.filter((r) => r.ok && r.outcome).map((r) => [r.approvalId, r.outcome!])),
        }));
        setSelected(new Set());
        void queryClient.invalidateQueries({ queryKey: trpc.approval.history.queryKey() });
      },
    }),
  );
  const mayDecide = can(org.role, "approval.decide");
  // The first cards paint at once; the rest of the page renders right after, without blocking them.
  const rendered = useDeferredValue(inbox.data?.items.length ?? 0, 3);

  if (inbox.isPending) return <LoadingBlock label="Loading approvals…" testId="approvals-loading" />;
  if (inbox.isError) {
    return (
      <ErrorState
        title="We could not load your approvals"
        message={errorMessage(inbox.error)}
        action={
          <Button variant="secondary" onClick={() => void inbox.refetch()}>
            Try again
          </Button>
        }
        data-testid="approvals-error"
      />
    );
  }
  const { items, total, facets } = inbox.data;
  const set = (key: keyof Filters, value: string) => {
    setFilters({ ...filters, [key]: value });
    setShown(PAGE);
  };
  const batchFailures = batch.data?.results.filter((r) => !r.ok) ?? [];
  const onDecided = (id: string) => (outcome: DecisionOutcome) => {
    setDecided((d) => ({ ...d, [id]: outcome }));
    void queryClient.invalidateQueries({ queryKey: trpc.approval.history.queryKey() });
  };

  return (
    <div className="space-y-3">
      <form
        className="grid grid-cols-3 gap-2 sm:max-w-xl"
        aria-label="Filter approvals"
        data-testid="approval-filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <Select
          aria-label="Workflow"
          value={filters.workflowId}
          onChange={(e) => set("workflowId", e.target.value)}
          data-testid="filter-workflow"
        >
          <option value="">Workflow</option>
          {facets.workflows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Domain"
          value={filters.domain}
          onChange={(e) => set("domain", e.target.value)}
          data-testid="filter-domain"
        >
          <option value="">Domain</option>
          {facets.domains.map((d) => (
            <option key={d} value={d}>
              {humanise(d)}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Risk"
          value={filters.risk}
          onChange={(e) => set("risk", e.target.value)}
          data-testid="filter-risk"
        >
          <option value="">Risk</option>
          {facets.risks.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </form>
      {batch.error ? <Alert tone="error">{errorMessage(batch.error)}</Alert> : null}
      {batchFailures.length > 0 ? (
        <Alert tone="warning" data-testid="batch-failures">
          {batchFailures.length} not approved: {batchFailures.map((f) => f.error).join(" ")}
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <EmptyState
          title={
            JSON.stringify(filters) === JSON.stringify(NO_FILTERS)
              ? "Nothing waits for you"
              : "Nothing matches these filters"
          }
          description="New requests appear here, and you get an email when one is assigned to you."
          data-testid="approvals-empty"
        />
      ) : (
        <>
          <p className="text-xs text-slate-500" data-testid="approvals-count">
            {total} waiting · soonest due first
          </p>
          <ul className="space-y-3" data-testid="approval-list">
            {items.slice(0, rendered).map((item) => (
              <ApprovalCard
                key={item.id}
                item={item}
                decided={decided[item.id]}
                selectable={mayDecide && item.batchable && item.myRefusal === null}
                selected={selected.has(item.id)}
                onSelect={(on) => {
                  const next = new Set(selected);
                  if (on) next.add(item.id);
                  else next.delete(item.id);
                  setSelected(next);
                }}
                onDecided={onDecided(item.id)}
                now={inbox.dataUpdatedAt}
              />
            ))}
          </ul>
          {total > items.length ? (
            <div className="text-center">
              <Button
                variant="secondary"
                onClick={() => setShown(shown + PAGE)}
                loading={inbox.isPlaceholderData}
                data-testid="approvals-more"
              >
                Show more ({total - items.length} left)
              </Button>
            </div>
          ) : null}
        </>
      )}
      {selected.size > 0 ? (
        <div
          className="sticky bottom-0 z-10 -mx-3 border-t border-slate-200 bg-white/95 px-3 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border"
          data-testid="batch-bar"
        >
          <Button
            className="h-11 w-full"
            onClick={() =>
              batch.mutate({
                items: items
                  .filter((i) => selected.has(i.id) && i.decisionToken)
                  .map((i) => ({ approvalId: i.id, decisionToken: i.decisionToken! })),
              })
            }
            loading={batch.isPending}
            data-testid="batch-approve"
          >
            Approve {selected.size} selected
          </Button>
        </div>
      ) : null}
    </div>
  );
}

export function ApprovalsInbox({ initial }: { initial?: InboxData }) {
  const [tab, setTab] = useState<"inbox" | "history">("inbox");
  return (
    <RequirePermission permission="approval.read" area="approvals">
      <RegisterServiceWorker />
      <PageHeader title="Approvals" description="What the automation wants to change, waiting for your decision." />
      <div
        role="tablist"
        aria-label="Approvals"
        className="mb-4 grid grid-cols-2 rounded-lg bg-slate-100 p-1 text-sm font-medium sm:inline-grid"
      >
        {(["inbox", "history"] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
            className={
              tab === t ? "rounded-md bg-white px-4 py-2 text-slate-900 shadow-sm" : "px-4 py-2 text-slate-600"
            }
            data-testid={`tab-${t}`}
          >
            {t === "inbox" ? "To decide" : "My decisions"}
          </button>
        ))}
      </div>
      <PushToggle compact />
      {tab === "inbox" ? <Inbox initial={initial} /> : <HistoryList />}
    </RequirePermission>
  );
}
