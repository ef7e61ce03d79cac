"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { Card } from "@/components/ui/card";
import { CodeActionForm } from "./code-action-form";

type TwoFactorManageProps = {
  recoveryCodesLeft: number;
  onRegenerated: (codes: string[]) => void;
  onDisabled: () => void;
};

export function TwoFactorManage({ recoveryCodesLeft, onRegenerated, onDisabled }: TwoFactorManageProps) {
  const trpc = useTRPC();
  const regenerate = useMutation(
    trpc.account.regenerateRecoveryCodes.mutationOptions({
      onSuccess: ({ recoveryCodes }) => onRegenerated(recoveryCodes),
    }),
  );
  const disable = useMutation(trpc.account.disableTwoFactor.mutationOptions({ onSuccess: onDisabled }));

  return (
    <>
      <Card
        title="Recovery codes"
        description={
          <span data-testid="recovery-codes-left">
            {recoveryCodesLeft === 1
              ? "1 unused recovery code left."
              : `${recoveryCodesLeft} unused recovery codes left.`}{" "}
            New codes replace all the old ones.
          </span>
        }
      >
        <CodeActionForm
          id="2fa-regenerate"
          buttonLabel="Make new codes"
          variant="secondary"
          pending={regenerate.isPending}
          error={regenerate.error}
          onSubmit={(code) => regenerate.mutate({ code })}
        />
      </Card>
      <Card
        title="Turn off two-factor authentication"
        description="Organisations that require it will block privileged actions."
      >
        <CodeActionForm
          id="2fa-disable"
          buttonLabel="Turn off"
          variant="danger"
          pending={disable.isPending}
          error={disable.error}
          onSubmit={(code) => disable.mutate({ code })}
        />
      </Card>
    </>
  );
}
