"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

type DropdownProps = {
  /** Accessible name of the trigger button. */
  label: string;
  trigger: ReactNode;
  align?: "left" | "right";
  triggerClassName?: string;
  "data-testid"?: string;
  children: (close: () => void) => ReactNode;
};

/** A disclosure menu of links: closes on Escape, an outside click or a chosen item. */
export function Dropdown({ label, trigger, align = "left", triggerClassName, children, ...rest }: DropdownProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className={cn(
          "inline-flex max-w-full items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-slate-800 hover:bg-slate-100",
          "focus-visible:outline-2 focus-visible:outline-brand-500",
          triggerClassName,
        )}
        data-testid={rest["data-testid"]}
      >
        {trigger}
        <svg viewBox="0 0 20 20" className="size-4 shrink-0 text-slate-400" aria-hidden>
          <path d="M5.5 7.5 10 12l4.5-4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open ? (
        <div
          id={panelId}
          className={cn(
            "absolute z-30 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white py-1 shadow-lg",
            align === "right" ? "right-0" : "left-0",
          )}
        >
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  );
}

export const dropdownItemClass =
  "block w-full px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none";
