import { RECORD_TYPES, type RecordType } from "./record-types";

/** How a record is named: its title field, else its type and a short id. No server-only imports. */
export function recordTitle(type: RecordType, id: string, data: unknown): string {
  const value = (data as Record<string, unknown> | null)?.[RECORD_TYPES[type].titleField];
  if (typeof value === "string" && value.trim()) return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  if (typeof value === "number") return String(value);
  return `${RECORD_TYPES[type].label} ${id.slice(0, 8)}`;
}
