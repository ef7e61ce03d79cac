"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatDate } from "@/components/lib/format";
import { errorMessage } from "@/components/lib/trpc-errors";
import { InvitationStatusBadge } from "@/components/invite/invitation-status-badge";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingBlock } from "@/components/ui/spinner";
import { can, ROLE_LABELS } from "@/server/auth/permissions";

export function InvitationList() {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.invitation.list.queryOptions());
  const revoke = useMutation(
    trpc.invitation.revoke.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.invitation.list.queryFilter()),
    }),
  );
  const canRevoke = can(org.role, "member.invite");

  return (
    <Card title="Invitations" className="overflow-hidden [&>div]:p-0" data-testid="invitations-card">
      {revoke.error ? (
        <div className="px-4 pt-4">
          <Alert tone="error" data-testid="invitation-error">
            {errorMessage(revoke.error)}
          </Alert>
        </div>
      ) : null}
      {invitations.isPending ? (
        <LoadingBlock label="Loading invitations…" />
      ) : invitations.isError ? (
        <div className="p-4">
          <Alert tone="error">{errorMessage(invitations.error)}</Alert>
        </div>
      ) : invitations.data.length === 0 ? (
        <div className="p-4">
          <EmptyState
            title="No invitations yet"
            description="People you invite show up here until they join."
            data-testid="invitations-empty"
          />
        </div>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="invitations-list">
          {invitations.data.map((inv) => (
            <li
              key={inv.id}
              className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:px-5"
              data-testid="invitation-row"
              data-email={inv.email}
            >
              <div className="min-w-0">
                <p className="truncate font-medium text-slate-900">{inv.email}</p>
                <p className="text-sm text-slate-500">
                  {ROLE_LABELS[inv.role]} · sent {formatDate(inv.createdAt)}
                  {inv.status === "pending" ? ` · expires ${formatDate(inv.expiresAt)}` : ""}
                </p>
              </div>
              <div className="flex items-center gap-2">
                <InvitationStatusBadge status={inv.status} data-testid="invitation-status" />
                {canRevoke && inv.status === "pending" ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    loading={revoke.isPending && revoke.variables?.invitationId === inv.id}
                    onClick={() => revoke.mutate({ invitationId: inv.id })}
                    data-testid="invitation-revoke"
                  >
                    Revoke
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
