"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage, fieldErrors } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { ZUpdateAiSettingsRequest, type AiSettingsView } from "@/server/ai/ai.schemas";
import {
  AI_PROVIDER_KINDS,
  DEFAULT_MODELS,
  KEY_REQUIRED,
  PROVIDER_LABELS,
  SUGGESTED_MODELS,
  type AiProviderKind,
} from "@/server/ai/providers/provider-kinds";
import { ApiKeyField, type KeyDraft } from "./api-key-field";
import { ConnectionTest } from "./connection-test";
import { formIssues, NO_ISSUES, type FormIssues } from "./form-issues";
import { RedactionSwitch } from "./redaction-switch";

type Draft = { provider: AiProviderKind; model: string; baseUrl: string; key: KeyDraft; redactPii: boolean };

const fromView = (view: AiSettingsView): Draft => ({
  provider: view.provider,
  model: view.model ?? "",
  baseUrl: view.baseUrl ?? "",
  key: { mode: "keep" },
  redactPii: view.redactPii,
});

/** Typing nothing where no key is stored changes nothing. */
const keyUnchanged = (key: KeyDraft, hasApiKey: boolean) =>
  key.mode === "keep" || (key.mode === "replace" && !hasApiKey && !key.value.trim());

const sameAs = (a: Draft, b: Draft, hasApiKey: boolean) =>
  a.provider === b.provider &&
  a.model.trim() === b.model.trim() &&
  a.baseUrl.trim() === b.baseUrl.trim() &&
  keyUnchanged(a.key, hasApiKey) &&
  a.redactPii === b.redactPii;

function toRequest(draft: Draft, hasApiKey: boolean) {
  const apiKey =
    draft.key.mode === "clear"
      ? null
      : draft.key.mode === "replace" && (hasApiKey || draft.key.value.trim())
        ? draft.key.value
        : undefined;
  return {
    provider: draft.provider,
    model: draft.model.trim() || null,
    baseUrl: draft.provider === "openai_compatible" ? draft.baseUrl.trim() || null : null,
    ...(apiKey !== undefined ? { apiKey } : {}),
    redactPii: draft.redactPii,
  };
}

export function ProviderForm({ view }: { view: AiSettingsView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => fromView(view));
  const [issues, setIssues] = useState<FormIssues>(NO_ISSUES);
  const save = useMutation(
    trpc.ai.updateSettings.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.ai.settings.queryKey(), saved);
        setDraft(fromView(saved));
      },
    }),
  );
  const saved = fromView(view);
  const unsaved = !sameAs(draft, saved, view.hasApiKey);
  const update = (patch: Partial<Draft>) => {
    save.reset();
    setIssues(NO_ISSUES);
    setDraft((d) => ({ ...d, ...patch }));
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZUpdateAiSettingsRequest.safeParse(toRequest(draft, view.hasApiKey));
    if (!parsed.success) return setIssues(formIssues(parsed.error));
    setIssues(NO_ISSUES);
    save.mutate(parsed.data);
  }

  const server = fieldErrors(save.error);
  const errors = { ...server, ...issues.fields };
  const external = draft.provider !== "embedded";
  const missingKey = KEY_REQUIRED[draft.provider] && !view.hasApiKey && draft.key.mode !== "replace";
  return (
    <form onSubmit={submit} noValidate data-testid="ai-provider-form">
      <fieldset disabled={save.isPending} className="space-y-4">
        {save.error && !Object.values(server).some(Boolean) ? (
          <Alert tone="error" data-testid="ai-settings-error">
            {errorMessage(save.error)}
          </Alert>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="ai-provider" label="Provider">
            <Select
              value={draft.provider}
              onChange={(e) => update({ provider: e.target.value as AiProviderKind, model: "" })}
              data-testid="ai-provider"
            >
              {AI_PROVIDER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {PROVIDER_LABELS[kind]}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            id="ai-model"
            label="Model"
            hint={`Empty uses ${DEFAULT_MODELS[draft.provider]}.`}
            error={errors.model}
          >
            <Input
              list="ai-model-suggestions"
              autoComplete="off"
              spellCheck={false}
              placeholder={DEFAULT_MODELS[draft.provider]}
              value={draft.model}
              disabled={!external}
              onChange={(e) => update({ model: e.target.value })}
              data-testid="ai-model"
            />
          </Field>
          <datalist id="ai-model-suggestions">
            {SUGGESTED_MODELS[draft.provider].map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </div>
        {draft.provider === "openai_compatible" ? (
          <Field
            id="ai-base-url"
            label="Base URL"
            hint="The endpoint's OpenAI-compatible API, e.g. http://localhost:11434/v1 for Ollama."
            error={errors.baseUrl}
          >
            <Input
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="http://localhost:11434/v1"
              value={draft.baseUrl}
              onChange={(e) => update({ baseUrl: e.target.value })}
              data-testid="ai-base-url"
            />
          </Field>
        ) : null}
        {external ? (
          <ApiKeyField
            hasApiKey={view.hasApiKey}
            required={KEY_REQUIRED[draft.provider]}
            draft={draft.key}
            onChange={(key) => update({ key })}
            error={errors.apiKey}
          />
        ) : (
          <p className="text-sm text-slate-600" data-testid="ai-embedded-note">
            The embedded model runs inside Handrail: no key, no network, nothing leaves this installation.
            {view.hasApiKey ? " A key stored for another provider is kept until you remove it." : null}
          </p>
        )}
        {missingKey ? (
          <Alert tone="warning" data-testid="ai-key-missing">
            {PROVIDER_LABELS[draft.provider]} needs an API key: its calls will fail until you add one.
          </Alert>
        ) : null}
        <RedactionSwitch on={draft.redactPii} external={external} onChange={(redactPii) => update({ redactPii })} />
        {issues.form ? <Alert tone="error">{issues.form}</Alert> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" loading={save.isPending} disabled={!unsaved} data-testid="ai-settings-save">
            Save
          </Button>
          {save.isSuccess && !unsaved ? (
            <Alert tone="success" className="py-1.5" data-testid="ai-settings-saved">
              Saved.
            </Alert>
          ) : null}
        </div>
        <ConnectionTest unsaved={unsaved} />
      </fieldset>
    </form>
  );
}
