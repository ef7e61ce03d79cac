"use client";

import Link from "next/link";
import { formatDate } from "@/components/lib/format";
import { useOrg } from "@/components/shell/org-context";
import type { FieldDescriptor } from "@/server/records/field-descriptors";
import { recordTitle } from "@/server/records/record-title";
import { RECORD_TYPES, type RecordType } from "@/server/records/record-types";
import { FieldValue, type References } from "./field-value";
import { recordPath } from "./record-paths";

export type RecordRow = { id: string; data: Record<string, unknown>; updatedAt: Date };

type Props = { type: RecordType; fields: readonly FieldDescriptor[]; records: RecordRow[]; references: References };

function columnsOf(type: RecordType, fields: readonly FieldDescriptor[]) {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return RECORD_TYPES[type].listFields.map((name) => byName.get(name)).filter((f): f is FieldDescriptor => Boolean(f));
}

/** Desktop: a table of the record type's list fields, the title linking to the record. */
export function RecordTable({ type, fields, records, references }: Props) {
  const org = useOrg();
  const columns = columnsOf(type, fields);
  const titleField = RECORD_TYPES[type].titleField;
  return (
    <div className="hidden overflow-x-auto md:block">
      <table className="w-full text-left text-sm" data-testid="record-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500 uppercase">
          <tr>
            {columns.map((c) => (
              <th key={c.name} scope="col" className="px-4 py-2.5">
                {c.label}
              </th>
            ))}
            <th scope="col" className="px-4 py-2.5">
              Updated
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {records.map((r) => (
            <tr key={r.id} data-testid="record-row" data-record-id={r.id} className="hover:bg-slate-50">
              {columns.map((c) => (
                <td key={c.name} className="max-w-xs truncate px-4 py-2.5 text-slate-700">
                  {c.name === titleField ? (
                    <Link
                      href={recordPath(org.slug, type, r.id)}
                      className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                      data-testid="record-link"
                    >
                      {recordTitle(type, r.id, r.data)}
                    </Link>
                  ) : (
                    <FieldValue type={type} field={c} data={r.data} references={references} />
                  )}
                </td>
              ))}
              <td className="px-4 py-2.5 whitespace-nowrap text-slate-500">{formatDate(r.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Phone: one card per record, its title first and the other list fields below. */
export function RecordCards({ type, fields, records, references }: Props) {
  const org = useOrg();
  const titleField = RECORD_TYPES[type].titleField;
  const columns = columnsOf(type, fields).filter((c) => c.name !== titleField);
  return (
    <ul className="divide-y divide-slate-100 md:hidden" data-testid="record-cards">
      {records.map((r) => (
        <li key={r.id} className="px-4 py-3" data-testid="record-card" data-record-id={r.id}>
          <Link
            href={recordPath(org.slug, type, r.id)}
            className="block truncate font-medium text-slate-900 hover:text-brand-700"
            data-testid="record-link"
          >
            {recordTitle(type, r.id, r.data)}
          </Link>
          <dl className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
            {columns.map((c) => (
              <div key={c.name} className="min-w-0">
                <dt className="text-slate-500">{c.label}</dt>
                <dd className="truncate text-slate-800">
                  <FieldValue type={type} field={c} data={r.data} references={references} />
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
