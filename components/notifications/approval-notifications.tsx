"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { NotificationRow } from "./notification-log";

/** Who was told about one request, how, and whether it reached them (approval detail page). */
export function ApprovalNotifications({ approvalId }: { approvalId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.approval.notifications.forApproval.queryOptions({ approvalId }));
  if (query.isPending) return <Spinner label="Loading notifications" />;
  if (query.isError)
    return (
      <Alert tone="error" data-testid="approval-notifications-error">
        {errorMessage(query.error)}
      </Alert>
    );
  if (query.data.entries.length === 0)
    return (
      <p className="text-sm text-slate-600" data-testid="approval-notifications-empty">
        Nobody has been notified about this request.
      </p>
    );
  return (
    <ul className="-mx-4 divide-y divide-slate-100 sm:-mx-5" data-testid="approval-notifications">
      {query.data.entries.map((entry) => (
        <NotificationRow key={entry.id} entry={entry} showApproval={false} />
      ))}
    </ul>
  );
}
