"use client";

import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CodeActionForm } from "./code-action-form";

/** Groups the base32 key in fours so it can be typed; authenticator apps ignore the spaces. */
const groupKey = (key: string) => key.match(/.{1,4}/g)?.join(" ") ?? key;

export function TwoFactorEnrol({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const trpc = useTRPC();
  const begin = useMutation(trpc.account.beginTwoFactor.mutationOptions());
  const confirm = useMutation(
    trpc.account.confirmTwoFactor.mutationOptions({ onSuccess: ({ recoveryCodes }) => onEnabled(recoveryCodes) }),
  );

  if (!begin.data) {
    return (
      <Card title="Two-factor authentication" description="Protect your account with a code from an authenticator app.">
        {begin.error ? (
          <Alert tone="error" className="mb-3" data-testid="2fa-begin-error">
            {errorMessage(begin.error)}
          </Alert>
        ) : null}
        <Button onClick={() => begin.mutate()} loading={begin.isPending} data-testid="2fa-begin">
          Set up two-factor authentication
        </Button>
      </Card>
    );
  }

  const { qrDataUrl, manualKey } = begin.data;
  return (
    <Card
      title="Set up your authenticator"
      description="Scan the QR code with an authenticator app, then enter the code it shows."
    >
      <div className="flex flex-col gap-5 sm:flex-row">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL from the server, nothing to optimise */}
        <img
          src={qrDataUrl}
          alt="QR code to add Handrail to your authenticator app"
          width={180}
          height={180}
          className="size-44 shrink-0 self-center rounded-md border border-slate-200 bg-white p-1 sm:self-start"
          data-testid="2fa-qr"
        />
        <div className="min-w-0 flex-1 space-y-4">
          <div>
            <p className="text-sm text-slate-600">Can&apos;t scan? Enter this key instead:</p>
            <p
              className="mt-1 rounded-md bg-slate-50 px-3 py-2 font-mono text-sm break-all text-slate-900"
              data-testid="2fa-manual-key"
            >
              {groupKey(manualKey)}
            </p>
          </div>
          <CodeActionForm
            id="2fa-confirm"
            buttonLabel="Turn on"
            pending={confirm.isPending}
            error={confirm.error}
            onSubmit={(code) => confirm.mutate({ code })}
          />
        </div>
      </div>
    </Card>
  );
}
