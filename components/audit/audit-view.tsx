"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/lib/trpc-errors";
import { RequirePermission } from "@/components/shell/require-permission";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { AuditEntryRow } from "./audit-entry-row";
import { AuditFilters, NO_FILTERS, toListInput, type AuditFilterValues } from "./audit-filters";
import { ExportAudit } from "./export-audit";
import { VerifyIntegrity } from "./verify-integrity";

function AuditEntries({ filters }: { filters: AuditFilterValues }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(toListInput(filters), {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );

  if (query.isPending) return <LoadingBlock label="Loading audit log…" />;
  // A failed "load more" keeps the pages already shown; only a failed first page replaces them.
  if (!query.data) {
    return (
      <div className="p-4">
        <Alert tone="error" data-testid="audit-error">
          {errorMessage(query.error)}
        </Alert>
      </div>
    );
  }
  const entries = query.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) {
    const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
    return (
      <div className="p-4">
        <EmptyState
          title={filtered ? "No entries match these filters" : "No entries yet"}
          description={filtered ? "Try a wider date range or another action." : undefined}
          data-testid="audit-empty"
        />
      </div>
    );
  }
  return (
    <>
      <ul className="divide-y divide-slate-100" data-testid="audit-entries">
        {entries.map((entry) => (
          <AuditEntryRow key={entry.id} entry={entry} />
        ))}
      </ul>
      {query.hasNextPage ? (
        <div className="border-t border-slate-100 p-3 text-center">
          <Button
            variant="secondary"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
            data-testid="audit-load-more"
          >
            Load more
          </Button>
        </div>
      ) : null}
      {query.isError ? (
        <div className="p-3">
          <Alert tone="error">{errorMessage(query.error)}</Alert>
        </div>
      ) : null}
    </>
  );
}

export function AuditView() {
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [filtersOpen, setFiltersOpen] = useState(false);
  return (
    <RequirePermission permission="audit.read" area="the audit log">
      <PageHeader
        title="Audit log"
        description="Append-only and hash-chained: every change, who made it and from where."
      />
      <div className="space-y-6">
        <Card
          title="Integrity and export"
          description="Re-computes the hash chain to detect edited, removed or re-ordered entries, or downloads it with its hashes."
        >
          <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
            <VerifyIntegrity />
            <ExportAudit />
          </div>
        </Card>
        <Card>
          <button
            type="button"
            className="flex w-full items-center justify-between text-sm font-medium text-slate-800 md:hidden"
            aria-expanded={filtersOpen}
            aria-controls="audit-filters"
            onClick={() => setFiltersOpen(!filtersOpen)}
            data-testid="audit-filters-toggle"
          >
            Filters
            <span className="text-slate-500">{filtersOpen ? "Hide" : "Show"}</span>
          </button>
          <div id="audit-filters" className={filtersOpen ? "mt-4 md:mt-0" : "hidden md:block"}>
            <AuditFilters onApply={setFilters} />
          </div>
        </Card>
        <Card title="Entries" description="Newest first." className="overflow-hidden [&>div]:p-0">
          <AuditEntries filters={filters} />
        </Card>
      </div>
    </RequirePermission>
  );
}
