import { formatAmount, formatDate, formatDateTime } from "@/components/lib/format";
import type { FieldDescriptor } from "@/server/records/field-descriptors";

/** What a form control holds for a field: text for most kinds, a flag for booleans. */
export type FormValue = string | boolean;
export type FormValues = Record<string, FormValue>;

/** A value as people read it in lists, details and histories. */
export function formatFieldValue(field: FieldDescriptor | undefined, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (!field) return typeof value === "string" ? value : JSON.stringify(value);
  switch (field.kind) {
    case "boolean":
      return value ? "Yes" : "No";
    case "number":
    case "integer":
      return typeof value === "number" ? formatAmount(value) : JSON.stringify(value);
    case "date":
      return typeof value === "string" ? formatDate(new Date(`${value}T00:00:00`)) : JSON.stringify(value);
    case "datetime":
      return typeof value === "string" ? formatDateTime(new Date(value)) : JSON.stringify(value);
    case "enum":
      return typeof value === "string" ? value.replace(/_/g, " ") : JSON.stringify(value);
    case "list":
      return Array.isArray(value) ? (value.length ? value.join(", ") : "—") : JSON.stringify(value);
    case "json":
      return Array.isArray(value) ? `${value.length} ${value.length === 1 ? "item" : "items"}` : JSON.stringify(value);
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** An ISO timestamp as a datetime-local control shows it (local time, minutes). */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function toFormValue(field: FieldDescriptor, value: unknown): FormValue {
  if (field.kind === "boolean") return value === true;
  if (value === null || value === undefined) return "";
  switch (field.kind) {
    case "list":
      return Array.isArray(value) ? value.join(", ") : "";
    case "json":
      return JSON.stringify(value, null, 2);
    case "datetime":
      return typeof value === "string" ? toLocalInput(value) : "";
    case "number":
    case "integer":
      return JSON.stringify(value);
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** A form control's content as the field's value; the server validates again against the schema. */
export function fromFormValue(field: FieldDescriptor, input: FormValue): Parsed {
  if (field.kind === "boolean") return { ok: true, value: input === true };
  const text = typeof input === "string" ? input.trim() : "";
  const empty = (): Parsed =>
    field.nullable
      ? { ok: true, value: null }
      : field.kind === "list"
        ? { ok: true, value: [] }
        : { ok: true, value: "" };
  switch (field.kind) {
    case "number":
    case "integer": {
      if (!text) return field.nullable ? { ok: true, value: null } : { ok: false, error: "Enter a number." };
      const n = Number(text);
      if (!Number.isFinite(n)) return { ok: false, error: "Enter a number." };
      if (field.kind === "integer" && !Number.isInteger(n)) return { ok: false, error: "Enter a whole number." };
      return { ok: true, value: n };
    }
    case "list":
      return {
        ok: true,
        value: text
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean),
      };
    case "json": {
      if (!text) return field.nullable ? { ok: true, value: null } : { ok: true, value: [] };
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        return { ok: false, error: "This is not valid JSON." };
      }
    }
    case "datetime": {
      if (!text) return empty();
      const d = new Date(text);
      return Number.isNaN(d.getTime())
        ? { ok: false, error: "Enter a date and time." }
        : { ok: true, value: d.toISOString() };
    }
    default:
      return text ? { ok: true, value: text } : empty();
  }
}

/**
 * The server names an invalid field in its message ("Contact email: Invalid email address");
 * this finds which field so the form can show the message under it.
 */
export function fieldOfError(typeLabel: string, fields: readonly FieldDescriptor[], message: string): string | null {
  const match = fields.find(
    (f) => message.startsWith(`${typeLabel} ${f.name}:`) || message.startsWith(`${typeLabel} ${f.name}.`),
  );
  return match?.name ?? null;
}
