import { z } from "zod";
import { ACTOR_TYPES } from "../audit/audit.schemas";
import { ZRecordType } from "./record-types";

const ZRecordId = z.string().min(1).max(128);
const ZFieldName = z.string().min(1).max(64);
const ZFieldValues = z.record(ZFieldName, z.unknown());

export const ZRecord = z.object({
  id: z.string(),
  type: ZRecordType,
  externalId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** The names of records a page shows by id (e.g. a contact's company), keyed by record id. */
export const ZReferences = z.record(z.string(), z.object({ type: ZRecordType, title: z.string() }));

export const ZRecordOverviewResponse = z.object({ counts: z.record(ZRecordType, z.number()) });

export const ZListRecordsRequest = z.object({
  type: ZRecordType,
  /** Matches any field's value, case-insensitively. */
  search: z.string().trim().max(200).optional(),
  /** Exact values per field (enums, booleans, references). */
  filters: z.record(ZFieldName, z.union([z.string().max(200), z.number(), z.boolean(), z.null()])).optional(),
  cursor: ZRecordId.optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const ZListRecordsResponse = z.object({
  records: z.array(ZRecord),
  total: z.number(),
  nextCursor: z.string().nullable(),
  references: ZReferences,
});

export const ZRecordRef = z.object({ type: ZRecordType, id: ZRecordId });

export const ZGetRecordResponse = z.object({ record: ZRecord, references: ZReferences });

export const ZCreateRecordRequest = z.object({ type: ZRecordType, data: ZFieldValues });

export const ZUpdateRecordRequest = z.object({
  type: ZRecordType,
  id: ZRecordId,
  /** The version the person edited: a newer one means someone else changed the record meanwhile. */
  version: z.number().int().positive(),
  changes: ZFieldValues,
});

export const ZUpdateRecordResponse = z.object({ record: ZRecord, changed: z.array(z.string()) });

export const ZDeleteRecordRequest = ZRecordRef.extend({ version: z.number().int().positive() });

export const ZRecordHistoryRequest = ZRecordRef.extend({
  cursor: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(100).default(30),
});

export const ZRecordChange = z.object({
  id: z.string(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  actorType: z.enum(ACTOR_TYPES),
  actorLabel: z.string().nullable(),
  actionId: z.string().nullable(),
  createdAt: z.date(),
});

export const ZRecordHistoryResponse = z.object({ changes: z.array(ZRecordChange), nextCursor: z.string().nullable() });
