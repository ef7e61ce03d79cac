"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorCode, errorMessage } from "@/components/lib/trpc-errors";
import { RequirePermission } from "@/components/shell/require-permission";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { can } from "@/server/auth/permissions";
import { describeFields } from "@/server/records/field-descriptors";
import { recordTitle } from "@/server/records/record-title";
import { isRecordType, RECORD_TYPES, type RecordType } from "@/server/records/record-types";
import { FieldValue } from "./field-value";
import { RecordEditor } from "./record-editor";
import { RecordHistoryList } from "./record-history-list";
import { recordListPath, recordsPath } from "./record-paths";

function DeleteRecord({ type, id, version }: { type: RecordType; id: string; version: number }) {
  const org = useOrg();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.records.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() });
        router.push(recordListPath(org.slug, type));
      },
    }),
  );
  const label = RECORD_TYPES[type].label.toLowerCase();
  if (!confirming) {
    return (
      <Button variant="ghost" onClick={() => setConfirming(true)} data-testid="record-delete">
        Delete
      </Button>
    );
  }
  return (
    <div className="w-full space-y-2 sm:w-auto">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-700">Delete this {label}? Its history is kept.</span>
        <Button
          variant="danger"
          size="sm"
          loading={remove.isPending}
          onClick={() => remove.mutate({ type, id, version })}
          data-testid="record-delete-confirm"
        >
          Delete
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
          Keep
        </Button>
      </div>
      {remove.isError ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
    </div>
  );
}

function RecordView({ type, id }: { type: RecordType; id: string }) {
  const org = useOrg();
  const trpc = useTRPC();
  const definition = RECORD_TYPES[type];
  const fields = describeFields(type);
  const query = useQuery(trpc.records.get.queryOptions({ type, id }));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string[] | null>(null);
  const mayWrite = can(org.role, "record.write");

  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
      <Link href={recordsPath(org.slug)} className="hover:text-slate-800">
        Records
      </Link>{" "}
      /{" "}
      <Link href={recordListPath(org.slug, type)} className="hover:text-slate-800" data-testid="record-type-link">
        {definition.plural}
      </Link>
    </nav>
  );
  if (query.isPending)
    return <LoadingBlock label={`Loading ${definition.label.toLowerCase()}…`} testId="record-loading" />;
  if (query.isError) {
    const missing = errorCode(query.error) === "NOT_FOUND";
    return (
      <>
        {breadcrumb}
        <ErrorState
          title={missing ? `This ${definition.label.toLowerCase()} does not exist` : "The record could not be loaded"}
          message={missing ? "It may have been deleted. Its history, if any, is below." : errorMessage(query.error)}
          action={
            missing ? undefined : (
              <Button variant="secondary" onClick={() => void query.refetch()}>
                Try again
              </Button>
            )
          }
          data-testid={missing ? "record-not-found" : "record-error"}
        />
        {missing ? (
          <Card title="History" className="mt-6">
            <RecordHistoryList type={type} id={id} />
          </Card>
        ) : null}
      </>
    );
  }
  const { record, references } = query.data;
  return (
    <>
      {breadcrumb}
      <PageHeader
        title={<span data-testid="record-title">{recordTitle(type, record.id, record.data)}</span>}
        description={`${definition.label} · version ${record.version}`}
        actions={
          mayWrite && !editing ? (
            <div className="flex flex-wrap gap-2">
              <Button
                variant="secondary"
                onClick={() => {
                  setSaved(null);
                  setEditing(true);
                }}
                data-testid="record-edit"
              >
                Edit
              </Button>
              <DeleteRecord type={type} id={id} version={record.version} />
            </div>
          ) : null
        }
      />
      <div className="space-y-6">
        {saved ? (
          <Alert tone="success" data-testid="record-saved">
            {saved.length > 0 ? `Saved: ${saved.length} ${saved.length === 1 ? "field" : "fields"} changed.` : "Saved."}
          </Alert>
        ) : null}
        <Card title="Details">
          {editing ? (
            <RecordEditor
              type={type}
              id={id}
              record={record}
              references={references}
              onDone={(changed) => {
                setEditing(false);
                if (changed.length > 0) setSaved(changed);
              }}
            />
          ) : (
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2" data-testid="record-fields">
              {fields.map((field) => (
                <div
                  key={field.name}
                  className={field.kind === "longtext" || field.kind === "json" ? "min-w-0 sm:col-span-2" : "min-w-0"}
                >
                  <dt className="text-xs font-medium text-slate-500">{field.label}</dt>
                  <dd
                    className="mt-0.5 text-sm break-words whitespace-pre-wrap text-slate-900"
                    data-testid={`value-${field.name}`}
                  >
                    {field.kind === "json" && Array.isArray(record.data[field.name]) ? (
                      <JsonValue value={record.data[field.name]} />
                    ) : (
                      <FieldValue type={type} field={field} data={record.data} references={references} />
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
        <Card title="History" description="Every change, by people and by workflows.">
          <RecordHistoryList type={type} id={id} />
        </Card>
      </div>
    </>
  );
}

function JsonValue({ value }: { value: unknown }) {
  return (
    <pre className="max-h-64 overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs text-slate-700">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** One record: its fields (editable by record writers), and its change history. */
export function RecordDetail({ type, id }: { type: string; id: string }) {
  const org = useOrg();
  return (
    <RequirePermission permission="record.read" area="records">
      {isRecordType(type) ? (
        <RecordView key={`${type}/${id}`} type={type} id={id} />
      ) : (
        <ErrorState
          title="There is no such record type"
          action={
            <Link href={recordsPath(org.slug)} className="text-sm text-brand-700 underline">
              All records
            </Link>
          }
          data-testid="record-type-not-found"
        />
      )}
    </RequirePermission>
  );
}
