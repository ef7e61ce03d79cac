"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { errorCode, errorMessage } from "@/components/lib/trpc-errors";
import { formatDateTime } from "@/components/lib/format";
import { RequirePermission } from "@/components/shell/require-permission";
import { orgPath, useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { LoadingBlock } from "@/components/ui/spinner";
import {
  AmountAndDomain,
  ApprovalProgress,
  GateReasons,
  Recommendation,
  RiskBadge,
  SourceData,
} from "./approval-facts";
import { DecisionPanel } from "./decision-panel";
import { OUTCOME_LABELS, showValue } from "./format-value";
import { RegisterServiceWorker } from "./register-service-worker";
import { ApprovalNotifications } from "@/components/notifications/approval-notifications";
import { ValueDiff } from "./value-diff";

function Detail({ approvalId }: { approvalId: string }) {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.approval.get.queryOptions({ approvalId }));
  const back = (
    <Link href={orgPath(org.slug, "/approvals")} className={buttonClasses("secondary")} data-testid="back-to-inbox">
      Back to approvals
    </Link>
  );
  if (query.isPending) return <LoadingBlock label="Loading the request…" testId="approval-loading" />;
  if (query.isError) {
    const missing = errorCode(query.error) === "NOT_FOUND";
    return (
      <ErrorState
        title={missing ? "This request does not exist" : "We could not load this request"}
        message={missing ? "It may belong to another organisation, or the link is wrong." : errorMessage(query.error)}
        action={
          missing ? (
            back
          ) : (
            <Button variant="secondary" onClick={() => void query.refetch()}>
              Try again
            </Button>
          )
        }
        data-testid="approval-error"
      />
    );
  }
  const item = query.data;
  const edited =
    item.action.finalValue !== null && JSON.stringify(item.action.finalValue) !== JSON.stringify(item.action.newValue);
  return (
    <div className="space-y-4" data-testid="approval-detail" data-approval-id={item.id}>
      <div>
        <Link href={orgPath(org.slug, "/approvals")} className="text-sm text-brand-700">
          ← Approvals
        </Link>
        <h1 className="mt-1 text-xl font-semibold text-slate-900">{item.workflow.name}</h1>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <AmountAndDomain item={item} />
          <RiskBadge risk={item.action.risk} />
          <Badge tone={item.status === "pending" ? "warning" : "neutral"} data-testid="approval-status">
            {item.status === "pending" ? "Pending" : OUTCOME_LABELS[item.outcome]}
          </Badge>
          {item.status === "pending" ? (
            <span className="text-xs text-slate-500">due {formatDateTime(item.expiresAt)}</span>
          ) : null}
        </div>
      </div>
      <Card title="What will change">
        <div className="space-y-3">
          <ValueDiff
            recordType={item.action.recordType}
            field={item.action.field}
            oldValue={item.action.oldValue}
            newValue={item.action.newValue}
          />
          {edited ? (
            <p className="text-sm text-slate-700" data-testid="approval-final-value">
              Edited by the approver: executes <span className="font-medium">{showValue(item.action.finalValue)}</span>
            </p>
          ) : null}
          <Recommendation item={item} />
        </div>
      </Card>
      <Card title="Why it needs you">
        <GateReasons item={item} />
      </Card>
      <SourceData item={item} open />
      <Card title="Decision">
        <div className="space-y-3">
          <ApprovalProgress item={item} />
          {item.status === "pending" ? (
            <DecisionPanel
              // Remounts once the decision is reloaded, so the panel then shows why I cannot decide again.
              key={`${item.id}-${item.decisions.length}`}
              item={item}
              allowEdit
              onDecided={() =>
                void queryClient.invalidateQueries({ queryKey: trpc.approval.get.queryKey({ approvalId }) })
              }
            />
          ) : null}
        </div>
      </Card>
      <Card title="Notifications" description="Who was told about this request, and how.">
        <ApprovalNotifications approvalId={item.id} />
      </Card>
    </div>
  );
}

export function ApprovalDetail({ approvalId }: { approvalId: string }) {
  return (
    <RequirePermission permission="approval.read" area="approvals">
      <RegisterServiceWorker />
      <Detail approvalId={approvalId} />
    </RequirePermission>
  );
}
