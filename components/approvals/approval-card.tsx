"use client";

import Link from "next/link";
import { orgPath, useOrg } from "@/components/shell/org-context";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import {
  AmountAndDomain,
  ApprovalProgress,
  GateReasons,
  Recommendation,
  RiskBadge,
  SourceData,
} from "./approval-facts";
import { DecisionConfirmed, DecisionPanel, type DecisionOutcome } from "./decision-panel";
import { dueIn, type ApprovalItem } from "./format-value";
import { ValueDiff } from "./value-diff";

type CardProps = {
  item: ApprovalItem;
  decided?: DecisionOutcome;
  selectable: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onDecided: (outcome: DecisionOutcome) => void;
  /** When the list was loaded: due times are relative to it. */
  now: number;
};

export function ApprovalCard({ item, decided, selectable, selected, onSelect, onDecided, now }: CardProps) {
  const org = useOrg();
  const href = orgPath(org.slug, `/approvals/${encodeURIComponent(item.id)}`);
  const overdueSoon = item.expiresAt.getTime() - now < 3600_000;
  return (
    <li
      className={cn(
        "rounded-lg border bg-white shadow-sm",
        selected ? "border-brand-500 ring-1 ring-brand-500" : "border-slate-200",
      )}
      data-testid="approval-card"
      data-approval-id={item.id}
    >
      <div className="flex items-start gap-3 px-4 pt-3">
        {selectable && !decided ? (
          <input
            type="checkbox"
            className="mt-1 size-5 shrink-0 accent-brand-600"
            checked={selected}
            onChange={(e) => onSelect(e.target.checked)}
            aria-label={`Select for batch approval: ${item.workflow.name}, ${item.action.field}`}
            data-testid="batch-select"
          />
        ) : null}
        <Link href={href} className="min-w-0 flex-1" data-testid="approval-open">
          <p className="truncate text-sm font-semibold text-slate-900">{item.workflow.name}</p>
          <div className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1">
            <AmountAndDomain item={item} />
            <span aria-hidden className="text-xs text-slate-400">
              ·
            </span>
            <span
              className={cn("text-xs", overdueSoon ? "font-medium text-red-700" : "text-slate-500")}
              data-testid="approval-due"
            >
              due {dueIn(item.expiresAt, now)}
            </span>
          </div>
        </Link>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <RiskBadge risk={item.action.risk} />
          {item.requiredApprovals > 1 ? <Badge tone="brand">2 people</Badge> : null}
        </div>
      </div>
      <div className="space-y-2.5 px-4 py-3">
        <ValueDiff
          recordType={item.action.recordType}
          field={item.action.field}
          oldValue={item.action.oldValue}
          newValue={item.action.newValue}
        />
        <Recommendation item={item} />
        <GateReasons item={item} compact />
        <SourceData item={item} />
        {item.requiredApprovals > 1 ? <ApprovalProgress item={item} /> : null}
        {decided ? (
          <DecisionConfirmed outcome={decided} approvalId={item.id} />
        ) : (
          <DecisionPanel item={item} onDecided={onDecided} />
        )}
      </div>
    </li>
  );
}
