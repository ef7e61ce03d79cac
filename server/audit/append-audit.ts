import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/tenancy";
import { AUDIT_ACTIONS, type AuditAction, type AuditInput } from "./audit.schemas";
import { GENESIS_HASH, hashAuditEntry } from "./audit-hash";

export const PLATFORM_CHAIN = "platform";

/**
 * Appends one entry to its chain inside the caller's transaction, so the entry exists exactly
 * when the change it records does. The head row is locked, which serialises appends per chain.
 */
export async function appendAudit<A extends AuditAction>(tx: Tx, input: AuditInput<A>): Promise<void> {
  // Round-trip through JSON so the hashed value is exactly what the jsonb column stores.
  const data = JSON.parse(
    JSON.stringify(AUDIT_ACTIONS[input.action].parse(input.data) ?? {}),
  ) as Prisma.InputJsonObject;
  const chainKey = input.orgId ?? PLATFORM_CHAIN;
  await tx.$executeRaw`INSERT INTO "AuditChainHead" ("chainKey", "orgId", "seq", "hash")
    VALUES (${chainKey}, ${input.orgId}, 0, ${GENESIS_HASH}) ON CONFLICT ("chainKey") DO NOTHING`;
  const heads = await tx.$queryRaw<{ seq: number; hash: string }[]>`
    SELECT "seq", "hash" FROM "AuditChainHead" WHERE "chainKey" = ${chainKey} FOR UPDATE`;
  const head = heads[0];
  if (!head) throw new Error("audit chain head is not visible in this scope");

  const fields = {
    chainKey,
    seq: head.seq + 1,
    orgId: input.orgId,
    actorType: input.actor.type,
    actorId: input.actor.id,
    actorLabel: input.actor.label,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    outcome: input.outcome ?? "success",
    data,
    ip: input.ip ?? null,
    createdAt: new Date(),
    prevHash: head.hash,
  };
  const hash = hashAuditEntry(fields);
  await tx.auditEntry.create({ data: { ...fields, hash } });
  await tx.auditChainHead.update({ where: { chainKey }, data: { seq: fields.seq, hash } });
}
