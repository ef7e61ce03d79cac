"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatDateTime } from "@/components/lib/format";
import { errorMessage } from "@/components/lib/trpc-errors";
import { RequirePermission } from "@/components/shell/require-permission";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { can } from "@/server/auth/permissions";
import { SUPPRESSION_LISTS } from "@/server/governance/policy.schemas";
import { LIST_LABELS } from "./rule-labels";
import { SuppressionAddForm } from "./suppression-add-form";

type SuppressionList = (typeof SUPPRESSION_LISTS)[number];

function Entries({ list, search, editable }: { list: SuppressionList; search: string; editable: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(
    trpc.records.suppression.list.infiniteQueryOptions(
      { list, search: search || undefined, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const remove = useMutation(
    trpc.records.suppression.remove.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.records.suppression.pathKey() }),
    }),
  );
  if (query.isPending) return <LoadingBlock label="Loading entries…" testId="suppression-loading" />;
  if (!query.data) {
    return (
      <Alert tone="error" data-testid="suppression-error">
        {errorMessage(query.error)}
      </Alert>
    );
  }
  const entries = query.data.pages.flatMap((p) => p.entries);
  if (entries.length === 0) {
    return (
      <EmptyState
        title={search ? "No entries match" : `The ${LIST_LABELS[list].label.toLowerCase()} list is empty`}
        description={search ? "Try another search." : LIST_LABELS[list].description}
        data-testid="suppression-empty"
      />
    );
  }
  return (
    <>
      {remove.isError ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="suppression-entries">
        {entries.map((e) => (
          <li
            key={e.id}
            className="flex items-start justify-between gap-3 px-4 py-2.5 text-sm"
            data-testid="suppression-entry"
            data-value={e.value}
          >
            <div className="min-w-0">
              <p className="font-mono break-all text-slate-900">{e.value}</p>
              <p className="text-xs text-slate-500">
                {e.note ? `${e.note} · ` : ""}
                {e.createdBy ? `added by ${e.createdBy}, ` : ""}
                {formatDateTime(e.createdAt)}
              </p>
            </div>
            {editable ? (
              <Button
                variant="ghost"
                size="sm"
                loading={remove.isPending && remove.variables.ids[0] === e.id}
                disabled={remove.isPending}
                onClick={() => remove.mutate({ ids: [e.id] })}
                aria-label={`Remove ${e.value}`}
                data-testid="suppression-remove"
              >
                Remove
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {query.hasNextPage ? (
        <div className="pt-3 text-center">
          <Button variant="secondary" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      ) : null}
    </>
  );
}

function Counts({ list, onChoose }: { list: SuppressionList; onChoose: (list: SuppressionList) => void }) {
  const trpc = useTRPC();
  const counts = useQuery(trpc.records.suppression.list.queryOptions({ limit: 1 })).data?.counts;
  return (
    <div role="tablist" aria-label="Suppression lists" className="-mx-1 flex gap-1 overflow-x-auto pb-1">
      {SUPPRESSION_LISTS.map((l) => (
        <button
          key={l}
          type="button"
          role="tab"
          aria-selected={l === list}
          onClick={() => onChoose(l)}
          className={cn(
            "shrink-0 rounded-md px-3 py-1.5 text-sm whitespace-nowrap",
            l === list ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
          data-testid={`suppression-list-${l}`}
        >
          {LIST_LABELS[l].label}
          {counts ? <span className="ml-1.5 tabular-nums opacity-80">{counts[l]}</span> : null}
        </button>
      ))}
    </div>
  );
}

/** The organisation's suppression lists, checked by the gate before any message, routing change or enrolment. */
export function SuppressionView() {
  const org = useOrg();
  const editable = can(org.role, "governance.edit");
  const [list, setList] = useState<SuppressionList>("opt_out");
  const [draft, setDraft] = useState("");
  const [search, setSearch] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft.trim());
  };
  return (
    <RequirePermission permission="record.read" area="the suppression lists">
      <PageHeader
        title="Suppression lists"
        description="Checked by the governance gate before any outbound message, routing change or enrolment, in every workflow."
      />
      <div className="space-y-6">
        {!editable ? (
          <Alert tone="info" data-testid="suppression-read-only">
            You can read the lists; owners and admins change them.
          </Alert>
        ) : null}
        <Counts list={list} onChoose={setList} />
        <div className={cn("grid gap-6", editable ? "lg:grid-cols-[minmax(0,1fr)_20rem]" : undefined)}>
          <Card title={LIST_LABELS[list].label} description={LIST_LABELS[list].description}>
            <form onSubmit={submit} role="search" className="mb-4 flex gap-2">
              <Input
                type="search"
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                placeholder="Search entries"
                aria-label="Search entries"
                data-testid="suppression-search"
              />
              <Button type="submit" variant="secondary">
                Search
              </Button>
            </form>
            <Entries list={list} search={search} editable={editable} />
          </Card>
          {editable ? (
            <Card>
              <SuppressionAddForm key={list} list={list} />
            </Card>
          ) : null}
        </div>
      </div>
    </RequirePermission>
  );
}
