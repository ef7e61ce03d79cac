"use client";

import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Re-computes the hash chain on the server and reports what does not line up. */
export function VerifyIntegrity() {
  const trpc = useTRPC();
  const verify = useMutation(trpc.audit.verify.mutationOptions());
  const result = verify.data;

  return (
    <div className="space-y-3">
      <Button variant="secondary" onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
        Verify integrity
      </Button>
      {verify.error ? (
        <Alert tone="error" data-testid="audit-verify-result" data-ok="false">
          {errorMessage(verify.error)}
        </Alert>
      ) : result?.ok ? (
        <Alert tone="success" title="Integrity verified" data-testid="audit-verify-result" data-ok="true">
          {result.checked} {result.checked === 1 ? "entry" : "entries"} checked; the chain is intact.
        </Alert>
      ) : result ? (
        <Alert tone="error" title="Integrity problems found" data-testid="audit-verify-result" data-ok="false">
          <p>
            {result.checked} entries checked, {result.problems.length}{" "}
            {result.problems.length === 1 ? "problem" : "problems"}:
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {result.problems.map((p) => (
              <li key={`${p.seq}-${p.kind}`} data-testid="audit-verify-problem">
                Entry #{p.seq}: {p.kind.replace(/_/g, " ")} — {p.detail}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}
