"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage } from "@/components/lib/trpc-errors";
import { RequirePermission } from "@/components/shell/require-permission";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { RECORD_SYSTEM_LABELS, RECORD_SYSTEMS, RECORD_TYPE_KEYS, RECORD_TYPES } from "@/server/records/record-types";
import { recordListPath } from "./record-paths";

const SYSTEM_DESCRIPTIONS: Record<(typeof RECORD_SYSTEMS)[number], string> = {
  crm: "Companies, contacts, owners, territories, tasks and opportunities.",
  helpdesk: "Tickets, queues, agents, knowledge-base answers and replies.",
  ap: "Vendors, purchase orders, invoices and the payment schedule.",
  content: "Channels, articles, posts, replies and mentions, and performance.",
};

function Systems() {
  const org = useOrg();
  const trpc = useTRPC();
  const overview = useQuery(trpc.records.overview.queryOptions());
  if (overview.isPending) return <LoadingBlock label="Loading systems of record…" testId="records-loading" />;
  if (overview.isError) {
    return (
      <Alert tone="error" title="The systems of record could not be loaded" data-testid="records-error">
        <p>{errorMessage(overview.error)}</p>
        <Button variant="secondary" size="sm" className="mt-2" onClick={() => void overview.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  const total = Object.values(overview.data.counts).reduce((a, b) => a + b, 0);
  return (
    <>
      {total === 0 ? (
        <Alert tone="info" className="mb-4" data-testid="records-empty">
          No records yet. Create them by hand here, load a template&apos;s sample data, or let a workflow create them.
        </Alert>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2" data-testid="records-systems">
        {RECORD_SYSTEMS.map((system) => (
          <Card key={system} title={RECORD_SYSTEM_LABELS[system]} description={SYSTEM_DESCRIPTIONS[system]}>
            <ul className="-my-1 divide-y divide-slate-100">
              {RECORD_TYPE_KEYS.filter((type) => RECORD_TYPES[type].system === system).map((type) => (
                <li key={type}>
                  <Link
                    href={recordListPath(org.slug, type)}
                    className="flex items-center justify-between gap-3 py-2 text-sm hover:text-brand-700"
                    data-testid={`record-type-${type}`}
                  >
                    <span className="font-medium text-slate-800">{RECORD_TYPES[type].plural}</span>
                    <span className="text-slate-500 tabular-nums" data-testid="record-type-count">
                      {overview.data.counts[type] ?? 0}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
    </>
  );
}

/** The built-in systems of record and their record types, with how many records each holds. */
export function RecordsHome() {
  return (
    <RequirePermission permission="record.read" area="records">
      <PageHeader
        title="Records"
        description="The built-in systems of record. Work here by hand is recorded as the human outcome shadow mode compares with."
      />
      <Systems />
    </RequirePermission>
  );
}
