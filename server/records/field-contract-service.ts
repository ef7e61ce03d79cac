import type { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import type { AuditActor } from "../audit/audit.schemas";
import type { Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { isProtectedByDefault, orgFieldContract, type FieldRule } from "./field-contract";
import type {
  ZFieldContractResponse,
  ZResetFieldContractRequest,
  ZSetFieldRuleRequest,
} from "./governance-settings.schemas";
import { RECORD_TYPES, type RecordType } from "./record-types";

export type SettingsContext = { orgId: string; userId: string; actor: AuditActor };

function defaultEntry(type: RecordType, field: string): { rule: FieldRule; protected: boolean } | null {
  const entry = (RECORD_TYPES[type].defaultContract as Record<string, { rule: FieldRule; protected?: boolean }>)[field];
  return entry ? { rule: entry.rule, protected: entry.protected === true } : null;
}

/** One record type's contract as the organisation sees it: the effective rule beside the default. */
export async function getFieldContract(
  tx: Tx,
  orgId: string,
  type: RecordType,
): Promise<z.infer<typeof ZFieldContractResponse>> {
  const rows = await tx.fieldContractRule.findMany({ where: { orgId, recordType: type } });
  const effective = orgFieldContract(rows)[type] ?? {};
  const fields = Object.keys(RECORD_TYPES[type].defaultContract).map((field) => {
    const base = defaultEntry(type, field)!;
    const row = rows.find((r) => r.field === field);
    const current = effective[field] ?? base;
    return {
      field,
      rule: current.rule,
      protected: current.protected,
      defaultRule: base.rule,
      protectedByDefault: base.protected,
      customised: Boolean(row),
      updatedAt: row?.updatedAt ?? null,
    };
  });
  return { recordType: type, fields };
}

/** Saves the organisation's rule for one field (a field protected by default stays protected). */
export async function setFieldRule(
  tx: Tx,
  ctx: SettingsContext,
  input: z.infer<typeof ZSetFieldRuleRequest>,
): Promise<void> {
  const base = defaultEntry(input.recordType, input.field);
  if (!base)
    throw new AppError("BAD_REQUEST", `${RECORD_TYPES[input.recordType].label} has no field "${input.field}".`);
  if (base.protected && !input.protected) {
    throw new AppError(
      "BAD_REQUEST",
      `${RECORD_TYPES[input.recordType].label} ${input.field} is protected by default and stays protected.`,
    );
  }
  const key = { orgId: ctx.orgId, recordType: input.recordType, field: input.field };
  const existing = await tx.fieldContractRule.findUnique({ where: { orgId_recordType_field: key } });
  const previous = existing
    ? { rule: existing.rule, protected: existing.protected || isProtectedByDefault(input.recordType, input.field) }
    : base;
  await tx.fieldContractRule.upsert({
    where: { orgId_recordType_field: key },
    create: { ...key, rule: input.rule, protected: input.protected, updatedById: ctx.userId },
    update: { rule: input.rule, protected: input.protected, updatedById: ctx.userId },
  });
  await appendAudit(tx, {
    orgId: ctx.orgId,
    actor: ctx.actor,
    action: "field_contract.updated",
    targetType: "field_contract",
    targetId: `${input.recordType}.${input.field}`,
    data: { recordType: input.recordType, field: input.field, rule: input.rule, protected: input.protected, previous },
  });
}

/** Returns one field, or a whole record type, to the record type's default contract. */
export async function resetFieldContract(
  tx: Tx,
  ctx: SettingsContext,
  input: z.infer<typeof ZResetFieldContractRequest>,
): Promise<{ reset: number }> {
  const where = { orgId: ctx.orgId, recordType: input.recordType, ...(input.field ? { field: input.field } : {}) };
  const rows = await tx.fieldContractRule.findMany({ where, select: { field: true } });
  if (rows.length === 0) return { reset: 0 };
  await tx.fieldContractRule.deleteMany({ where });
  await appendAudit(tx, {
    orgId: ctx.orgId,
    actor: ctx.actor,
    action: "field_contract.reset",
    targetType: "field_contract",
    targetId: input.field ? `${input.recordType}.${input.field}` : input.recordType,
    data: { recordType: input.recordType, fields: rows.map((r) => r.field) },
  });
  return { reset: rows.length };
}
