"use client";

import { useQuery } from "@tanstack/react-query";
import { formatDateTime } from "@/components/lib/format";
import { errorCode, errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadingBlock } from "@/components/ui/spinner";
import { LinkifiedText } from "./linkified-text";

export function Outbox() {
  const trpc = useTRPC();
  const mails = useQuery(trpc.devMail.list.queryOptions({ limit: 50 }, { staleTime: 0 }));

  if (mails.isPending) return <LoadingBlock label="Loading mail…" />;
  if (mails.isError) {
    return errorCode(mails.error) === "NOT_FOUND" ? (
      <ErrorState
        title="The dev outbox is off"
        message="SMTP is configured, so mail goes out for real and is not kept here."
        data-testid="outbox-off"
      />
    ) : (
      <ErrorState
        title="We could not load the outbox"
        message={errorMessage(mails.error)}
        action={
          <Button variant="secondary" onClick={() => void mails.refetch()}>
            Try again
          </Button>
        }
      />
    );
  }

  return (
    <div className="space-y-4">
      <Alert tone="info" data-testid="outbox-note">
        This page exists only while SMTP is not configured: mail Handrail would send is kept here instead. Newest first.
      </Alert>
      <div className="flex justify-end">
        <Button variant="secondary" size="sm" onClick={() => void mails.refetch()} loading={mails.isFetching}>
          Refresh
        </Button>
      </div>
      {mails.data.length === 0 ? (
        <EmptyState
          title="No mail yet"
          description="Invitations and other messages appear here when they are sent."
          data-testid="outbox-empty"
        />
      ) : (
        <ul className="space-y-3" data-testid="outbox-list">
          {mails.data.map((mail) => (
            <li
              key={mail.id}
              className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
              data-testid="outbox-mail"
              data-to={mail.to}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <p className="font-medium break-words text-slate-900" data-testid="outbox-subject">
                  {mail.subject}
                </p>
                <time dateTime={mail.createdAt.toISOString()} className="text-xs text-slate-500">
                  {formatDateTime(mail.createdAt)}
                </time>
              </div>
              <p className="mt-0.5 text-sm break-all text-slate-500">
                To: <span data-testid="outbox-to">{mail.to}</span>
              </p>
              <p className="mt-3 text-sm whitespace-pre-wrap text-slate-800">
                <LinkifiedText text={mail.text} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
