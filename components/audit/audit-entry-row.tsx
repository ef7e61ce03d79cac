import type { z } from "zod";
import { formatDateTime } from "@/components/lib/format";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ZAuditEntry } from "@/server/audit/audit.schemas";

type AuditEntry = z.infer<typeof ZAuditEntry>;

const OUTCOME_TONES: Record<string, BadgeTone> = { success: "success", denied: "warning", failure: "danger" };

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : "none";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return value.toString();
  return JSON.stringify(value) ?? "—";
}

const dataPairs = (data: unknown): [string, string][] =>
  data && typeof data === "object" && !Array.isArray(data)
    ? Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, show(v)])
    : data === null || data === undefined
      ? []
      : [["value", show(data)]];

export function AuditEntryRow({ entry }: { entry: AuditEntry }) {
  const pairs = dataPairs(entry.data);
  const actor = entry.actorLabel ?? entry.actorId ?? "unknown";
  return (
    <li className="px-4 py-3 sm:px-5" data-testid="audit-entry" data-action={entry.action} data-outcome={entry.outcome}>
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <span className="font-mono text-sm font-medium break-all text-slate-900" data-testid="audit-entry-action">
            {entry.action}
          </span>
          <Badge tone={OUTCOME_TONES[entry.outcome] ?? "neutral"}>{entry.outcome}</Badge>
        </div>
        <time dateTime={entry.createdAt.toISOString()} className="text-xs text-slate-500">
          {formatDateTime(entry.createdAt)}
        </time>
      </div>
      <p className="mt-1 text-sm break-words text-slate-600">
        <span className="text-slate-500">by</span> <span data-testid="audit-entry-actor">{actor}</span>
        {entry.actorType !== "human" ? <span className="text-slate-500"> ({entry.actorType})</span> : null}
        {entry.targetType ? (
          <>
            {" "}
            <span className="text-slate-500">on</span>{" "}
            <span className="font-mono text-xs">
              {entry.targetType}
              {entry.targetId ? `:${entry.targetId.slice(0, 12)}` : ""}
            </span>
          </>
        ) : null}
        {entry.ip ? <span className="text-slate-500"> · {entry.ip}</span> : null}
      </p>
      {pairs.length ? (
        <dl className="mt-2 flex flex-wrap gap-1.5 text-xs">
          {pairs.map(([key, value]) => (
            <div key={key} className="inline-flex max-w-full min-w-0 rounded bg-slate-100 px-1.5 py-0.5">
              <dt className="text-slate-500">{key}:</dt>
              <dd className="ml-1 min-w-0 break-words text-slate-800">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}
