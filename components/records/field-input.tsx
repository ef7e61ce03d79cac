"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import type { FieldDescriptor } from "@/server/records/field-descriptors";
import { recordTitle } from "@/server/records/record-title";
import type { RecordType } from "@/server/records/record-types";
import type { FormValue } from "./record-values";

const TEXTAREA =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm " +
  "focus:border-brand-500 focus:outline-2 focus:outline-brand-500/30 disabled:bg-slate-100";

type FieldInputProps = {
  idPrefix: string;
  field: FieldDescriptor;
  value: FormValue;
  onChange: (value: FormValue) => void;
  error?: string | null;
  /** The record type this field points to, when it holds another record's id. */
  reference: RecordType | null;
  /** The name of the record the current value points to, shown before the options load. */
  referenceTitle?: string;
  disabled?: boolean;
};

function hintFor(field: FieldDescriptor): string | undefined {
  if (field.kind === "list") return "Separate values with commas.";
  if (field.kind === "json") return "JSON, e.g. a list of line items.";
  const bounded = field.minimum !== null && field.maximum !== null && field.maximum <= 1_000_000;
  if ((field.kind === "number" || field.kind === "integer") && bounded) {
    return `From ${field.minimum} to ${field.maximum}.`;
  }
  return undefined;
}

/** The control for one field, chosen from what the record type's schema says the field is. */
export function FieldInput({
  idPrefix,
  field,
  value,
  onChange,
  error,
  reference,
  referenceTitle,
  disabled,
}: FieldInputProps) {
  const id = `${idPrefix}-${field.name}`;
  const text = typeof value === "string" ? value : "";
  const testId = `field-${field.name}`;
  const label = (
    <>
      {field.label}
      {field.required ? <span className="text-red-700"> *</span> : null}
    </>
  );

  if (field.kind === "boolean") {
    return (
      <div className="space-y-1.5 sm:pt-7">
        <Checkbox
          id={id}
          label={field.label}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
          disabled={disabled}
          data-testid={testId}
        />
        {error ? <p className="text-sm text-red-700">{error}</p> : null}
      </div>
    );
  }
  if (reference) {
    return (
      <Field id={id} label={label} error={error}>
        <ReferenceSelect
          type={reference}
          field={field}
          value={text}
          title={referenceTitle}
          onChange={onChange}
          disabled={disabled}
        />
      </Field>
    );
  }
  if (field.kind === "enum") {
    return (
      <Field id={id} label={label} error={error}>
        <Select value={text} onChange={(e) => onChange(e.target.value)} disabled={disabled} data-testid={testId}>
          {field.nullable || text === "" ? <option value="">—</option> : null}
          {field.options.map((o) => (
            <option key={o} value={o}>
              {o.replace(/_/g, " ")}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  if (field.kind === "longtext" || field.kind === "json") {
    return (
      <Field id={id} label={label} hint={hintFor(field)} error={error}>
        <textarea
          className={cn(
            TEXTAREA,
            field.kind === "json" ? "font-mono text-xs" : undefined,
            error ? "border-red-400" : "",
          )}
          rows={field.kind === "json" ? 6 : 4}
          value={text}
          maxLength={field.maxLength ?? undefined}
          onChange={(e) => onChange(e.target.value)}
          disabled={disabled}
          data-testid={testId}
        />
      </Field>
    );
  }
  const inputType =
    field.kind === "number" || field.kind === "integer"
      ? "number"
      : field.kind === "date"
        ? "date"
        : field.kind === "datetime"
          ? "datetime-local"
          : field.kind === "email"
            ? "email"
            : field.kind === "url"
              ? "url"
              : "text";
  return (
    <Field id={id} label={label} hint={hintFor(field)} error={error}>
      <Input
        type={inputType}
        value={text}
        step={field.kind === "integer" ? 1 : field.kind === "number" ? "any" : undefined}
        maxLength={field.maxLength ?? undefined}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        data-testid={testId}
      />
    </Field>
  );
}

/** Picks the record a reference points to, by name (the first hundred of that type). */
function ReferenceSelect({
  type,
  field,
  value,
  title,
  onChange,
  disabled,
  ...rest
}: {
  type: RecordType;
  field: FieldDescriptor;
  value: string;
  title?: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  id?: string;
}) {
  const trpc = useTRPC();
  const options = useQuery(trpc.records.list.queryOptions({ type, limit: 100 }));
  const records = options.data?.records ?? [];
  const known = records.some((r) => r.id === value);
  return (
    <Select
      {...rest}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      disabled={disabled}
      aria-busy={options.isPending || undefined}
      data-testid={`field-${field.name}`}
    >
      <option value="">—</option>
      {value && !known ? <option value={value}>{title ?? value}</option> : null}
      {records.map((r) => (
        <option key={r.id} value={r.id}>
          {recordTitle(type, r.id, r.data)}
        </option>
      ))}
    </Select>
  );
}
