"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { blankFor, labelFor, typeOf, unwrap, type JsonSchema } from "./json-schema";

type Value = unknown;
type Props = { schema: JsonSchema; value: Value; onChange: (value: Value) => void; path: string[] };

const idOf = (path: string[]) => `setting-${path.join("-")}`;

/**
 * A form generated from a template's settings schema (JSON Schema from zod): objects become
 * fieldsets, arrays of objects become rows you can add and remove, lists of words become a
 * comma-separated field, enums a select, booleans a checkbox. The server validates again.
 */
export function SettingsForm({
  schema,
  value,
  onChange,
}: {
  schema: JsonSchema;
  value: Record<string, unknown>;
  onChange: (v: Record<string, unknown>) => void;
}) {
  return (
    <ObjectFields schema={schema} value={value} onChange={(v) => onChange(v as Record<string, unknown>)} path={[]} />
  );
}

function ObjectFields({ schema, value, onChange, path }: Props) {
  const object = (value ?? {}) as Record<string, unknown>;
  return (
    <div className="space-y-4">
      {Object.entries(schema.properties ?? {}).map(([key, child]) => (
        <SettingField
          key={key}
          name={key}
          schema={child}
          value={object[key]}
          path={[...path, key]}
          onChange={(v) => onChange({ ...object, [key]: v })}
        />
      ))}
    </div>
  );
}

function SettingField({ name, ...props }: Props & { name: string }) {
  const { schema, nullable } = unwrap(props.schema);
  const { value, onChange, path } = props;
  const id = idOf(path);
  const label = labelFor(name, schema);
  const type = typeOf(schema);

  if (type === "object") {
    return (
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{label}</legend>
        {schema.description ? <p className="mb-2 text-xs text-slate-500">{schema.description}</p> : null}
        <ObjectFields schema={schema} value={value} onChange={onChange} path={path} />
      </fieldset>
    );
  }
  if (type === "array" && schema.items && typeOf(unwrap(schema.items).schema) === "object") {
    return <RowsField label={label} schema={schema} value={value} onChange={onChange} path={path} />;
  }
  if (type === "array") {
    const items = unwrap(schema.items ?? {}).schema;
    const list = Array.isArray(value) ? (value as unknown[]) : [];
    if (items.enum) {
      return (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{label}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {items.enum.map((option) => (
              <Checkbox
                key={String(option)}
                label={String(option)}
                checked={list.includes(option)}
                onChange={(e) => onChange(e.target.checked ? [...list, option] : list.filter((o) => o !== option))}
                data-testid={`${id}-${String(option)}`}
              />
            ))}
          </div>
        </fieldset>
      );
    }
    return (
      <Field id={id} label={label} hint={schema.description ?? "Separate entries with commas."}>
        <Input
          defaultValue={list.join(", ")}
          onChange={(e) =>
            onChange(
              e.target.value
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean),
            )
          }
          data-testid={id}
        />
      </Field>
    );
  }
  if (type === "boolean") {
    return (
      <div>
        <Checkbox
          label={label}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
          data-testid={id}
        />
        {schema.description ? <p className="mt-1 text-xs text-slate-500">{schema.description}</p> : null}
      </div>
    );
  }
  if (schema.enum) {
    return (
      <Field id={id} label={label} hint={schema.description}>
        <Select
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value)}
          data-testid={id}
        >
          {schema.enum.map((option) => (
            <option key={String(option)} value={String(option)}>
              {String(option)}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  if (type === "number" || type === "integer") {
    return (
      <Field id={id} label={label} hint={schema.description}>
        <Input
          type="number"
          inputMode="decimal"
          step={type === "integer" ? 1 : "any"}
          min={schema.minimum}
          max={schema.maximum}
          value={typeof value === "number" ? String(value) : ""}
          onChange={(e) => {
            const text = e.target.value.trim();
            onChange(text === "" ? (nullable ? null : undefined) : Number(text));
          }}
          data-testid={id}
        />
      </Field>
    );
  }
  return (
    <Field id={id} label={label} hint={schema.description}>
      <Input
        value={typeof value === "string" ? value : ""}
        onChange={(e) => onChange(e.target.value === "" && nullable ? null : e.target.value)}
        data-testid={id}
      />
    </Field>
  );
}

function RowsField({ label, schema, value, onChange, path }: Props & { label: string }) {
  const rows = Array.isArray(value) ? (value as unknown[]) : [];
  const item = schema.items ?? {};
  const id = idOf(path);
  return (
    <fieldset className="space-y-2" data-testid={id}>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      {schema.description ? <p className="text-xs text-slate-500">{schema.description}</p> : null}
      {rows.map((row, i) => (
        <div key={i} className="rounded-md border border-slate-200 bg-slate-50 p-3" data-testid={`${id}-row`}>
          <ObjectFields
            schema={unwrap(item).schema}
            value={row}
            path={[...path, String(i)]}
            onChange={(v) => onChange(rows.map((r, j) => (j === i ? v : r)))}
          />
          <div className="mt-2 flex justify-end">
            <Button size="sm" variant="ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              Remove
            </Button>
          </div>
        </div>
      ))}
      {schema.maxItems === undefined || rows.length < schema.maxItems ? (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => onChange([...rows, blankFor(item)])}
          data-testid={`${id}-add`}
        >
          Add
        </Button>
      ) : null}
    </fieldset>
  );
}
