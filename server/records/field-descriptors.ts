import { z } from "zod";
import { RECORD_TYPES, recordTypeDefinition, type RecordType } from "./record-types";

/**
 * How a field is shown and edited, derived from the record type's zod schema (through its JSON
 * Schema), so forms, tables and filters never drift from what the server validates.
 * No server-only imports: the pages read this too.
 */
export type FieldKind =
  | "text"
  | "longtext"
  | "email"
  | "url"
  | "number"
  | "integer"
  | "enum"
  | "boolean"
  | "date"
  | "datetime"
  | "list"
  | "json";

export type FieldDescriptor = {
  name: string;
  label: string;
  kind: FieldKind;
  /** Enum values. */
  options: readonly string[];
  nullable: boolean;
  /** Must be given when creating (no default and not nullable). */
  required: boolean;
  maxLength: number | null;
  minimum: number | null;
  maximum: number | null;
};

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: string[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  default?: unknown;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
};

const ACRONYMS: Record<string, string> = { id: "ID", sla: "SLA", url: "URL", kb: "KB", po: "PO" };

/**
 * "first_name" → "First name", "sla_due_at" → "SLA due at"; a reference drops its "id"
 * ("company_id" → "Company") since it is shown as the record it points to.
 */
export function fieldLabel(name: string, isReference = false): string {
  const words = name.split("_").map((w) => ACRONYMS[w] ?? w);
  if (isReference && words.length > 1 && words.at(-1) === "ID") words.pop();
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function typesOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
}

function kindOf(schema: JsonSchema): FieldKind {
  const types = typesOf(schema);
  if (schema.enum) return "enum";
  if (types.includes("boolean")) return "boolean";
  if (types.includes("integer")) return "integer";
  if (types.includes("number")) return "number";
  if (types.includes("array")) {
    return schema.items && typesOf(schema.items).every((t) => t === "string") ? "list" : "json";
  }
  if (types.includes("string")) {
    if (schema.format === "date") return "date";
    if (schema.format === "date-time") return "datetime";
    if (schema.format === "email") return "email";
    if (schema.format === "uri") return "url";
    return (schema.maxLength ?? 0) > 500 ? "longtext" : "text";
  }
  return "json";
}

/** zod writes "any safe integer" as ±2^53-1: that is no bound worth showing. */
function bounded(value: number | undefined): number | null {
  return value === undefined || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? null : value;
}

function isReferenceField(type: RecordType, name: string): boolean {
  const definition = recordTypeDefinition(type);
  return Boolean(definition.references?.[name] ?? definition.typedReferences?.[name]);
}

export function describeField(type: RecordType, name: string): FieldDescriptor {
  const field = (RECORD_TYPES[type].schema.shape as Record<string, z.ZodType>)[name];
  if (!field) throw new Error(`${type} has no field ${name}`);
  const root = z.toJSONSchema(field, { io: "output", unrepresentable: "any" }) as JsonSchema;
  const variants = root.anyOf ?? [root];
  const nullable = variants.some((v) => typesOf(v).includes("null")) || typesOf(root).includes("null");
  const value = variants.find((v) => !(typesOf(v).length === 1 && typesOf(v)[0] === "null")) ?? root;
  const merged: JsonSchema = { ...root, ...value, type: typesOf(value).filter((t) => t !== "null") };
  return {
    name,
    label: fieldLabel(name, isReferenceField(type, name)),
    kind: kindOf(merged),
    options: merged.enum ?? [],
    nullable,
    required: !("default" in root) && !nullable,
    maxLength: merged.maxLength ?? null,
    minimum: bounded(merged.minimum ?? merged.exclusiveMinimum),
    maximum: bounded(merged.maximum),
  };
}

const cache = new Map<RecordType, FieldDescriptor[]>();

/** Every field of a record type, in schema order. */
export function describeFields(type: RecordType): FieldDescriptor[] {
  let fields = cache.get(type);
  if (!fields) {
    fields = Object.keys(RECORD_TYPES[type].schema.shape).map((name) => describeField(type, name));
    cache.set(type, fields);
  }
  return fields;
}

/** A new record's starting values: each field's schema default (null or empty when it has none). */
export function defaultValues(type: RecordType): Record<string, unknown> {
  const shape = RECORD_TYPES[type].schema.shape as Record<string, z.ZodType>;
  return Object.fromEntries(
    Object.entries(shape).map(([name, schema]) => {
      const parsed = schema.safeParse(undefined);
      return [name, parsed.success ? parsed.data : null];
    }),
  );
}
