"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { AUDIT_ACTION_NAMES, type AuditAction } from "@/server/audit/audit.schemas";

export const OUTCOMES = ["success", "denied", "failure"] as const;
type Outcome = (typeof OUTCOMES)[number];

export type AuditFilterValues = {
  action: AuditAction | "";
  actor: string;
  outcome: Outcome | "";
  from: string;
  to: string;
};

export const NO_FILTERS: AuditFilterValues = { action: "", actor: "", outcome: "", from: "", to: "" };

/** The list request for a set of filters; dates are whole local days, both ends included. */
export function toListInput(v: AuditFilterValues) {
  return {
    action: v.action || undefined,
    actorQuery: v.actor.trim() || undefined,
    outcome: v.outcome || undefined,
    from: v.from ? new Date(`${v.from}T00:00:00`) : undefined,
    to: v.to ? new Date(`${v.to}T23:59:59.999`) : undefined,
    limit: 50,
  };
}

export function AuditFilters({ onApply }: { onApply: (values: AuditFilterValues) => void }) {
  const [values, setValues] = useState<AuditFilterValues>(NO_FILTERS);
  const set = <K extends keyof AuditFilterValues>(key: K, value: AuditFilterValues[K]) =>
    setValues({ ...values, [key]: value });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(values);
  }

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="audit-filters" aria-label="Filter the audit log">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Field id="audit-filter-action" label="Action">
          <Select
            value={values.action}
            onChange={(e) => set("action", e.target.value as AuditAction | "")}
            data-testid="audit-filter-action"
          >
            <option value="">All actions</option>
            {AUDIT_ACTION_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="audit-filter-actor" label="Actor">
          <Input
            type="search"
            placeholder="Email contains…"
            value={values.actor}
            onChange={(e) => set("actor", e.target.value)}
            data-testid="audit-filter-actor"
          />
        </Field>
        <Field id="audit-filter-outcome" label="Outcome">
          <Select
            value={values.outcome}
            onChange={(e) => set("outcome", e.target.value as Outcome | "")}
            data-testid="audit-filter-outcome"
          >
            <option value="">Any outcome</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="audit-filter-from" label="From">
          <Input
            type="date"
            value={values.from}
            onChange={(e) => set("from", e.target.value)}
            data-testid="audit-filter-from"
          />
        </Field>
        <Field id="audit-filter-to" label="To">
          <Input
            type="date"
            value={values.to}
            onChange={(e) => set("to", e.target.value)}
            data-testid="audit-filter-to"
          />
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" data-testid="audit-filter-apply">
          Apply filters
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            setValues(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
          data-testid="audit-filter-reset"
        >
          Reset
        </Button>
      </div>
    </form>
  );
}
