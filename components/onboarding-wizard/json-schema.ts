/** The part of JSON Schema (as zod's toJSONSchema writes it) the settings form understands. */
export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  required?: string[];
};

/** A nullable field is `anyOf: [T, { type: "null" }]`: the form shows T and maps empty to null. */
export function unwrap(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const options = schema.anyOf;
  if (!options) return { schema, nullable: false };
  const inner = options.find((o) => o.type !== "null") ?? {};
  return {
    schema: { ...inner, title: schema.title, description: schema.description, default: schema.default },
    nullable: options.some((o) => o.type === "null"),
  };
}

export function typeOf(schema: JsonSchema): string {
  return Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") ?? "string") : (schema.type ?? "string");
}

/** "refundApprovalAbove" → "Refund approval above". */
export function labelFor(key: string, schema: JsonSchema): string {
  if (schema.title) return schema.title;
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An empty value for a new row of an array of objects. */
export function blankFor(schema: JsonSchema): unknown {
  const { schema: s, nullable } = unwrap(schema);
  if (s.default !== undefined) return structuredClone(s.default);
  if (nullable) return null;
  switch (typeOf(s)) {
    case "object":
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, blankFor(v)]));
    case "array":
      return [];
    case "boolean":
      return false;
    case "number":
    case "integer":
      return 0;
    default:
      return s.enum?.[0] ?? "";
  }
}
