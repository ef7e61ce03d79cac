import type { z } from "zod";
import type { FIELD_RULES, ZFieldContract } from "../governance/policy.schemas";
import { RECORD_TYPES, type RecordType } from "../records/record-types";

type DefaultEntry = { rule: (typeof FIELD_RULES)[number]; protected?: boolean };

/**
 * The record types' default field contracts, written into a template's version so the gate
 * enforces them even where the organisation has saved no contract of its own (the organisation's
 * contract is merged in when the policy is loaded, and may only tighten).
 */
export function defaultContractFor(types: readonly RecordType[]): z.output<typeof ZFieldContract> {
  return Object.fromEntries(
    types.map((type) => [
      type,
      Object.fromEntries(
        Object.entries(RECORD_TYPES[type].defaultContract as Record<string, DefaultEntry>).map(([field, c]) => [
          field,
          { rule: c.rule, protected: c.protected === true },
        ]),
      ),
    ]),
  );
}
