"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "@/components/lib/format";
import { errorMessage } from "@/components/lib/trpc-errors";
import { RequirePermission } from "@/components/shell/require-permission";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Checkbox, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { can } from "@/server/auth/permissions";
import { FIELD_RULES } from "@/server/governance/policy.schemas";
import { describeField } from "@/server/records/field-descriptors";
import {
  RECORD_SYSTEM_LABELS,
  RECORD_SYSTEMS,
  RECORD_TYPE_KEYS,
  RECORD_TYPES,
  type RecordType,
} from "@/server/records/record-types";
import { RULE_LABELS } from "./rule-labels";

type FieldRule = (typeof FIELD_RULES)[number];

function ContractFields({ type, editable }: { type: RecordType; editable: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.records.fieldContract.get.queryOptions({ recordType: type }));
  const [savedField, setSavedField] = useState<string | null>(null);
  const key = trpc.records.fieldContract.get.queryKey({ recordType: type });
  const set = useMutation(
    trpc.records.fieldContract.set.mutationOptions({
      onSuccess: (data, input) => {
        queryClient.setQueryData(key, data);
        setSavedField(input.field);
      },
    }),
  );
  const reset = useMutation(
    trpc.records.fieldContract.reset.mutationOptions({
      onSuccess: (data, input) => {
        queryClient.setQueryData(key, { recordType: data.recordType, fields: data.fields });
        setSavedField(input.field ?? "*");
      },
    }),
  );

  if (query.isPending) return <LoadingBlock label="Loading the contract…" testId="contract-loading" />;
  if (query.isError) {
    return (
      <Alert tone="error" data-testid="contract-error">
        {errorMessage(query.error)}
        <Button variant="secondary" size="sm" className="ml-2" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  const customised = query.data.fields.filter((f) => f.customised).length;
  const busy = set.isPending || reset.isPending;
  const failure = set.error ?? reset.error;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" data-testid="contract-summary">
          {customised === 0
            ? "Every field follows the default contract."
            : `${customised} ${customised === 1 ? "field differs" : "fields differ"} from the default.`}
        </p>
        {editable && customised > 0 ? (
          <Button
            variant="secondary"
            size="sm"
            loading={reset.isPending && !reset.variables?.field}
            disabled={busy}
            onClick={() => reset.mutate({ recordType: type })}
            data-testid="contract-reset-all"
          >
            Reset all to default
          </Button>
        ) : null}
      </div>
      {failure ? (
        <Alert tone="error" data-testid="contract-save-error">
          {errorMessage(failure)}
        </Alert>
      ) : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="contract-fields">
        {query.data.fields.map((f) => (
          <li
            key={f.field}
            className="grid gap-3 px-4 py-3 sm:grid-cols-[minmax(0,1fr)_11rem_12rem] sm:items-center"
            data-testid="contract-field"
            data-field={f.field}
            data-rule={f.rule}
          >
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                {describeField(type, f.field).label}{" "}
                <span className="font-mono text-xs font-normal text-slate-500">{f.field}</span>
              </p>
              <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                Default: {RULE_LABELS[f.defaultRule].label.toLowerCase()}
                {f.customised ? <Badge tone="brand">Customised</Badge> : null}
                {savedField === f.field || savedField === "*" ? (
                  <span className="text-emerald-700" role="status" data-testid="contract-saved">
                    Saved
                  </span>
                ) : null}
                {f.updatedAt ? <span>· changed {formatDateTime(f.updatedAt)}</span> : null}
              </p>
            </div>
            <Field id={`rule-${f.field}`} label={<span className="sr-only">What AI may do with {f.field}</span>}>
              <Select
                value={f.rule}
                disabled={!editable || busy}
                title={RULE_LABELS[f.rule].description}
                onChange={(e) =>
                  set.mutate({
                    recordType: type,
                    field: f.field,
                    rule: e.target.value as FieldRule,
                    protected: f.protected,
                  })
                }
                data-testid={`contract-rule-${f.field}`}
              >
                {FIELD_RULES.map((rule) => (
                  <option key={rule} value={rule}>
                    {RULE_LABELS[rule].label}
                  </option>
                ))}
              </Select>
            </Field>
            <div className="flex flex-wrap items-center gap-3">
              <Checkbox
                label={f.protectedByDefault ? "Protected (always)" : "Protected"}
                checked={f.protected}
                disabled={!editable || busy || f.protectedByDefault}
                title={
                  f.protectedByDefault
                    ? "Protected by default for this record type: never overwritten silently."
                    : "A protected field with a value is never overwritten without a person's approval."
                }
                onChange={(e) =>
                  set.mutate({ recordType: type, field: f.field, rule: f.rule, protected: e.target.checked })
                }
                data-testid={`contract-protected-${f.field}`}
              />
              {editable && f.customised ? (
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={busy}
                  onClick={() => reset.mutate({ recordType: type, field: f.field })}
                  data-testid={`contract-reset-${f.field}`}
                >
                  Reset
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The organisation's field ownership contract: what AI may do with each field of each record type. */
export function FieldContractView() {
  const org = useOrg();
  const editable = can(org.role, "governance.edit");
  const [type, setType] = useState<RecordType>("crm.contact");
  return (
    <RequirePermission permission="record.read" area="the field contract">
      <PageHeader
        title="Field ownership contract"
        description="For every field of every record type: what AI may do with it. The governance gate enforces it for every workflow; a workflow version may only make it stricter."
      />
      <div className="space-y-6">
        {!editable ? (
          <Alert tone="info" data-testid="contract-read-only">
            You can read the contract; owners and admins change it.
          </Alert>
        ) : null}
        <Card>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            {FIELD_RULES.map((rule) => (
              <div key={rule}>
                <dt className="font-medium text-slate-800">{RULE_LABELS[rule].label}</dt>
                <dd className="text-slate-600">{RULE_LABELS[rule].description}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card
          title={RECORD_TYPES[type].plural}
          actions={
            <label className="flex items-center gap-2 text-sm whitespace-nowrap text-slate-600">
              Record type
              <Select
                value={type}
                onChange={(e) => setType(e.target.value as RecordType)}
                className="w-48 sm:w-56"
                data-testid="contract-record-type"
              >
                {RECORD_SYSTEMS.map((system) => (
                  <optgroup key={system} label={RECORD_SYSTEM_LABELS[system]}>
                    {RECORD_TYPE_KEYS.filter((t) => RECORD_TYPES[t].system === system).map((t) => (
                      <option key={t} value={t}>
                        {RECORD_TYPES[t].plural}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </Select>
            </label>
          }
        >
          <ContractFields key={type} type={type} editable={editable} />
        </Card>
      </div>
    </RequirePermission>
  );
}
