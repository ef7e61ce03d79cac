"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorCode, errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describeFields } from "@/server/records/field-descriptors";
import { RECORD_TYPES, type RecordType } from "@/server/records/record-types";
import { collectValues, formValuesOf, RecordFormFields } from "./record-form-fields";
import { fieldOfError, type FormValue } from "./record-values";

type Base = { data: Record<string, unknown>; version: number };

/**
 * Edits a record. The edit is based on the version shown; if someone else saved in between, the
 * server refuses it and nothing of either change is lost: their change is kept, and loading it
 * keeps every field you edited as you typed it, ready to save again.
 */
export function RecordEditor({
  type,
  id,
  record,
  references,
  onDone,
}: {
  type: RecordType;
  id: string;
  record: Base;
  references: Record<string, { title: string }>;
  onDone: (changed: string[]) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const definition = RECORD_TYPES[type];
  const fields = describeFields(type);
  const [base, setBase] = useState<Base>(record);
  const [values, setValues] = useState(() => formValuesOf(fields, record.data));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  const update = useMutation(
    trpc.records.update.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() });
        onDone(result.changed);
      },
      onError: (error) => {
        if (errorCode(error) === "CONFLICT") return setConflict(error.message);
        const field = fieldOfError(definition.label, fields, error.message);
        if (field) setErrors({ [field]: error.message.slice(error.message.indexOf(":") + 1).trim() });
      },
    }),
  );
  const reload = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...trpc.records.get.queryOptions({ type, id }), staleTime: 0 }),
    onSuccess: ({ record: latest }) => {
      const mine = collectValues(fields, values, base.data).data;
      const theirs = fields.filter((f) => JSON.stringify(base.data[f.name]) !== JSON.stringify(latest.data[f.name]));
      const next = formValuesOf(fields, latest.data);
      for (const name of Object.keys(mine)) next[name] = values[name]!;
      setBase({ data: latest.data, version: latest.version });
      setValues(next);
      setConflict(null);
      update.reset();
      setNotice(
        theirs.length > 0
          ? `Loaded their changes to ${theirs.map((f) => f.label).join(", ")}. Your edits are kept; check them and save again.`
          : "Loaded the latest version. Your edits are kept; save again.",
      );
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const collected = collectValues(fields, values, base.data);
    setErrors(collected.errors);
    setNotice(null);
    if (Object.keys(collected.errors).length > 0) return;
    if (Object.keys(collected.data).length === 0) return setNotice("Nothing has changed.");
    update.mutate({ type, id, version: base.version, changes: collected.data });
  };
  const onChange = (name: string, value: FormValue) => setValues((v) => ({ ...v, [name]: value }));
  const otherError =
    update.isError && !conflict && !fieldOfError(definition.label, fields, update.error.message)
      ? errorMessage(update.error)
      : null;

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="record-editor">
      <RecordFormFields
        type={type}
        idPrefix="edit"
        fields={fields}
        values={values}
        onChange={onChange}
        errors={errors}
        references={references}
        disabled={update.isPending}
      />
      {conflict ? (
        <Alert tone="warning" title="Someone else changed this record" data-testid="record-conflict">
          <p>{conflict}</p>
          <Button
            variant="secondary"
            size="sm"
            className="mt-2"
            loading={reload.isPending}
            onClick={() => reload.mutate()}
            data-testid="record-conflict-reload"
          >
            Load their changes, keep my edits
          </Button>
        </Alert>
      ) : null}
      {reload.isError ? <Alert tone="error">{errorMessage(reload.error)}</Alert> : null}
      {notice ? (
        <Alert tone="info" data-testid="record-editor-notice">
          {notice}
        </Alert>
      ) : null}
      {otherError ? (
        <Alert tone="error" data-testid="record-editor-error">
          {otherError}
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={update.isPending} disabled={Boolean(conflict)} data-testid="record-save">
          Save changes
        </Button>
        <Button variant="ghost" onClick={() => onDone([])} disabled={update.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
