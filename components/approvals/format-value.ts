import type { RouterOutputs } from "./types";

export type ApprovalItem = RouterOutputs["approval"]["inbox"]["items"][number];
export type HistoryEntry = RouterOutputs["approval"]["history"][number];

/** A JSON value as a person reads it (objects as "field: value" pairs, so a phone can wrap them). */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "(empty)";
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.length ? v.map(showValue).join(", ") : "(none)";
  if (isPlainObject(v)) {
    const filled = Object.entries(v).filter(([, x]) => x !== null && x !== "" && !(Array.isArray(x) && !x.length));
    return filled.map(([k, x]) => `${humanise(k)}: ${typeof x === "string" ? x : JSON.stringify(x)}`).join("; ");
  }
  return JSON.stringify(v);
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A whole record (create or delete) has no single value a person could retype. */
export const isEditableValue = (v: unknown) => !isPlainObject(v) && !Array.isArray(v);

/** Field-by-field rows of a whole-record change: every field whose value differs. */
export function recordFieldChanges(
  oldValue: unknown,
  newValue: unknown,
): { field: string; old: unknown; new: unknown }[] {
  const before = isPlainObject(oldValue) ? oldValue : {};
  const after = isPlainObject(newValue) ? newValue : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((f) => ({ field: f, old: before[f] ?? null, new: after[f] ?? null }));
}

export const humanise = (s: string) => s.replace(/[_.]/g, " ");

const relative = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });

/** "in 3 hours", "in 12 minutes", "2 hours ago". */
export function dueIn(date: Date, now = Date.now()): string {
  const minutes = Math.round((date.getTime() - now) / 60_000);
  if (Math.abs(minutes) < 60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return relative.format(hours, "hour");
  return relative.format(Math.round(hours / 24), "day");
}

export const OUTCOME_LABELS: Record<ApprovalItem["outcome"], string> = {
  waiting: "Waiting",
  approved: "Approved",
  rejected: "Rejected",
  expired: "Expired",
  cancelled: "Cancelled",
  executed: "Executed",
  rolled_back: "Rolled back",
  conflict: "Changed meanwhile",
};

export const REJECT_REASONS = ["Wrong amount", "Duplicate", "Not what was ordered", "Needs more information"] as const;

/**
 * Edit before approve: parse what was typed as the proposal's type, or say why it is not valid.
 * The server checks the same again.
 */
export function parseEdit(
  proposed: unknown,
  text: string,
): { ok: true; value: string | number | boolean } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Enter a value, or approve the proposal as it is." };
  if (typeof proposed === "number") {
    const n = Number(trimmed);
    return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: "Enter a number." };
  }
  if (typeof proposed === "boolean") {
    if (trimmed === "true" || trimmed === "false") return { ok: true, value: trimmed === "true" };
    return { ok: false, error: "Enter true or false." };
  }
  if (trimmed.length > 10_000) return { ok: false, error: "That is too long." };
  return { ok: true, value: trimmed };
}
