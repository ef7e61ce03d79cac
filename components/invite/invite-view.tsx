"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { authHref } from "@/components/lib/callback-url";
import { errorCode, errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { LoadingBlock } from "@/components/ui/spinner";
import { ROLE_LABELS } from "@/server/auth/permissions";
import { InvitationStatusBadge } from "./invitation-status-badge";

const CLOSED = {
  accepted: "This invitation has already been used.",
  revoked: "This invitation was revoked. Ask the person who invited you for a new one.",
  expired: "This invitation has expired. Ask the person who invited you for a new one.",
} as const;

export function InviteView({ token, viewerEmail }: { token: string; viewerEmail: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const preview = useQuery(trpc.invitation.preview.queryOptions({ token }));
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: async ({ slug }) => {
        await queryClient.invalidateQueries(trpc.org.listMine.queryFilter());
        router.push(`/o/${encodeURIComponent(slug)}`);
      },
    }),
  );

  if (preview.isPending) return <LoadingBlock label="Loading invitation…" />;
  if (preview.isError) {
    const invalid = ["NOT_FOUND", "BAD_REQUEST"].includes(errorCode(preview.error) ?? "");
    return (
      <Alert tone="error" title="We could not open this invitation" data-testid="invite-error">
        {invalid
          ? "This invitation link is not valid. Check that you copied the whole link."
          : errorMessage(preview.error)}
      </Alert>
    );
  }

  const invite = preview.data;
  const here = `/invite/${token}`;
  const wrongAccount = viewerEmail ? viewerEmail.toLowerCase() !== invite.email.toLowerCase() : false;

  return (
    <div className="space-y-5" data-testid="invite-preview">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-md bg-slate-50 px-4 py-3 text-sm">
        <dt className="text-slate-500">Organisation</dt>
        <dd className="font-medium break-words text-slate-900" data-testid="invite-org">
          {invite.orgName}
        </dd>
        <dt className="text-slate-500">Role</dt>
        <dd className="text-slate-900" data-testid="invite-role">
          {ROLE_LABELS[invite.role]}
        </dd>
        <dt className="text-slate-500">Invited</dt>
        <dd className="break-all text-slate-900" data-testid="invite-email">
          {invite.email}
        </dd>
        <dt className="text-slate-500">Status</dt>
        <dd>
          <InvitationStatusBadge status={invite.status} data-testid="invite-status" />
        </dd>
      </dl>

      {invite.status !== "pending" ? (
        <Alert tone="warning" data-testid="invite-error">
          {CLOSED[invite.status]}
        </Alert>
      ) : viewerEmail === null ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">
            Create an account with <span className="font-medium">{invite.email}</span>, or sign in if you already have
            one, to accept.
          </p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Link
              href={authHref("/sign-up", here, { email: invite.email })}
              className={buttonClasses("primary", "md", "flex-1")}
              data-testid="invite-sign-up"
            >
              Sign up to accept
            </Link>
            <Link
              href={authHref("/sign-in", here)}
              className={buttonClasses("secondary", "md", "flex-1")}
              data-testid="invite-sign-in"
            >
              Sign in
            </Link>
          </div>
        </div>
      ) : wrongAccount ? (
        <Alert tone="warning" title="This invitation is for another account" data-testid="invite-wrong-account">
          <p>
            You are signed in as <span className="font-medium">{viewerEmail}</span>, but the invitation was sent to{" "}
            <span className="font-medium">{invite.email}</span>. Sign out, then sign in or sign up with that address.
          </p>
          <SignOutButton variant="secondary" className="mt-3" />
        </Alert>
      ) : (
        <div className="space-y-3">
          {accept.error ? (
            <Alert tone="error" data-testid="invite-error">
              {errorMessage(accept.error)}
            </Alert>
          ) : null}
          <Button
            className="w-full"
            loading={accept.isPending || accept.isSuccess}
            onClick={() => accept.mutate({ token })}
            data-testid="invite-accept"
          >
            Accept and join {invite.orgName}
          </Button>
        </div>
      )}
    </div>
  );
}
