import type { ReactNode } from "react";

type ErrorStateProps = {
  title: ReactNode;
  message?: ReactNode;
  action?: ReactNode;
  "data-testid"?: string;
};

/** A full-width state for a page that cannot be shown (not found, forbidden, failed to load). */
export function ErrorState({ title, message, action, ...rest }: ErrorStateProps) {
  return (
    <div
      role="alert"
      data-testid={rest["data-testid"] ?? "error-state"}
      className="rounded-lg border border-slate-200 bg-white px-4 py-10 text-center shadow-sm"
    >
      <p className="text-base font-semibold text-slate-900">{title}</p>
      {message ? <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">{message}</p> : null}
      {action ? <div className="mt-5 flex justify-center">{action}</div> : null}
    </div>
  );
}
