import { appendAudit } from "../audit/append-audit";
import type { AuditAction, AuditInput } from "../audit/audit.schemas";
import { withScope } from "../db/tenancy";

/**
 * Account-level security events (sign-in, 2FA changes) belong to no single organisation. They
 * go to the platform chain and to the chain of every organisation the user belongs to, so each
 * organisation's auditors see what happened to their members' accounts.
 */
export async function recordSecurityEvent<A extends AuditAction>(
  userId: string | null,
  input: Omit<AuditInput<A>, "orgId">,
): Promise<void> {
  const memberships = userId
    ? await withScope({ userId }, (tx) => tx.membership.findMany({ where: { userId }, select: { orgId: true } }))
    : [];
  await withScope({ platformAudit: true }, (tx) => appendAudit(tx, { ...input, orgId: null }));
  for (const { orgId } of memberships) {
    await withScope({ orgId, userId: userId ?? undefined }, (tx) => appendAudit(tx, { ...input, orgId }));
  }
}
