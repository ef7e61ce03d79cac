"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { errorMessage } from "@/components/lib/trpc-errors";
import { RequirePermission } from "@/components/shell/require-permission";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { can } from "@/server/auth/permissions";
import { describeFields } from "@/server/records/field-descriptors";
import { isRecordType, RECORD_SYSTEM_LABELS, RECORD_TYPES, type RecordType } from "@/server/records/record-types";
import { RecordCreate } from "./record-create";
import { NO_RECORD_FILTERS, RecordFilters, type RecordFilterValues } from "./record-filters";
import { recordsPath } from "./record-paths";
import { RecordCards, RecordTable } from "./record-table";

function Records({
  type,
  filters,
  onCreate,
}: {
  type: RecordType;
  filters: RecordFilterValues;
  onCreate?: () => void;
}) {
  const trpc = useTRPC();
  const definition = RECORD_TYPES[type];
  const fields = describeFields(type);
  const query = useInfiniteQuery(
    trpc.records.list.infiniteQueryOptions(
      { type, search: filters.search || undefined, filters: filters.filters, limit: 25 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  if (query.isPending)
    return <LoadingBlock label={`Loading ${definition.plural.toLowerCase()}…`} testId="records-loading" />;
  if (!query.data) {
    return (
      <div className="p-4">
        <Alert tone="error" data-testid="records-error">
          {errorMessage(query.error)}
        </Alert>
      </div>
    );
  }
  const records = query.data.pages.flatMap((p) => p.records);
  const references = Object.assign({}, ...query.data.pages.map((p) => p.references)) as Parameters<
    typeof RecordTable
  >[0]["references"];
  const total = query.data.pages[0]?.total ?? 0;
  if (records.length === 0) {
    const filtered = JSON.stringify(filters) !== JSON.stringify(NO_RECORD_FILTERS);
    return (
      <div className="p-4">
        <EmptyState
          title={filtered ? `No ${definition.plural.toLowerCase()} match` : `No ${definition.plural.toLowerCase()} yet`}
          description={filtered ? "Try another search or fewer filters." : undefined}
          action={
            !filtered && onCreate ? (
              <Button onClick={onCreate} data-testid="record-empty-create">
                New {definition.label.toLowerCase()}
              </Button>
            ) : undefined
          }
          data-testid="records-empty"
        />
      </div>
    );
  }
  return (
    <>
      <p className="border-b border-slate-100 px-4 py-2 text-xs text-slate-500" data-testid="records-total">
        {total} {total === 1 ? definition.label.toLowerCase() : definition.plural.toLowerCase()}
      </p>
      <RecordTable type={type} fields={fields} records={records} references={references} />
      <RecordCards type={type} fields={fields} records={records} references={references} />
      {query.hasNextPage ? (
        <div className="border-t border-slate-100 p-3 text-center">
          <Button
            variant="secondary"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
            data-testid="records-load-more"
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

function RecordListView({ type }: { type: RecordType }) {
  const org = useOrg();
  const definition = RECORD_TYPES[type];
  const [filters, setFilters] = useState<RecordFilterValues>(NO_RECORD_FILTERS);
  const [creating, setCreating] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const mayWrite = can(org.role, "record.write");
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href={recordsPath(org.slug)} className="hover:text-slate-800">
          Records
        </Link>{" "}
        / {RECORD_SYSTEM_LABELS[definition.system]}
      </nav>
      <PageHeader
        title={definition.plural}
        actions={
          mayWrite && !creating ? (
            <Button onClick={() => setCreating(true)} data-testid="record-new">
              New {definition.label.toLowerCase()}
            </Button>
          ) : null
        }
      />
      <div className="space-y-6">
        {creating ? <RecordCreate type={type} onCancel={() => setCreating(false)} /> : null}
        <Card>
          <button
            type="button"
            className="flex w-full items-center justify-between text-sm font-medium text-slate-800 md:hidden"
            aria-expanded={filtersOpen}
            aria-controls="record-filters"
            onClick={() => setFiltersOpen(!filtersOpen)}
            data-testid="record-filters-toggle"
          >
            Search and filters
            <span className="text-slate-500">{filtersOpen ? "Hide" : "Show"}</span>
          </button>
          <div id="record-filters" className={filtersOpen ? "mt-4 md:mt-0" : "hidden md:block"}>
            <RecordFilters fields={describeFields(type)} onApply={setFilters} pluralLabel={definition.plural} />
          </div>
        </Card>
        <Card className="overflow-hidden [&>div]:p-0">
          <Records type={type} filters={filters} onCreate={mayWrite ? () => setCreating(true) : undefined} />
        </Card>
      </div>
    </>
  );
}

/** One record type: search, filter, page through, and create by hand. */
export function RecordList({ type }: { type: string }) {
  const org = useOrg();
  return (
    <RequirePermission permission="record.read" area="records">
      {isRecordType(type) ? (
        <RecordListView key={type} type={type} />
      ) : (
        <ErrorState
          title="There is no such record type"
          message={`"${type}" is not one of the built-in systems of record.`}
          action={
            <Link href={recordsPath(org.slug)} className="text-sm text-brand-700 underline">
              All records
            </Link>
          }
          data-testid="record-type-not-found"
        />
      )}
    </RequirePermission>
  );
}
