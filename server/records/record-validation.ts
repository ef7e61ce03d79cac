import type { z } from "zod";
import { AppError } from "../errors";
import { isRecordType, RECORD_TYPES, type RecordType } from "./record-types";

export type RecordJson = Record<string, unknown>;

function describeIssue(type: RecordType, issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join(".") || "record";
  return `${RECORD_TYPES[type].label} ${field}: ${issue.message}`;
}

/** The names of a record type's fields, in schema order. */
export function recordFields(type: RecordType): string[] {
  return Object.keys(RECORD_TYPES[type].schema.shape);
}

export function assertKnownField(type: RecordType, field: string): void {
  if (!Object.hasOwn(RECORD_TYPES[type].schema.shape, field)) {
    throw new AppError("BAD_REQUEST", `${RECORD_TYPES[type].label} has no field "${field}".`);
  }
}

/**
 * The record's data as its schema makes it (defaults filled, text normalised). Unknown fields are
 * refused rather than silently dropped, so a typo never looks like a saved change.
 */
export function validateRecordData(type: RecordType, data: unknown): RecordJson {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new AppError("BAD_REQUEST", `A ${RECORD_TYPES[type].label.toLowerCase()} must be an object of fields.`);
  }
  for (const field of Object.keys(data)) assertKnownField(type, field);
  const parsed = RECORD_TYPES[type].schema.safeParse(data);
  if (!parsed.success) throw new AppError("BAD_REQUEST", describeIssue(type, parsed.error.issues[0]!));
  // Round-trip through JSON: what is compared and stored is exactly what the jsonb column keeps.
  return JSON.parse(JSON.stringify(parsed.data)) as RecordJson;
}

/** The whole record after setting one field, validated (a value of the wrong shape is refused). */
export function withFieldValue(type: RecordType, data: RecordJson, field: string, value: unknown): RecordJson {
  assertKnownField(type, field);
  return validateRecordData(type, { ...pickKnown(type, data), [field]: value });
}

/** Drops keys the schema does not know (e.g. left over from an older version of the type). */
export function pickKnown(type: RecordType, data: RecordJson): RecordJson {
  const shape = RECORD_TYPES[type].schema.shape;
  return Object.fromEntries(Object.entries(data).filter(([key]) => Object.hasOwn(shape, key)));
}

/**
 * Checks one proposed value the way a save would (an approver's edit, before it is accepted):
 * a field of a record type against that field's schema, `*` against the whole record's.
 * Record types outside the registry (e.g. outbound email) are left to their connector.
 */
export function assertValidProposedValue(recordType: string, field: string, value: unknown): void {
  if (!isRecordType(recordType)) return;
  if (field === "*") {
    if (value !== null) validateRecordData(recordType, value);
    return;
  }
  assertKnownField(recordType, field);
  const shape: Record<string, z.ZodType> = RECORD_TYPES[recordType].schema.shape;
  const result = shape[field]!.safeParse(value);
  if (!result.success)
    throw new AppError("BAD_REQUEST", describeIssue(recordType, { ...result.error.issues[0]!, path: [field] }));
}
