"use client";

import { cn } from "@/components/ui/cn";

export function RedactionSwitch({
  on,
  external,
  onChange,
}: {
  on: boolean;
  external: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <div className="flex items-start justify-between gap-4 rounded-md border border-slate-200 p-3">
      <div className="min-w-0">
        <p id="ai-redact-label" className="text-sm font-medium text-slate-900">
          Redact personal data before it leaves
        </p>
        <p id="ai-redact-hint" className="mt-1 text-sm text-slate-500">
          Emails, phone, card and bank numbers, national ids and detectable names are replaced with placeholders before
          a call to an external provider, and put back in the answer.
          {external ? null : " The embedded model needs none of this: nothing leaves."}
        </p>
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-labelledby="ai-redact-label"
        aria-describedby="ai-redact-hint"
        onClick={() => onChange(!on)}
        className={cn(
          "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
          on ? "bg-brand-600" : "bg-slate-300",
        )}
        data-testid="ai-redact-toggle"
      >
        <span
          aria-hidden
          className={cn(
            "inline-block size-5 rounded-full bg-white shadow transition-transform",
            on ? "translate-x-5" : "translate-x-0.5",
          )}
        />
      </button>
    </div>
  );
}
