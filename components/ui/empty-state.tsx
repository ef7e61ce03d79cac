import type { ReactNode } from "react";

type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  "data-testid"?: string;
};

export function EmptyState({ title, description, action, ...rest }: EmptyStateProps) {
  return (
    <div
      className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center"
      data-testid={rest["data-testid"] ?? "empty-state"}
    >
      <p className="text-sm font-medium text-slate-800">{title}</p>
      {description ? <p className="mx-auto mt-1 max-w-sm text-sm text-slate-500">{description}</p> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}
