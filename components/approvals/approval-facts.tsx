import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatAmount, formatDateTime } from "@/components/lib/format";
import { humanise, showValue, type ApprovalItem } from "./format-value";

const RISK_TONE: Record<string, BadgeTone> = { low: "success", medium: "warning", high: "danger" };

export function RiskBadge({ risk }: { risk: string }) {
  return (
    <Badge tone={RISK_TONE[risk] ?? "neutral"} data-testid="approval-risk">
      {risk} risk
    </Badge>
  );
}

/** The AI's recommendation and how sure it is. */
export function Recommendation({ item }: { item: ApprovalItem }) {
  const pct = Math.round(item.action.confidence * 100);
  return (
    <div className="text-sm" data-testid="approval-recommendation">
      <p className="text-slate-800">
        <span className="font-medium">AI recommends</span>{" "}
        {item.action.field === "*" ? (
          <>creating or changing this {humanise(item.action.recordType)} as shown below</>
        ) : (
          <>
            setting {humanise(item.action.field)} to{" "}
            <span className="font-medium [overflow-wrap:anywhere]">{showValue(item.action.newValue)}</span>
          </>
        )}
      </p>
      <p className="mt-0.5 text-slate-600">{item.action.reason}</p>
      <div className="mt-1 flex items-center gap-2 text-xs text-slate-600">
        <span className="h-1.5 w-20 overflow-hidden rounded-full bg-slate-200" aria-hidden>
          <span className="block h-full bg-brand-600" style={{ width: `${pct}%` }} />
        </span>
        <span data-testid="approval-confidence">{pct}% confident</span>
      </div>
    </div>
  );
}

/** Why the policy stopped for a person: the gate's reasons, verbatim. */
export function GateReasons({ item, compact = false }: { item: ApprovalItem; compact?: boolean }) {
  if (item.action.decisionReasons.length === 0) return null;
  return (
    <ul
      className={compact ? "space-y-0.5 text-xs text-slate-600" : "space-y-1 text-sm text-slate-700"}
      data-testid="approval-reasons"
      aria-label="Why this needs approval"
    >
      {item.action.decisionReasons.map((r) => (
        <li key={r.code} className="flex gap-2" data-code={r.code}>
          <span aria-hidden className="mt-1.5 size-1.5 shrink-0 rounded-full bg-amber-500" />
          {r.message}
        </li>
      ))}
    </ul>
  );
}

export function SourceData({ item, open = false }: { item: ApprovalItem; open?: boolean }) {
  if (!item.sourceData) return null;
  return (
    <details className="rounded-md border border-slate-200 text-sm" open={open} data-testid="approval-source">
      <summary className="cursor-pointer px-3 py-2 font-medium text-slate-700">
        Source: {humanise(item.action.recordType)}
      </summary>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 border-t border-slate-100 px-3 py-2">
        {Object.entries(item.sourceData).map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{humanise(k)}</dt>
            <dd className="break-words text-slate-800">{showValue(v)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Two-person status: who approved, who still can. */
export function ApprovalProgress({ item }: { item: ApprovalItem }) {
  const approvals = item.decisions.filter((d) => d.approve);
  return (
    <div className="text-sm" data-testid="approval-progress">
      <p className="font-medium text-slate-800" data-testid="approval-count">
        {approvals.length} of {item.requiredApprovals} approval{item.requiredApprovals > 1 ? "s" : ""}
      </p>
      {item.decisions.length > 0 ? (
        <ul className="mt-1 space-y-0.5 text-slate-600" data-testid="approval-decisions">
          {item.decisions.map((d) => (
            <li key={d.approver.id}>
              {d.approve ? "Approved" : "Rejected"} by {d.approver.label}
              {d.reason ? ` — “${d.reason}”` : ""} · {formatDateTime(d.at)}
            </li>
          ))}
        </ul>
      ) : null}
      {item.status === "pending" && item.stillCan.length > 0 ? (
        <p className="mt-1 text-slate-600" data-testid="approval-still-can">
          Still can decide: {item.stillCan.map((p) => p.label).join(", ")}
        </p>
      ) : null}
    </div>
  );
}

export function AmountAndDomain({ item }: { item: ApprovalItem }) {
  return (
    <span className="text-xs text-slate-500">
      {humanise(item.domain)}
      {item.amount !== null ? ` · ${formatAmount(item.amount)}` : ""}
    </span>
  );
}
