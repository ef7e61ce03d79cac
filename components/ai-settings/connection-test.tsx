"use client";

import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const TITLES = {
  connected: "Connected",
  provider_error: "The provider could not be reached",
  invalid_answer: "The provider answered, but not in the expected form",
} as const;

/** One real call through the saved provider; its own error is shown as it came back. */
export function ConnectionTest({ unsaved }: { unsaved: boolean }) {
  const trpc = useTRPC();
  const test = useMutation(trpc.ai.testConnection.mutationOptions());
  const result = test.data;
  return (
    <div className="space-y-3 border-t border-slate-100 pt-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          loading={test.isPending}
          disabled={unsaved}
          onClick={() => test.mutate()}
          aria-describedby="ai-test-hint"
          data-testid="ai-test-connection"
        >
          Test connection
        </Button>
        <p id="ai-test-hint" className="text-sm text-slate-500">
          {unsaved ? "Save your changes first: the test uses the saved settings." : "Sends one short test question."}
        </p>
      </div>
      {test.isPending ? null : test.error ? (
        <Alert tone="error" data-testid="ai-test-result" data-ok="false">
          {errorMessage(test.error)}
        </Alert>
      ) : result ? (
        <Alert
          tone={result.ok ? "success" : "error"}
          title={TITLES[result.outcome]}
          data-testid="ai-test-result"
          data-ok={String(result.ok)}
        >
          <p className="break-words" data-testid="ai-test-message">
            {result.message}
          </p>
          <p className="mt-1 text-xs opacity-80">
            {result.provider} · {result.modelId || "no model"} · {result.latencyMs} ms
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
