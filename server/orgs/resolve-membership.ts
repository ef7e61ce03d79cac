import type { Role } from "../auth/permissions";
import { withScope } from "../db/tenancy";

export type ResolvedMembership = {
  id: string;
  role: Role;
  approvalDomains: string[];
  approvalLimit: number | null;
  org: { id: string; slug: string; name: string; requireTwoFactorForPrivileged: boolean };
};

/** The caller's membership in the organisation with `slug`, or null: unknown and foreign look the same. */
export async function resolveMembership(userId: string, slug: string): Promise<ResolvedMembership | null> {
  const row = await withScope({ userId }, (tx) =>
    tx.membership.findFirst({
      where: { userId, org: { slug } },
      include: { org: { select: { id: true, slug: true, name: true, requireTwoFactorForPrivileged: true } } },
    }),
  );
  if (!row) return null;
  return {
    id: row.id,
    role: row.role,
    approvalDomains: row.approvalDomains,
    approvalLimit: row.approvalLimit === null ? null : Number(row.approvalLimit),
    org: row.org,
  };
}
