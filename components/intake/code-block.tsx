import type { ReactNode } from "react";
import { CopyButton } from "./copy-button";

/** Preformatted text that scrolls sideways on a phone instead of widening the page. */
export function CodeBlock({
  code,
  label,
  testId,
  copyLabel,
}: {
  code: string;
  label?: ReactNode;
  testId?: string;
  copyLabel?: string;
}) {
  return (
    <div className="min-w-0 space-y-1.5">
      {label || copyLabel ? (
        <div className="flex items-center justify-between gap-2">
          <p className="text-sm font-medium text-slate-800">{label}</p>
          <CopyButton text={code} label={copyLabel} testId={testId ? `${testId}-copy` : undefined} />
        </div>
      ) : null}
      <pre
        className="max-h-80 max-w-full overflow-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100"
        data-testid={testId}
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}

/** One value people copy (a URL, a key): wraps instead of overflowing. */
export function CopyValue({ value, testId }: { value: string; testId?: string }) {
  return (
    <div className="flex min-w-0 items-start gap-2">
      <code
        className="min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-2 py-1.5 text-xs break-all text-slate-800"
        data-testid={testId}
      >
        {value}
      </code>
      <CopyButton text={value} testId={testId ? `${testId}-copy` : undefined} />
    </div>
  );
}
