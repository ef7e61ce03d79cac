"use client";

import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** What happens to the stored key on save: kept, replaced by a new one, or removed. */
export type KeyDraft = { mode: "keep" } | { mode: "replace"; value: string } | { mode: "clear" };

/** The key is write-only: the page learns only whether one is stored, never its value. */
export function ApiKeyField({
  hasApiKey,
  required,
  draft,
  onChange,
  error,
}: {
  hasApiKey: boolean;
  required: boolean;
  draft: KeyDraft;
  onChange: (draft: KeyDraft) => void;
  error?: string;
}) {
  const input = (
    <Field
      id="ai-api-key"
      label={hasApiKey ? "New API key" : required ? "API key" : "API key (optional)"}
      hint="Stored encrypted. It is never shown again, not even to you."
      error={error}
    >
      <Input
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={draft.mode === "replace" ? draft.value : ""}
        onChange={(e) => onChange({ mode: "replace", value: e.target.value })}
        data-testid="ai-api-key"
      />
    </Field>
  );
  if (!hasApiKey) return input;

  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="ai-key-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-medium text-slate-800">API key</span>
        {draft.mode === "clear" ? (
          <Badge tone="warning" data-testid="ai-key-status">
            Will be removed when you save
          </Badge>
        ) : (
          <Badge tone="success" data-testid="ai-key-status">
            A key is set
          </Badge>
        )}
      </div>
      {draft.mode === "replace" ? input : null}
      <div className="flex flex-wrap gap-2">
        {draft.mode === "keep" ? (
          <>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => onChange({ mode: "replace", value: "" })}
              data-testid="ai-key-replace"
            >
              Replace key
            </Button>
            <Button size="sm" variant="ghost" onClick={() => onChange({ mode: "clear" })} data-testid="ai-key-clear">
              Remove key
            </Button>
          </>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => onChange({ mode: "keep" })} data-testid="ai-key-keep">
            Keep the stored key
          </Button>
        )}
      </div>
    </div>
  );
}
