"use client";

import { capitalise } from "@/components/lib/format";
import { Field } from "@/components/ui/field";
import { Checkbox, Input } from "@/components/ui/input";
import { APPROVAL_DOMAINS, type ApprovalDomain } from "@/server/auth/permissions";

export type ApproverScope = { domains: ApprovalDomain[]; limit: string };

type ApproverScopeFieldsProps = {
  idPrefix: string;
  value: ApproverScope;
  onChange: (value: ApproverScope) => void;
  limitError?: string | null;
  /** Members page only: above this amount, approving asks for a fresh 2FA code. */
  stepUp?: { value: string; onChange: (value: string) => void; error?: string | null };
};

/** Which domains an approver decides for, and up to what amount (empty = no limit). */
export function ApproverScopeFields({ idPrefix, value, onChange, limitError, stepUp }: ApproverScopeFieldsProps) {
  const toggle = (domain: ApprovalDomain, on: boolean) =>
    onChange({
      ...value,
      domains: on
        ? APPROVAL_DOMAINS.filter((d) => d === domain || value.domains.includes(d))
        : value.domains.filter((d) => d !== domain),
    });

  return (
    <div className="grid gap-4 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-[1fr_12rem]">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Approval domains</legend>
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
          {APPROVAL_DOMAINS.map((domain) => (
            <Checkbox
              key={domain}
              label={capitalise(domain)}
              checked={value.domains.includes(domain)}
              onChange={(e) => toggle(domain, e.target.checked)}
              data-testid={`${idPrefix}-domain-${domain}`}
            />
          ))}
        </div>
      </fieldset>
      <Field id={`${idPrefix}-limit`} label="Amount limit" hint="Leave empty for no limit." error={limitError}>
        <Input
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={value.limit}
          onChange={(e) => onChange({ ...value, limit: e.target.value })}
          data-testid={`${idPrefix}-limit`}
        />
      </Field>
      {stepUp ? (
        <Field
          id={`${idPrefix}-step-up`}
          label="2FA above"
          hint="Approving more than this asks for a fresh authenticator code. Empty: only high-risk requests."
          error={stepUp.error}
        >
          <Input
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={stepUp.value}
            onChange={(e) => stepUp.onChange(e.target.value)}
            data-testid={`${idPrefix}-step-up`}
          />
        </Field>
      ) : null}
    </div>
  );
}

/** The limit as the server wants it, or an error message for the field. */
export function parseLimit(limit: string): { ok: true; value: number | null } | { ok: false; error: string } {
  const trimmed = limit.trim();
  if (trimmed === "") return { ok: true, value: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0) return { ok: false, error: "Enter a positive amount, or leave it empty." };
  return { ok: true, value };
}

export const scopeFrom = (domains: readonly string[], limit: number | null): ApproverScope => ({
  domains: APPROVAL_DOMAINS.filter((d) => domains.includes(d)),
  limit: limit === null ? "" : String(limit),
});
