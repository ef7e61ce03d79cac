"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SUPPRESSION_LISTS } from "@/server/governance/policy.schemas";
import {
  MAX_SUPPRESSION_BATCH,
  splitPastedEntries,
  ZSuppressionValue,
} from "@/server/records/governance-settings.schemas";
import { LIST_LABELS } from "./rule-labels";

type SuppressionList = (typeof SUPPRESSION_LISTS)[number];

/** Adds one entry or a pasted batch (one per line, or separated by commas or spaces). */
export function SuppressionAddForm({ list }: { list: SuppressionList }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const add = useMutation(
    trpc.records.suppression.add.mutationOptions({
      onSuccess: async () => {
        setText("");
        setNote("");
        await queryClient.invalidateQueries({ queryKey: trpc.records.suppression.pathKey() });
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.reset();
    const values = splitPastedEntries(text);
    if (values.length === 0) return setProblem("Enter at least one email, domain or account id.");
    if (values.length > MAX_SUPPRESSION_BATCH) return setProblem(`At most ${MAX_SUPPRESSION_BATCH} entries at a time.`);
    const invalid = values.filter((v) => !ZSuppressionValue.safeParse(v).success);
    if (invalid.length > 0) return setProblem(`Not valid: ${invalid.slice(0, 3).join(", ")}`);
    setProblem(null);
    add.mutate({ list, values, note: note.trim() || undefined });
  };
  const count = splitPastedEntries(text).length;

  return (
    <form onSubmit={submit} noValidate className="space-y-3" data-testid="suppression-add">
      <Field
        id="suppression-values"
        label={`Add to ${LIST_LABELS[list].label.toLowerCase()}`}
        hint="Emails, domains or account ids; paste many at once, one per line."
        error={problem}
      >
        <textarea
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm focus:border-brand-500 focus:outline-2 focus:outline-brand-500/30"
          data-testid="suppression-values"
        />
      </Field>
      <Field id="suppression-note" label="Note (optional)">
        <Input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} data-testid="suppression-note" />
      </Field>
      <Button type="submit" loading={add.isPending} data-testid="suppression-add-submit">
        {count > 1 ? `Add ${count} entries` : "Add"}
      </Button>
      {add.isSuccess ? (
        <Alert tone="success" data-testid="suppression-added">
          Added {add.data.added}
          {add.data.alreadyListed > 0 ? `; ${add.data.alreadyListed} already on the list` : ""}.
        </Alert>
      ) : null}
      {add.isError ? <Alert tone="error">{errorMessage(add.error)}</Alert> : null}
    </form>
  );
}
