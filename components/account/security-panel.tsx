"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { LoadingBlock } from "@/components/ui/spinner";
import { RecoveryCodes } from "./recovery-codes";
import { TwoFactorEnrol } from "./two-factor-enrol";
import { TwoFactorManage } from "./two-factor-manage";

export function SecurityPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.account.me.queryOptions());
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries(trpc.account.me.queryFilter());
  // Org pages read the 2FA state too (the "two-factor required" banner).
  const refreshOrgs = () => queryClient.invalidateQueries(trpc.org.current.queryFilter());

  if (me.isPending) return <LoadingBlock label="Loading your account…" />;
  if (me.isError) {
    return (
      <ErrorState
        title="We could not load your account"
        message={errorMessage(me.error)}
        action={
          <Button variant="secondary" onClick={() => void me.refetch()}>
            Try again
          </Button>
        }
      />
    );
  }

  const account = me.data;
  const showCodes = (codes: string[]) => {
    setNotice(null);
    setFreshCodes(codes);
    void refresh();
    void refreshOrgs();
  };

  return (
    <div className="space-y-5">
      <Card title="Your account">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-500">Name</dt>
          <dd className="text-slate-900" data-testid="account-name">
            {account.name ?? "—"}
          </dd>
          <dt className="text-slate-500">Email</dt>
          <dd className="break-all text-slate-900" data-testid="account-email">
            {account.email}
          </dd>
          <dt className="text-slate-500">Two-factor</dt>
          <dd>
            <Badge tone={account.twoFactorEnabled ? "success" : "warning"} data-testid="2fa-status">
              {account.twoFactorEnabled ? "On" : "Off"}
            </Badge>
          </dd>
        </dl>
      </Card>
      {notice ? (
        <Alert tone="success" data-testid="2fa-notice">
          {notice}
        </Alert>
      ) : null}
      {freshCodes ? (
        <RecoveryCodes codes={freshCodes} onDone={() => setFreshCodes(null)} />
      ) : account.twoFactorEnabled ? (
        <TwoFactorManage
          recoveryCodesLeft={account.recoveryCodesLeft}
          onRegenerated={showCodes}
          onDisabled={() => {
            setNotice("Two-factor authentication is off.");
            void refresh();
            void refreshOrgs();
          }}
        />
      ) : (
        <TwoFactorEnrol onEnabled={showCodes} />
      )}
    </div>
  );
}
