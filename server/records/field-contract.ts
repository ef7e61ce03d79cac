import type { z } from "zod";
import {
  FIELD_RULES,
  SUPPRESSION_LISTS,
  type ZFieldContract,
  type ZSuppressionLists,
} from "../governance/policy.schemas";
import { RECORD_TYPE_KEYS, RECORD_TYPES, type RecordType, type RecordTypeDefinition } from "./record-types";

export type FieldRule = (typeof FIELD_RULES)[number];
export type FieldContract = z.output<typeof ZFieldContract>;
export type SuppressionLists = z.output<typeof ZSuppressionLists>;
export type FieldContractEntry = { rule: FieldRule; protected: boolean };

/** Stricter rules sort later: write < write-if-empty < suggest-only < never. */
const STRICTNESS: Record<FieldRule, number> = Object.fromEntries(FIELD_RULES.map((r, i) => [r, i])) as Record<
  FieldRule,
  number
>;

export function stricterRule(a: FieldRule, b: FieldRule): FieldRule {
  return STRICTNESS[a] >= STRICTNESS[b] ? a : b;
}

/** A field the record type protects by default stays protected whatever the organisation says. */
export function isProtectedByDefault(type: RecordType, field: string): boolean {
  const entry = (RECORD_TYPES[type].defaultContract as Record<string, { protected?: boolean } | undefined>)[field];
  return entry?.protected === true;
}

export type FieldContractOverride = { recordType: string; field: string; rule: string; protected: boolean };

/**
 * The organisation's field contract: each record type's default contract, with the rows the
 * organisation saved replacing the rule for their field. Protection can be added but never
 * removed from a field the record type protects by default. Rows for unknown types, fields or
 * rules (e.g. left over after a type changed) are ignored.
 */
export function orgFieldContract(overrides: readonly FieldContractOverride[]): FieldContract {
  const contract: FieldContract = {};
  for (const type of RECORD_TYPE_KEYS) {
    const defaults: RecordTypeDefinition["defaultContract"] = RECORD_TYPES[type].defaultContract;
    contract[type] = Object.fromEntries(
      Object.entries(defaults).map(([field, entry]) => [
        field,
        { rule: entry.rule, protected: entry.protected === true },
      ]),
    );
  }
  for (const row of overrides) {
    const fields = contract[row.recordType];
    if (!fields?.[row.field] || !(FIELD_RULES as readonly string[]).includes(row.rule)) continue;
    fields[row.field] = {
      rule: row.rule as FieldRule,
      protected: row.protected || isProtectedByDefault(row.recordType as RecordType, row.field),
    };
  }
  return contract;
}

/**
 * The contract the gate reads: the organisation's, tightened by the workflow version's. A version
 * may make a field stricter or protect it, never loosen what the organisation decided. Fields the
 * organisation's contract does not cover (types outside the registry) keep the version's rule.
 */
export function tightenFieldContract(org: FieldContract, version: FieldContract): FieldContract {
  const merged: FieldContract = Object.fromEntries(Object.entries(org).map(([type, fields]) => [type, { ...fields }]));
  for (const [type, fields] of Object.entries(version)) {
    const target = (merged[type] ??= {});
    for (const [field, entry] of Object.entries(fields)) {
      const base = target[field];
      target[field] = base
        ? { rule: stricterRule(base.rule, entry.rule), protected: base.protected || entry.protected }
        : entry;
    }
  }
  return merged;
}

/** Every list holds the organisation's entries and the version's, lower-cased and de-duplicated. */
export function mergeSuppressionLists(
  org: readonly { list: string; value: string }[],
  version: SuppressionLists,
): SuppressionLists {
  const merged: SuppressionLists = {};
  for (const list of SUPPRESSION_LISTS) {
    const values = new Set((version[list] ?? []).map((v) => v.trim().toLowerCase()));
    for (const entry of org) if (entry.list === list) values.add(entry.value.trim().toLowerCase());
    if (values.size > 0) merged[list] = [...values];
  }
  return merged;
}
