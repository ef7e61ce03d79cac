"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingBlock } from "@/components/ui/spinner";
import { MemberRow } from "./member-row";

export function MemberList() {
  const trpc = useTRPC();
  const members = useQuery(trpc.member.list.queryOptions());
  const me = useQuery(trpc.account.me.queryOptions());

  return (
    <Card
      title="Members"
      description={
        members.data ? `${members.data.length} ${members.data.length === 1 ? "person" : "people"}` : undefined
      }
      className="overflow-hidden [&>div]:p-0"
      data-testid="members-card"
    >
      {members.isPending ? (
        <LoadingBlock label="Loading members…" />
      ) : members.isError ? (
        <div className="p-4">
          <Alert tone="error" data-testid="members-error">
            {errorMessage(members.error)}
          </Alert>
        </div>
      ) : members.data.length === 0 ? (
        <div className="p-4">
          <EmptyState title="No members yet" />
        </div>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="members-list">
          {members.data.map((member) => (
            // Re-mount when the saved role or scope changes so the editor starts from the new values.
            <MemberRow
              key={`${member.id}:${member.role}:${member.approvalDomains.join()}:${member.approvalLimit}`}
              member={member}
              isSelf={member.userId === me.data?.id}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}
