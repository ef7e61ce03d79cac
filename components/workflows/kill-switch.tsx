"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { can } from "@/server/auth/permissions";

/** Pause (cancels running and waiting runs, holds new items) and resume (replays what was held). */
export function KillSwitch({ workflowId, paused }: { workflowId: string; paused: boolean }) {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const invalidate = () => queryClient.invalidateQueries(trpc.workflow.pathFilter());
  const pause = useMutation(
    trpc.workflow.pause.mutationOptions({ onSuccess: () => setConfirming(false), onSettled: invalidate }),
  );
  const resume = useMutation(trpc.workflow.resume.mutationOptions({ onSettled: invalidate }));
  if (!can(org.role, "governance.killSwitch")) return null;
  const error = pause.error ?? resume.error;

  return (
    <div className="space-y-2" data-testid="kill-switch">
      {paused ? (
        <Button onClick={() => resume.mutate({ workflowId })} loading={resume.isPending} data-testid="workflow-resume">
          Resume
        </Button>
      ) : confirming ? (
        <div className="rounded-md border border-red-200 bg-red-50 p-3">
          <p className="text-sm text-slate-800">
            Pausing cancels running and waiting runs and their pending approvals. New items are kept and run when you
            resume.
          </p>
          <div className="mt-3 flex gap-2">
            <Button
              variant="danger"
              onClick={() => pause.mutate({ workflowId })}
              loading={pause.isPending}
              data-testid="workflow-pause-confirm"
            >
              Pause now
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="danger" onClick={() => setConfirming(true)} data-testid="workflow-pause">
          Pause
        </Button>
      )}
      {resume.data ? (
        <p className="text-xs text-slate-600" data-testid="workflow-resumed">
          Resumed; {resume.data.replayed} held item{resume.data.replayed === 1 ? "" : "s"} replayed.
        </p>
      ) : null}
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
    </div>
  );
}
