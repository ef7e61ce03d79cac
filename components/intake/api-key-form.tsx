"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage, fieldErrors } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { API_KEY_SCOPES, type ApiKeyScope } from "@/server/intake/intake.schemas";
import { CopyValue } from "./code-block";

const EXPIRIES = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
];

const SCOPE_LABELS: Record<ApiKeyScope, string> = {
  "intake:write": "Send items (intake:write)",
  "intake:read": "Read item status (intake:read)",
};

export function ApiKeyForm({ workflowId }: { workflowId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["intake:write"]);
  const [expiry, setExpiry] = useState("90");
  const [orgWide, setOrgWide] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(
    trpc.intake.createApiKey.mutationOptions({
      onSuccess: async (data) => {
        setCreated(data.key);
        setName("");
        await queryClient.invalidateQueries(trpc.intake.apiKeys.queryFilter());
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    create.mutate({
      workflowId: orgWide ? null : workflowId,
      name,
      scopes,
      expiresInDays: expiry === "never" ? null : Number(expiry),
    });
  }

  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((current) => (on ? [...new Set([...current, scope])] : current.filter((s) => s !== scope)));
  const fields = fieldErrors(create.error);
  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="api-key-form">
      {created ? (
        <Alert tone="warning" title="Copy the API key now" data-testid="api-key-once">
          <p className="mb-2">It is shown only this once; only its hash is stored.</p>
          <CopyValue value={created} testId="api-key-value" />
        </Alert>
      ) : null}
      {create.error && !fields.name ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <Field id="api-key-name" label="Name" hint="Say who uses it, e.g. “CRM sync”." error={fields.name}>
          <Input value={name} onChange={(e) => setName(e.target.value)} data-testid="api-key-name" />
        </Field>
        <Field id="api-key-expiry" label="Expires after">
          <Select value={expiry} onChange={(e) => setExpiry(e.target.value)} data-testid="api-key-expiry">
            {EXPIRIES.map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Scopes</legend>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          {API_KEY_SCOPES.map((scope) => (
            <Checkbox
              key={scope}
              label={SCOPE_LABELS[scope]}
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
              data-testid={`api-key-scope-${scope}`}
            />
          ))}
        </div>
        {fields.scopes ? <p className="text-sm text-red-700">{fields.scopes}</p> : null}
      </fieldset>
      <Checkbox
        label="Any workflow in this organisation (the request names the workflow)"
        checked={orgWide}
        onChange={(e) => setOrgWide(e.target.checked)}
        data-testid="api-key-org-wide"
      />
      <Button type="submit" loading={create.isPending} data-testid="api-key-create">
        Create API key
      </Button>
    </form>
  );
}
