"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDateTime } from "@/components/lib/format";
import { errorMessage } from "@/components/lib/trpc-errors";
import { orgPath, useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Select } from "@/components/ui/input";
import { LoadingBlock } from "@/components/ui/spinner";
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_ERRORS,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationChannel,
  type NotificationKind,
  type NotificationStatus,
} from "@/server/notifications/notification-kinds";
import type { RouterOutputs } from "@/components/approvals/types";

type Entry = RouterOutputs["approval"]["notifications"]["log"]["entries"][number];
type Filters = { kind: "" | NotificationKind; channel: "" | NotificationChannel; status: "" | NotificationStatus };

const STATUS_TONE: Record<string, BadgeTone> = {
  sent: "success",
  failed: "danger",
  skipped: "neutral",
  sending: "warning",
};

export const kindLabel = (kind: string) => NOTIFICATION_KINDS[kind as NotificationKind]?.label ?? kind;

export function whyText(error: string | null): string | null {
  if (!error) return null;
  if (error.startsWith("http_")) return `The push service answered ${error.slice(5)}.`;
  return NOTIFICATION_ERRORS[error as keyof typeof NOTIFICATION_ERRORS] ?? error;
}

/** One attempt as a list row: small enough for a phone, a table's columns on a desktop. */
export function NotificationRow({ entry, showApproval }: { entry: Entry; showApproval: boolean }) {
  const org = useOrg();
  const why = whyText(entry.error);
  return (
    <li
      className="grid gap-1 px-4 py-3 text-sm sm:grid-cols-[10rem_1fr_auto] sm:items-center sm:gap-3"
      data-testid="notification-entry"
      data-kind={entry.kind}
      data-channel={entry.channel}
      data-status={entry.status}
    >
      <span className="text-xs text-slate-500">{formatDateTime(entry.createdAt)}</span>
      <span className="min-w-0">
        <span className="font-medium text-slate-900">{kindLabel(entry.kind)}</span>
        <span className="text-slate-600">
          {" "}
          · {entry.channel === "email" ? "Email" : "Push"} to {entry.recipient?.label ?? "nobody"}
        </span>
        {showApproval && entry.approvalId ? (
          <>
            {" · "}
            <Link
              href={orgPath(org.slug, `/approvals/${encodeURIComponent(entry.approvalId)}`)}
              className="text-brand-700"
              data-testid="notification-approval-link"
            >
              open request
            </Link>
          </>
        ) : null}
        {why ? <span className="block text-xs text-slate-500">{why}</span> : null}
      </span>
      <Badge tone={STATUS_TONE[entry.status] ?? "neutral"} data-testid="notification-status">
        {entry.status}
      </Badge>
    </li>
  );
}

/** The organisation's notification log with filters, newest first (auditors, admins, owners). */
export function NotificationLog() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({ kind: "", channel: "", status: "" });
  const input = {
    kind: filters.kind || undefined,
    channel: filters.channel || undefined,
    status: filters.status || undefined,
    limit: 50,
  };
  const log = useInfiniteQuery(
    trpc.approval.notifications.log.infiniteQueryOptions(input, {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters({ ...filters, [key]: value });

  return (
    <div className="space-y-3" data-testid="notification-log">
      <form
        className="grid grid-cols-3 gap-2 sm:max-w-xl"
        aria-label="Filter notifications"
        onSubmit={(e) => e.preventDefault()}
      >
        <Select
          aria-label="Kind"
          value={filters.kind}
          onChange={(e) => set("kind", e.target.value as Filters["kind"])}
          data-testid="log-filter-kind"
        >
          <option value="">Kind</option>
          {Object.entries(NOTIFICATION_KINDS).map(([k, v]) => (
            <option key={k} value={k}>
              {v.label}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Channel"
          value={filters.channel}
          onChange={(e) => set("channel", e.target.value as Filters["channel"])}
          data-testid="log-filter-channel"
        >
          <option value="">Channel</option>
          {NOTIFICATION_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {c === "email" ? "Email" : "Push"}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Status"
          value={filters.status}
          onChange={(e) => set("status", e.target.value as Filters["status"])}
          data-testid="log-filter-status"
        >
          <option value="">Status</option>
          {NOTIFICATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </form>
      {log.isPending ? (
        <LoadingBlock label="Loading the notification log…" testId="log-loading" />
      ) : log.isError ? (
        <ErrorState
          title="We could not load the notification log"
          message={errorMessage(log.error)}
          action={
            <Button variant="secondary" onClick={() => void log.refetch()}>
              Try again
            </Button>
          }
          data-testid="log-error"
        />
      ) : log.data.pages[0]?.entries.length === 0 ? (
        <EmptyState
          title="No notifications yet"
          description="Every email and push notification about approvals is listed here once one is sent."
          data-testid="log-empty"
        />
      ) : (
        <>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="log-list">
            {log.data.pages
              .flatMap((p) => p.entries)
              .map((entry) => (
                <NotificationRow key={entry.id} entry={entry} showApproval />
              ))}
          </ul>
          {log.hasNextPage ? (
            <div className="text-center">
              <Button
                variant="secondary"
                onClick={() => void log.fetchNextPage()}
                loading={log.isFetchingNextPage}
                data-testid="log-more"
              >
                Show older
              </Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
