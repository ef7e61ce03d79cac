import Link from "next/link";

/** The wordmark: a rail with two posts, drawn inline (no external assets). */
export function Logo({ href = "/", compact = false }: { href?: string; compact?: boolean }) {
  return (
    <Link
      href={href}
      className="inline-flex items-center gap-2 font-semibold text-slate-900"
      aria-label="Handrail home"
    >
      <svg viewBox="0 0 24 24" className="size-7" aria-hidden>
        <rect width="24" height="24" rx="6" className="fill-brand-600" />
        <rect x="5" y="7" width="14" height="2.5" rx="1.25" fill="white" />
        <rect x="7" y="9.5" width="2" height="8" rx="1" fill="white" opacity="0.8" />
        <rect x="15" y="9.5" width="2" height="8" rx="1" fill="white" opacity="0.8" />
      </svg>
      {compact ? <span className="sr-only">Handrail</span> : <span>Handrail</span>}
    </Link>
  );
}
