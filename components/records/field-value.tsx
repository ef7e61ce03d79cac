"use client";

import Link from "next/link";
import { useOrg } from "@/components/shell/org-context";
import type { FieldDescriptor } from "@/server/records/field-descriptors";
import { referencedType, type RecordType } from "@/server/records/record-types";
import { recordPath } from "./record-paths";
import { formatFieldValue } from "./record-values";

export type References = Record<string, { type: RecordType; title: string }>;

/** A field's value for reading; an id of another record shows as a link named after that record. */
export function FieldValue({
  type,
  field,
  data,
  references,
}: {
  type: RecordType;
  field: FieldDescriptor;
  data: Record<string, unknown>;
  references: References;
}) {
  const org = useOrg();
  const value = data[field.name];
  const target = typeof value === "string" && value ? referencedType(type, field.name, data) : null;
  if (target && typeof value === "string") {
    const ref = references[value];
    if (ref) {
      return (
        <Link
          href={recordPath(org.slug, ref.type, value)}
          className="text-brand-700 underline-offset-2 hover:underline"
          data-testid={`reference-${field.name}`}
        >
          {ref.title}
        </Link>
      );
    }
    return <span className="font-mono text-xs text-slate-600">{value}</span>;
  }
  return <>{formatFieldValue(field, value)}</>;
}
