import type { BadgeTone } from "@/components/ui/badge";

export const MODES = ["off", "shadow", "suggest", "auto"] as const;
export type Mode = (typeof MODES)[number];

export const MODE_LABELS: Record<Mode, string> = { off: "Off", shadow: "Shadow", suggest: "Suggest", auto: "Auto" };
export const MODE_TONES: Record<Mode, BadgeTone> = {
  off: "neutral",
  shadow: "brand",
  suggest: "warning",
  auto: "success",
};
export const MODE_HELP: Record<Mode, string> = {
  off: "Runs nothing; every action is blocked.",
  shadow: "Computes what it would do and records it; changes nothing. Compare it with what people do.",
  suggest: "Every action waits for a person to approve it.",
  auto: "The policy decides: confident, low-risk actions run on their own; the rest wait for people.",
};

export const ACTION_STATUS_LABELS: Record<string, string> = {
  proposed: "Proposed",
  pending_approval: "Waiting for approval",
  approved: "Approved",
  rejected: "Rejected",
  blocked: "Blocked",
  executed: "Executed",
  conflict: "Changed meanwhile",
  shadowed: "Shadow (not executed)",
  cancelled: "Cancelled",
  expired: "Expired",
  rolled_back: "Rolled back",
};

export const ACTION_STATUS_TONES: Record<string, BadgeTone> = {
  executed: "success",
  approved: "success",
  shadowed: "brand",
  pending_approval: "warning",
  proposed: "neutral",
  conflict: "warning",
  rejected: "danger",
  blocked: "danger",
  cancelled: "neutral",
  expired: "neutral",
  rolled_back: "neutral",
};

export const DECISION_LABELS: Record<string, string> = {
  auto: "Auto",
  approve_one: "One approver",
  approve_two: "Two approvers",
  block: "Block",
};

export const RUN_STATUS_TONES: Record<string, BadgeTone> = {
  running: "brand",
  waiting: "warning",
  completed: "success",
  failed: "danger",
  cancelled: "neutral",
};

/** A JSON value as a person reads it, shortened for lists. */
export function showValue(value: unknown, max = 160): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const humanise = (s: string) => s.replace(/[_.]/g, " ");
