import { z } from "zod";
import { SUPPRESSION_LISTS, ZFieldRule } from "../governance/policy.schemas";
import { ZRecordType } from "./record-types";

export const ZSuppressionList = z.enum(SUPPRESSION_LISTS);

export const ZFieldContractRequest = z.object({ recordType: ZRecordType });

export const ZFieldContractField = z.object({
  field: z.string(),
  rule: ZFieldRule,
  protected: z.boolean(),
  /** The record type's default, shown beside the organisation's choice. */
  defaultRule: ZFieldRule,
  /** Protected by the record type: the organisation cannot remove the protection. */
  protectedByDefault: z.boolean(),
  customised: z.boolean(),
  updatedAt: z.date().nullable(),
});

export const ZFieldContractResponse = z.object({
  recordType: ZRecordType,
  fields: z.array(ZFieldContractField),
});

export const ZSetFieldRuleRequest = z.object({
  recordType: ZRecordType,
  field: z.string().min(1).max(64),
  rule: ZFieldRule,
  protected: z.boolean(),
});

export const ZResetFieldContractRequest = z.object({
  recordType: ZRecordType,
  /** One field, or every field of the type when omitted. */
  field: z.string().min(1).max(64).optional(),
});

/** An email, a domain or an account id, as the gate compares it: trimmed and lower-cased. */
export const ZSuppressionValue = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter an email, domain or account id.")
  .max(320, "At most 320 characters.")
  .refine((v) => !/\s/.test(v), "One entry may not contain spaces.");

export const ZListSuppressionRequest = z.object({
  list: ZSuppressionList.optional(),
  search: z.string().trim().max(200).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const ZSuppressionEntry = z.object({
  id: z.string(),
  list: ZSuppressionList,
  value: z.string(),
  note: z.string().nullable(),
  createdAt: z.date(),
  createdBy: z.string().nullable(),
});

export const ZListSuppressionResponse = z.object({
  entries: z.array(ZSuppressionEntry),
  nextCursor: z.string().nullable(),
  counts: z.record(ZSuppressionList, z.number()),
});

export const MAX_SUPPRESSION_BATCH = 1000;

export const ZAddSuppressionRequest = z.object({
  list: ZSuppressionList,
  values: z.array(ZSuppressionValue).min(1).max(MAX_SUPPRESSION_BATCH),
  note: z.string().trim().max(500).optional(),
});

export const ZAddSuppressionResponse = z.object({ added: z.number(), alreadyListed: z.number() });

export const ZRemoveSuppressionRequest = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(500) });

/** Splits pasted text into entries: commas, semicolons, whitespace and new lines all separate. */
export function splitPastedEntries(text: string): string[] {
  const values = text
    .split(/[\s,;]+/)
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(values)];
}
