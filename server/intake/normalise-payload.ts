import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { z } from "zod";
import { TEMPLATE_KEYS, type IntakeKind, type TemplateKey } from "@/inngest/events";
import { INTAKE_PAYLOADS, TEMPLATE_INTAKE_KINDS } from "./intake-payloads";

/** Longest source id stored (the run's trigger key has the same limit). */
const MAX_SOURCE_ID = 200;

export type PayloadProblem = {
  status: 400 | 422;
  error: "invalid_payload" | "unsupported_kind" | "no_intake";
  message: string;
  issues?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };
};

export type NormalisedPayload = { kind: IntakeKind; payload: Record<string, unknown>; sourceId: string };

export function intakeKindsOf(templateKey: string): readonly IntakeKind[] | null {
  return (TEMPLATE_KEYS as readonly string[]).includes(templateKey)
    ? TEMPLATE_INTAKE_KINDS[templateKey as TemplateKey]
    : null;
}

/** The workflow's template decides the kind; a template with several kinds takes an explicit one. */
export function resolveKind(templateKey: string, requested: unknown): IntakeKind | PayloadProblem {
  const kinds = intakeKindsOf(templateKey);
  if (!kinds) return { status: 422, error: "no_intake", message: "This workflow's template takes no intake." };
  if (requested === undefined || requested === null) return kinds[0] as IntakeKind;
  if (typeof requested === "string" && (kinds as readonly string[]).includes(requested)) return requested as IntakeKind;
  return {
    status: 422,
    error: "unsupported_kind",
    message: `This workflow takes ${kinds.map((k) => `"${k}"`).join(" or ")} items, not ${JSON.stringify(requested)}.`,
  };
}

/** Not content: the same invoice uploaded twice under another file name is the same invoice. */
const NOT_CONTENT = { source_id: undefined, attachment_id: undefined, filename: undefined };

/** A stable id for an item its sender gave none: the hash of its normalised content. */
export function contentSourceId(payload: Record<string, unknown>): string {
  const rest = { ...payload, ...NOT_CONTENT };
  return `sha256:${createHash("sha256")
    .update(canonicalize(rest) ?? "")
    .digest("hex")}`;
}

/** Message-IDs and other long ids are kept when short enough, else hashed to fit. */
export function fitSourceId(id: string): string {
  const trimmed = id.trim();
  return trimmed.length <= MAX_SOURCE_ID ? trimmed : `sha256:${createHash("sha256").update(trimmed).digest("hex")}`;
}

function describeIssues(kind: IntakeKind, error: z.ZodError): PayloadProblem {
  const issues = z.flattenError(error);
  const parts = error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message));
  return {
    status: 422,
    error: "invalid_payload",
    message: `This ${kind} is not valid. ${parts.join("; ")}.`,
    issues: { formErrors: issues.formErrors, fieldErrors: issues.fieldErrors },
  };
}

/** Validates a payload against its kind's contract and gives it a source id. */
export function normalisePayload(kind: IntakeKind, raw: unknown): NormalisedPayload | PayloadProblem {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { status: 400, error: "invalid_payload", message: `Send the ${kind} as a JSON object.` };
  }
  const parsed = INTAKE_PAYLOADS[kind].safeParse(raw);
  if (!parsed.success) return describeIssues(kind, parsed.error);
  const payload = parsed.data as Record<string, unknown>;
  const given = typeof payload.source_id === "string" ? payload.source_id : null;
  const sourceId = given ? fitSourceId(given) : contentSourceId(payload);
  return { kind, payload: { ...payload, source_id: sourceId }, sourceId };
}

/** Splits a JSON body into the envelope (workflowId, kind) and the payload itself. */
export function splitEnvelope(body: unknown): { workflowId: unknown; kind: unknown; raw: unknown } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { workflowId: undefined, kind: undefined, raw: body };
  }
  const { workflowId, kind, ...raw } = body as Record<string, unknown>;
  return { workflowId, kind, raw };
}

/**
 * The kind of a stored item (for resending and listing): a template with several kinds has
 * mutually exclusive required fields (an article has a title, a mention an author and channel).
 */
export function kindOfPayload(templateKey: string, payload: unknown): IntakeKind | null {
  const kinds = intakeKindsOf(templateKey);
  if (!kinds) return null;
  if (kinds.length === 1) return kinds[0] as IntakeKind;
  const p = (payload ?? {}) as Record<string, unknown>;
  if (kinds.includes("mention") && typeof p.author === "string" && typeof p.title !== "string") return "mention";
  return kinds.find((k) => INTAKE_PAYLOADS[k].safeParse(payload).success) ?? null;
}

export const isProblem = (value: unknown): value is PayloadProblem =>
  typeof value === "object" && value !== null && "error" in value && "status" in value;
