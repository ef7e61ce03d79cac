import type { ComponentProps, InputHTMLAttributes, SelectHTMLAttributes } from "react";
import { cn } from "./cn";

const CONTROL =
  "block w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 " +
  "focus:border-brand-500 focus:outline-2 focus:outline-brand-500/30 disabled:bg-slate-100 disabled:text-slate-500";

export function Input({ className, "aria-invalid": invalid, ...rest }: ComponentProps<"input">) {
  return (
    <input
      aria-invalid={invalid}
      className={cn(CONTROL, "h-10", invalid ? "border-red-400" : "border-slate-300", className)}
      {...rest}
    />
  );
}

export function Select({ className, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select className={cn(CONTROL, "h-10 border-slate-300 pr-8", className)} {...rest}>
      {children}
    </select>
  );
}

export function Checkbox({ label, className, ...rest }: InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  return (
    <label className={cn("inline-flex items-center gap-2 text-sm text-slate-700", className)}>
      <input type="checkbox" className="size-4 rounded border-slate-300 accent-brand-600" {...rest} />
      {label}
    </label>
  );
}
