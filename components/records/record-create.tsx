"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { defaultValues, describeFields } from "@/server/records/field-descriptors";
import { RECORD_TYPES, type RecordType } from "@/server/records/record-types";
import { recordPath } from "./record-paths";
import { collectValues, formValuesOf, RecordFormFields } from "./record-form-fields";
import { fieldOfError, type FormValue } from "./record-values";

/** A new record, from a form generated from the record type's schema; opens the record once saved. */
export function RecordCreate({ type, onCancel }: { type: RecordType; onCancel: () => void }) {
  const org = useOrg();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const definition = RECORD_TYPES[type];
  const fields = describeFields(type);
  const initial = useMemo(() => formValuesOf(fields, defaultValues(type)), [fields, type]);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const create = useMutation(
    trpc.records.create.mutationOptions({
      onSuccess: async (record) => {
        await queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() });
        router.push(recordPath(org.slug, type, record.id));
      },
      onError: (error) => {
        const field = fieldOfError(definition.label, fields, error.message);
        if (field) setErrors({ [field]: error.message.slice(error.message.indexOf(":") + 1).trim() });
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const collected = collectValues(fields, values);
    setErrors(collected.errors);
    if (Object.keys(collected.errors).length > 0) return;
    create.mutate({ type, data: collected.data });
  };
  const onChange = (name: string, value: FormValue) => setValues((v) => ({ ...v, [name]: value }));
  const formLevelError = create.isError && !fieldOfError(definition.label, fields, create.error.message);

  return (
    <Card title={`New ${definition.label.toLowerCase()}`} data-testid="record-create">
      <form onSubmit={submit} noValidate className="space-y-4">
        <RecordFormFields
          type={type}
          idPrefix="create"
          fields={fields}
          values={values}
          onChange={onChange}
          errors={errors}
          disabled={create.isPending}
        />
        {formLevelError ? (
          <Alert tone="error" data-testid="record-create-error">
            {errorMessage(create.error)}
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={create.isPending} data-testid="record-create-submit">
            Create {definition.label.toLowerCase()}
          </Button>
          <Button variant="ghost" onClick={onCancel} disabled={create.isPending}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
