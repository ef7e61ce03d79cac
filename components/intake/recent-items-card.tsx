"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/components/lib/format";
import { errorMessage } from "@/components/lib/trpc-errors";
import { orgPath, useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingBlock } from "@/components/ui/spinner";
import type { ItemDisplayStatus } from "@/server/intake/intake.schemas";
import type { IntakeItemRow } from "./types";

const STATUS: Record<ItemDisplayStatus, { label: string; tone: BadgeTone }> = {
  accepted: { label: "Accepted", tone: "warning" },
  queued: { label: "Queued", tone: "brand" },
  run_started: { label: "Run started", tone: "success" },
  duplicate: { label: "Duplicate", tone: "neutral" },
  failed: { label: "Failed", tone: "danger" },
};

/** Where a run is shown (the workflow pages own it). */
export const runPath = (slug: string, workflowId: string, runId: string) =>
  orgPath(slug, `/workflows/${encodeURIComponent(workflowId)}/runs/${encodeURIComponent(runId)}`);

function ItemRow({ item, workflowId }: { item: IntakeItemRow; workflowId: string }) {
  const org = useOrg();
  const status = STATUS[item.status];
  return (
    <li className="space-y-1 py-3" data-testid="intake-item" data-status={item.status}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 text-sm font-medium break-words text-slate-900" data-testid="intake-item-summary">
          {item.summary}
        </p>
        <Badge tone={status.tone} data-testid="intake-item-status">
          {status.label}
        </Badge>
      </div>
      <p className="text-xs break-all text-slate-500">
        {formatDateTime(item.receivedAt)} · {item.channel}
        {item.kind ? ` · ${item.kind}` : ""}
        {item.attachments ? ` · ${item.attachments} attachment${item.attachments === 1 ? "" : "s"}` : ""} · source{" "}
        <code>{item.sourceId}</code>
        {item.runId ? (
          <>
            {" · "}
            <Link href={runPath(org.slug, workflowId, item.runId)} className="font-medium text-brand-700 underline">
              run ({item.runStatus})
            </Link>
          </>
        ) : null}
      </p>
      {item.error ? <p className="text-xs text-amber-800">{item.error}</p> : null}
    </li>
  );
}

export function RecentItemsCard({ workflowId, canManage }: { workflowId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Polls so a run starting (or an engine coming back) shows without reloading.
  const items = useQuery({ ...trpc.intake.items.queryOptions({ workflowId, limit: 25 }), refetchInterval: 5000 });
  const resend = useMutation(
    trpc.intake.resendPending.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.intake.items.queryFilter()),
    }),
  );
  const waiting = items.data?.filter((i) => i.status === "accepted").length ?? 0;

  return (
    <Card
      title="Recent items"
      description="What arrived, through which channel, and what became of it."
      actions={
        canManage && waiting > 0 ? (
          <Button
            size="sm"
            variant="secondary"
            loading={resend.isPending}
            onClick={() => resend.mutate({ workflowId })}
            data-testid="resend-pending"
          >
            Send {waiting} waiting
          </Button>
        ) : null
      }
      data-testid="recent-items"
    >
      {resend.error ? <Alert tone="error">{errorMessage(resend.error)}</Alert> : null}
      {resend.data ? (
        <Alert tone={resend.data.sent === resend.data.pending ? "success" : "warning"} className="mb-3">
          Sent {resend.data.sent} of {resend.data.pending} waiting items to the workflow engine.
        </Alert>
      ) : null}
      {items.isPending ? (
        <LoadingBlock label="Loading items…" testId="intake-items-loading" />
      ) : items.isError ? (
        <Alert tone="error" data-testid="intake-items-error">
          {errorMessage(items.error)}
        </Alert>
      ) : items.data.length === 0 ? (
        <EmptyState
          title="Nothing received yet"
          description="Items sent through any channel above show here within seconds."
          data-testid="intake-items-empty"
        />
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="intake-item-list">
          {items.data.map((item) => (
            <ItemRow key={item.id} item={item} workflowId={workflowId} />
          ))}
        </ul>
      )}
    </Card>
  );
}
