"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/lib/trpc-errors";
import { formatDateTime } from "@/components/lib/format";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CodeBlock, CopyValue } from "./code-block";
import { curlEmailExample, curlExample, SAMPLE_PAYLOADS } from "./samples";
import type { IntakeSetup } from "./types";

/** The signing secret, once: it is stored encrypted and never shown again. */
function SecretOnce({ secret }: { secret: string }) {
  return (
    <Alert tone="warning" title="Copy the signing secret now" data-testid="webhook-secret-once">
      <p className="mb-2">It is shown only this once. Store it where your sender keeps secrets.</p>
      <CopyValue value={secret} testId="webhook-secret" />
    </Alert>
  );
}

export function EndpointCard({ setup, canManage }: { setup: IntakeSetup; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const rotate = useMutation(
    trpc.intake.rotateSecret.mutationOptions({
      onSuccess: async (data) => {
        setSecret(data.secret);
        await queryClient.invalidateQueries(trpc.intake.setup.queryFilter());
      },
    }),
  );
  const { endpoint, appUrl, workflow, kinds } = setup;
  const webhookUrl = endpoint ? `${appUrl}/api/intake/${endpoint.id}/webhook` : null;
  const emailUrl = endpoint ? `${appUrl}/api/intake/${endpoint.id}/email` : null;
  const sample = JSON.stringify(SAMPLE_PAYLOADS[kinds[0] ?? "lead"]);

  return (
    <Card
      title="Signed webhook"
      description="Systems that can sign requests post JSON items here. Each delivery is signed with this workflow's secret."
      actions={
        canManage ? (
          <Button
            variant={endpoint ? "secondary" : "primary"}
            size="sm"
            loading={rotate.isPending}
            onClick={() => rotate.mutate({ workflowId: workflow.id })}
            data-testid="rotate-secret"
          >
            {endpoint ? "Rotate secret" : "Create signing secret"}
          </Button>
        ) : null
      }
      data-testid="endpoint-card"
    >
      <div className="space-y-4">
        {rotate.error ? <Alert tone="error">{errorMessage(rotate.error)}</Alert> : null}
        {secret ? <SecretOnce secret={secret} /> : null}
        {!endpoint || !webhookUrl || !emailUrl ? (
          <p className="text-sm text-slate-600" data-testid="endpoint-missing">
            {canManage
              ? "No endpoint yet. Create a signing secret to get this workflow's webhook and email addresses."
              : "No endpoint yet. Someone who manages intake can create one."}
          </p>
        ) : (
          <>
            <div className="space-y-1.5">
              <p className="text-sm font-medium text-slate-800">Webhook URL</p>
              <CopyValue value={webhookUrl} testId="webhook-url" />
              <p className="text-xs text-slate-500">
                {endpoint.rotatedAt
                  ? `Secret rotated ${formatDateTime(endpoint.rotatedAt)}.`
                  : `Created ${formatDateTime(endpoint.createdAt)}.`}{" "}
                Rotating replaces the secret at once; the old one stops working.
              </p>
            </div>
            <div className="space-y-2 text-sm text-slate-700">
              <p className="font-medium text-slate-800">How to sign</p>
              <p>
                Send <code className="text-xs">Handrail-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>, where
                v1 is HMAC-SHA256 of <code className="text-xs">&lt;t&gt;.&lt;raw body&gt;</code> with the secret.
                Deliveries older than 5 minutes, or seen before, are refused (401): sign each attempt anew. Bodies up to
                1 MB; a repeated <code className="text-xs">source_id</code> starts no second run.
              </p>
            </div>
            <CodeBlock
              label="Example (curl)"
              code={curlExample(webhookUrl, sample)}
              testId="webhook-curl"
              copyLabel="Copy"
            />
            <div className="space-y-2 border-t border-slate-100 pt-4 text-sm text-slate-700" data-testid="email-intake">
              <p className="font-medium text-slate-800">Email intake</p>
              <p>
                Forward raw messages (RFC 822, up to 10 MB) from your mail relay, signed the same way.{" "}
                {kinds.includes("invoice")
                  ? "The first PDF attachment's text becomes the invoice; the file is kept."
                  : kinds.includes("ticket")
                    ? "Sender, subject and text become a ticket; attachments are kept."
                    : "The sender and text become the item; attachments are kept."}{" "}
                The Message-ID makes a repeat a duplicate.
              </p>
              <CopyValue value={emailUrl} testId="email-url" />
              <CodeBlock code={curlEmailExample(emailUrl)} />
            </div>
          </>
        )}
      </div>
    </Card>
  );
}
