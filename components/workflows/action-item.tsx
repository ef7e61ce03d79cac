import { Badge } from "@/components/ui/badge";
import { ACTION_STATUS_LABELS, ACTION_STATUS_TONES, DECISION_LABELS, humanise, showValue } from "./labels";
import type { RunAction } from "./workflow-types";

/** One action: what it changes (old → new), the gate's decision and reasons, and what became of it. */
export function ActionItem({ action, full = false }: { action: RunAction; full?: boolean }) {
  const max = full ? 2000 : 160;
  return (
    <li
      className="space-y-1.5 border-t border-slate-100 py-3 first:border-t-0"
      data-testid="action-item"
      data-status={action.status}
      data-kind={action.kind}
      data-field={action.field}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium text-slate-900">
          {humanise(action.kind)} · {action.recordType}
          {action.field === "*" ? "" : `.${action.field}`}
        </span>
        <Badge tone={ACTION_STATUS_TONES[action.status] ?? "neutral"} data-testid="action-status">
          {ACTION_STATUS_LABELS[action.status] ?? action.status}
        </Badge>
        <Badge tone="neutral" data-testid="action-decision">
          {DECISION_LABELS[action.decision] ?? action.decision}
        </Badge>
        <span className="text-xs text-slate-500">confidence {Math.round(action.confidence * 100)}%</span>
        {action.amount !== null ? <span className="text-xs text-slate-500">amount {action.amount}</span> : null}
      </div>
      <div className="grid gap-1 text-xs sm:grid-cols-2">
        <p className="min-w-0 break-words text-slate-500" data-testid="action-old">
          <span className="font-medium text-slate-600">Before: </span>
          {showValue(action.execution?.before ?? action.oldValue, max)}
        </p>
        <p className="min-w-0 break-words text-slate-800" data-testid="action-new">
          <span className="font-medium text-slate-600">After: </span>
          {showValue(action.execution?.after ?? action.finalValue ?? action.newValue, max)}
        </p>
      </div>
      <p className="text-xs text-slate-600">{action.reason}</p>
      {action.decisionReasons.length > 0 ? (
        <ul className="flex flex-wrap gap-1" data-testid="action-reasons">
          {action.decisionReasons.map((r) => (
            <li key={r.code} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700" title={r.code}>
              {r.message}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
