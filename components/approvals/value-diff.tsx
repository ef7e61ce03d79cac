import { humanise, isPlainObject, recordFieldChanges, showValue } from "./format-value";

/** The field-level change: exactly what will be written, old → new. */
export function ValueDiff({
  recordType,
  field,
  oldValue,
  newValue,
}: {
  recordType: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}) {
  if (isPlainObject(oldValue) || isPlainObject(newValue)) {
    return <RecordDiff recordType={recordType} oldValue={oldValue} newValue={newValue} />;
  }
  return (
    <div className="rounded-md border border-slate-200 text-sm" data-testid="approval-diff">
      <p className="border-b border-slate-100 bg-slate-50 px-3 py-1.5 text-xs font-medium text-slate-600">
        {humanise(recordType)} · <span data-testid="diff-field">{field}</span>
      </p>
      <dl className="grid grid-cols-[3.5rem_1fr] gap-x-2 gap-y-1 px-3 py-2">
        <dt className="text-xs text-slate-500">Now</dt>
        <dd className="break-words text-red-700 line-through decoration-red-300" data-testid="diff-old">
          {showValue(oldValue)}
        </dd>
        <dt className="text-xs text-slate-500">New</dt>
        <dd className="break-words font-medium text-emerald-700" data-testid="diff-new">
          {showValue(newValue)}
        </dd>
      </dl>
    </div>
  );
}

/** A whole record created, changed or deleted: one row per field that differs. */
function RecordDiff({ recordType, oldValue, newValue }: { recordType: string; oldValue: unknown; newValue: unknown }) {
  const verb = oldValue == null ? "new" : newValue == null ? "delete" : "change";
  const rows = recordFieldChanges(oldValue, newValue);
  return (
    <div className="rounded-md border border-slate-200 text-sm" data-testid="approval-diff">
      <p className="border-b border-slate-100 bg-slate-50 px-3 py-1.5 text-xs font-medium text-slate-600">
        {humanise(recordType)} · <span data-testid="diff-field">{verb} record</span>
      </p>
      <dl className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)] gap-x-2 gap-y-1 px-3 py-2">
        {rows.map((r) => (
          <div key={r.field} className="contents">
            <dt className="break-words text-xs text-slate-500">{humanise(r.field)}</dt>
            <dd className="min-w-0 [overflow-wrap:anywhere]">
              {verb === "new" ? null : (
                <span className="mr-1 text-red-700 line-through decoration-red-300">{showValue(r.old)}</span>
              )}
              {verb === "delete" ? null : <span className="font-medium text-emerald-700">{showValue(r.new)}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
