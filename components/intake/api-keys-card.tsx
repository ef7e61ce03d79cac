"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatDate, formatDateTime } from "@/components/lib/format";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LoadingBlock } from "@/components/ui/spinner";
import { ApiKeyForm } from "./api-key-form";
import { CodeBlock } from "./code-block";
import { apiKeyExample } from "./samples";
import type { ApiKeyRow } from "./types";

function keyState(key: ApiKeyRow): { label: string; tone: "success" | "neutral" | "danger" } {
  if (key.revokedAt) return { label: "Revoked", tone: "danger" };
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) return { label: "Expired", tone: "neutral" };
  return { label: "Active", tone: "success" };
}

function KeyRow({ apiKey, onRevoke, revoking }: { apiKey: ApiKeyRow; onRevoke: () => void; revoking: boolean }) {
  const state = keyState(apiKey);
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="api-key-row">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
          {apiKey.name}
          <Badge tone={state.tone}>{state.label}</Badge>
          {apiKey.workflowId ? null : <Badge tone="brand">All workflows</Badge>}
        </p>
        <p className="text-xs break-all text-slate-500">
          <code>{apiKey.prefix}…</code> · {apiKey.scopes.join(", ")} ·{" "}
          {apiKey.expiresAt ? `expires ${formatDate(apiKey.expiresAt)}` : "no expiry"} ·{" "}
          {apiKey.lastUsedAt ? `last used ${formatDateTime(apiKey.lastUsedAt)}` : "never used"}
        </p>
      </div>
      {apiKey.revokedAt ? null : (
        <Button variant="danger" size="sm" loading={revoking} onClick={onRevoke} data-testid="api-key-revoke">
          Revoke
        </Button>
      )}
    </li>
  );
}

export function ApiKeysCard({ workflowId, appUrl, sample }: { workflowId: string; appUrl: string; sample: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.intake.apiKeys.queryOptions({ workflowId }));
  const revoke = useMutation(
    trpc.intake.revokeApiKey.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.intake.apiKeys.queryFilter()),
    }),
  );
  const url = `${appUrl}/api/intake/v1/items`;
  return (
    <Card
      title="API keys"
      description="For systems that cannot sign requests: send items with a bearer key, scoped and expiring."
      data-testid="api-keys-card"
    >
      <div className="space-y-5">
        {keys.isPending ? (
          <LoadingBlock label="Loading keys…" testId="api-keys-loading" />
        ) : keys.isError ? (
          <Alert tone="error">{errorMessage(keys.error)}</Alert>
        ) : keys.data.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="api-keys-empty">
            No API keys yet.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="api-key-list">
            {keys.data.map((k) => (
              <KeyRow
                key={k.id}
                apiKey={k}
                revoking={revoke.isPending && revoke.variables.apiKeyId === k.id}
                onRevoke={() => revoke.mutate({ apiKeyId: k.id })}
              />
            ))}
          </ul>
        )}
        {revoke.error ? <Alert tone="error">{errorMessage(revoke.error)}</Alert> : null}
        <div className="border-t border-slate-100 pt-4">
          <ApiKeyForm workflowId={workflowId} />
        </div>
        <CodeBlock label="Example (curl)" code={apiKeyExample(url, sample)} copyLabel="Copy" />
      </div>
    </Card>
  );
}
