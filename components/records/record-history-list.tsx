"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { formatDateTime } from "@/components/lib/format";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingBlock } from "@/components/ui/spinner";
import { describeFields } from "@/server/records/field-descriptors";
import type { RecordType } from "@/server/records/record-types";
import { formatFieldValue } from "./record-values";

const ACTORS: Record<string, { label: string; tone: BadgeTone }> = {
  human: { label: "Person", tone: "neutral" },
  ai: { label: "AI", tone: "brand" },
  human_approved_ai: { label: "AI, approved", tone: "success" },
  system: { label: "System", tone: "warning" },
};

function who(actorType: string, actorLabel: string | null): string {
  if (actorLabel) return actorLabel;
  if (actorType === "ai") return "A workflow";
  if (actorType === "human_approved_ai") return "A workflow, after approval";
  return actorType === "system" ? "Handrail" : "Someone";
}

/** The record's history: who or what changed which field, from what, to what (newest first). */
export function RecordHistoryList({ type, id }: { type: RecordType; id: string }) {
  const trpc = useTRPC();
  const fields = new Map(describeFields(type).map((f) => [f.name, f]));
  const query = useInfiniteQuery(
    trpc.records.history.infiniteQueryOptions(
      { type, id, limit: 30 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  if (query.isPending) return <LoadingBlock label="Loading history…" testId="record-history-loading" />;
  if (!query.data) {
    return (
      <Alert tone="error" data-testid="record-history-error">
        {errorMessage(query.error)}
      </Alert>
    );
  }
  const changes = query.data.pages.flatMap((p) => p.changes);
  if (changes.length === 0) return <EmptyState title="No changes recorded yet" data-testid="record-history-empty" />;
  return (
    <>
      <ol className="divide-y divide-slate-100" data-testid="record-history">
        {changes.map((c) => {
          const field = fields.get(c.field);
          const actor = ACTORS[c.actorType] ?? ACTORS.human!;
          const whole = c.field === "*";
          return (
            <li
              key={c.id}
              className="py-3 text-sm"
              data-testid="record-change"
              data-field={c.field}
              data-actor={c.actorType}
            >
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={actor.tone} data-testid="record-change-actor-type">
                  {actor.label}
                </Badge>
                <span className="font-medium text-slate-800">{who(c.actorType, c.actorLabel)}</span>
                <span className="text-xs text-slate-500">{formatDateTime(c.createdAt)}</span>
              </div>
              <p className="mt-1 text-slate-700" data-testid="record-change-text">
                {whole ? (
                  c.oldValue === null ? (
                    "Created the record."
                  ) : c.newValue === null ? (
                    "Deleted the record."
                  ) : (
                    "Replaced the whole record."
                  )
                ) : (
                  <>
                    Changed <strong>{field?.label ?? c.field}</strong> from{" "}
                    <span
                      className="rounded bg-red-50 px-1 text-red-800 line-through decoration-red-300"
                      data-testid="record-change-old"
                    >
                      {formatFieldValue(field, c.oldValue)}
                    </span>{" "}
                    to{" "}
                    <span className="rounded bg-emerald-50 px-1 text-emerald-800" data-testid="record-change-new">
                      {formatFieldValue(field, c.newValue)}
                    </span>
                  </>
                )}
              </p>
              {c.actionId ? <p className="mt-0.5 text-xs text-slate-500">Governed action {c.actionId}</p> : null}
            </li>
          );
        })}
      </ol>
      {query.hasNextPage ? (
        <div className="pt-3 text-center">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
          >
            Older changes
          </Button>
        </div>
      ) : null}
    </>
  );
}
