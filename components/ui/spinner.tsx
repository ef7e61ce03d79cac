import { cn } from "./cn";

export function Spinner({ className, label = "Loading" }: { className?: string; label?: string }) {
  return (
    <span role="status" className={cn("inline-flex items-center", className)}>
      <span
        aria-hidden
        className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent opacity-70"
      />
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** A centred loading block for a page or a card body. */
export function LoadingBlock({ label = "Loading…", testId = "loading" }: { label?: string; testId?: string }) {
  return (
    <div data-testid={testId} className="flex items-center justify-center gap-3 py-12 text-sm text-slate-500">
      <Spinner label={label} />
      <span aria-hidden>{label}</span>
    </div>
  );
}
