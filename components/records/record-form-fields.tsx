"use client";

import type { FieldDescriptor } from "@/server/records/field-descriptors";
import { referencedType, type RecordType } from "@/server/records/record-types";
import { FieldInput } from "./field-input";
import { fromFormValue, toFormValue, type FormValue, type FormValues } from "./record-values";

/** Values as they come back from JSON (absent and null are the same). */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function formValuesOf(fields: readonly FieldDescriptor[], data: Record<string, unknown>): FormValues {
  return Object.fromEntries(fields.map((f) => [f.name, toFormValue(f, data[f.name])]));
}

/**
 * The values the form holds, parsed; with `original`, only the fields whose value changed.
 * A field that cannot be parsed (e.g. a number that is not one) is reported instead.
 */
export function collectValues(
  fields: readonly FieldDescriptor[],
  values: FormValues,
  original?: Record<string, unknown>,
): { data: Record<string, unknown>; errors: Record<string, string> } {
  const data: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined) continue;
    if (original && value === toFormValue(field, original[field.name])) continue;
    const parsed = fromFormValue(field, value);
    if (!parsed.ok) errors[field.name] = parsed.error;
    else if (!original || !sameValue(parsed.value, original[field.name])) data[field.name] = parsed.value;
  }
  return { data, errors };
}

type RecordFormFieldsProps = {
  type: RecordType;
  idPrefix: string;
  fields: readonly FieldDescriptor[];
  values: FormValues;
  onChange: (name: string, value: FormValue) => void;
  errors: Record<string, string | undefined>;
  /** Names of the records the current values point to. */
  references?: Record<string, { title: string }>;
  disabled?: boolean;
};

/** Every field of a record type as a form control, laid out two columns wide from small screens up. */
export function RecordFormFields({
  type,
  idPrefix,
  fields,
  values,
  onChange,
  errors,
  references,
  disabled,
}: RecordFormFieldsProps) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {fields.map((field) => {
        const wide = field.kind === "longtext" || field.kind === "json";
        return (
          <div key={field.name} className={wide ? "sm:col-span-2" : undefined}>
            <FieldInput
              idPrefix={idPrefix}
              field={field}
              value={values[field.name] ?? ""}
              onChange={(v) => onChange(field.name, v)}
              error={errors[field.name]}
              reference={referencedType(type, field.name, values)}
              referenceTitle={
                typeof values[field.name] === "string" ? references?.[values[field.name] as string]?.title : undefined
              }
              disabled={disabled}
            />
          </div>
        );
      })}
    </div>
  );
}
