"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";

export function TwoFactorRequirement() {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.org.updateSecurity.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.org.current.queryFilter()),
    }),
  );
  // Show the requested state while saving, the server's once it is back.
  const on = update.isPending
    ? update.variables.requireTwoFactorForPrivileged
    : (update.data?.requireTwoFactorForPrivileged ?? org.requireTwoFactorForPrivileged);
  const me = useQuery(trpc.account.me.queryOptions());
  const lockoutRisk = !on && me.data?.twoFactorEnabled === false;

  return (
    <Card title="Two-factor authentication">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <p id="require-2fa-label" className="text-sm font-medium text-slate-900">
            Require two-factor authentication for owners, admins and approvers
          </p>
          <p id="require-2fa-hint" className="mt-1 text-sm text-slate-500">
            Members in these roles without two-factor authentication are blocked from acting in this organisation until
            they turn it on.
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {update.isPending ? <Spinner label="Saving" /> : null}
          <button
            type="button"
            role="switch"
            aria-checked={on}
            aria-labelledby="require-2fa-label"
            aria-describedby="require-2fa-hint"
            disabled={update.isPending}
            onClick={() => update.mutate({ requireTwoFactorForPrivileged: !on })}
            className={cn(
              "relative inline-flex h-6 w-11 items-center rounded-full transition-colors",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:opacity-60",
              on ? "bg-brand-600" : "bg-slate-300",
            )}
            data-testid="require-2fa-toggle"
          >
            <span
              aria-hidden
              className={cn(
                "inline-block size-5 rounded-full bg-white shadow transition-transform",
                on ? "translate-x-5" : "translate-x-0.5",
              )}
            />
          </button>
        </div>
      </div>
      {update.error ? (
        <Alert tone="error" className="mt-4" data-testid="settings-error">
          {errorMessage(update.error)}
        </Alert>
      ) : update.isSuccess ? (
        <Alert tone="success" className="mt-4" data-testid="settings-saved">
          Saved. Two-factor authentication is {on ? "required" : "optional"} for owners, admins and approvers.
        </Alert>
      ) : null}
      {lockoutRisk ? (
        <Alert tone="warning" className="mt-4" data-testid="settings-lockout-warning">
          You have not turned on two-factor authentication yourself. If you require it, you will be blocked here until
          you do.{" "}
          <Link href="/account/security" className="font-medium underline">
            Set it up first
          </Link>
        </Alert>
      ) : null}
    </Card>
  );
}
