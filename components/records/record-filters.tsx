"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { FieldDescriptor } from "@/server/records/field-descriptors";

export type RecordFilterValues = { search: string; filters: Record<string, string | boolean> };
export const NO_RECORD_FILTERS: RecordFilterValues = { search: "", filters: {} };

/** Search over every field, plus exact filters on the fields with a fixed set of values. */
export function RecordFilters({
  fields,
  onApply,
  pluralLabel,
}: {
  fields: readonly FieldDescriptor[];
  onApply: (values: RecordFilterValues) => void;
  pluralLabel: string;
}) {
  const [search, setSearch] = useState("");
  const [filters, setFilters] = useState<Record<string, string>>({});
  const filterable = fields.filter((f) => f.kind === "enum" || f.kind === "boolean");

  const apply = (next: Record<string, string>, text = search) => {
    const chosen: Record<string, string | boolean> = {};
    for (const [name, value] of Object.entries(next)) {
      if (value === "") continue;
      chosen[name] = value === "true" ? true : value === "false" ? false : value;
    }
    onApply({ search: text.trim(), filters: chosen });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(filters);
  };

  return (
    <form onSubmit={submit} className="space-y-3" role="search" data-testid="record-filters">
      <div className="flex gap-2">
        <Input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={`Search ${pluralLabel.toLowerCase()}`}
          aria-label={`Search ${pluralLabel.toLowerCase()}`}
          data-testid="record-search"
        />
        <Button type="submit" variant="secondary" data-testid="record-search-submit">
          Search
        </Button>
      </div>
      {filterable.length > 0 ? (
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
          {filterable.map((field) => (
            <label key={field.name} className="space-y-1 text-xs font-medium text-slate-600">
              {field.label}
              <Select
                value={filters[field.name] ?? ""}
                onChange={(e) => {
                  const next = { ...filters, [field.name]: e.target.value };
                  setFilters(next);
                  apply(next);
                }}
                data-testid={`record-filter-${field.name}`}
              >
                <option value="">Any</option>
                {field.kind === "boolean" ? (
                  <>
                    <option value="true">Yes</option>
                    <option value="false">No</option>
                  </>
                ) : (
                  field.options.map((o) => (
                    <option key={o} value={o}>
                      {o.replace(/_/g, " ")}
                    </option>
                  ))
                )}
              </Select>
            </label>
          ))}
        </div>
      ) : null}
    </form>
  );
}
