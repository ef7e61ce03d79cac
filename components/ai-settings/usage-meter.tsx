import { cn } from "@/components/ui/cn";

/** How much of a cap is spent: text for everyone, a bar for a glance. */
export function UsageMeter({
  label,
  used,
  cap,
  format,
  testId,
}: {
  label: string;
  used: number;
  cap: number;
  format: (n: number) => string;
  testId: string;
}) {
  const share = cap > 0 ? Math.min(1, used / cap) : 1;
  const tone = share >= 1 ? "bg-red-500" : share >= 0.8 ? "bg-amber-500" : "bg-brand-600";
  return (
    <div className="min-w-0" data-testid={testId}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
        <span className="text-slate-600">{label}</span>
        <span className="font-medium text-slate-900" data-testid={`${testId}-text`}>
          {format(used)} of {format(cap)}
        </span>
      </div>
      <div
        className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100"
        role="meter"
        aria-label={`${label}: ${format(used)} of ${format(cap)}`}
        aria-valuemin={0}
        aria-valuemax={cap}
        aria-valuenow={Math.min(used, cap)}
      >
        <div className={cn("h-full rounded-full", tone)} style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}
