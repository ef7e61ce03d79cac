import { appendAudit } from "../../server/audit/append-audit";
import type { Role } from "../../server/auth/permissions";
import { hashPassword } from "../../server/auth/passwords";
import { db } from "../../server/db/client";
import { withScope } from "../../server/db/tenancy";
import { createOrganization } from "../../server/orgs/org-service";

/** Test and seed factories: one place that knows how to make valid rows. */
export async function createUser(input: { email: string; name?: string; password?: string; platformAdmin?: boolean }) {
  return db.user.create({
    data: {
      email: input.email.toLowerCase(),
      name: input.name ?? input.email.split("@")[0],
      passwordHash: await hashPassword(input.password ?? "correct horse battery"),
      isPlatformAdmin: input.platformAdmin ?? false,
    },
  });
}

export async function createOrgWithOwner(owner: { id: string; email: string }, name: string) {
  return createOrganization(owner, { name }, "127.0.0.1");
}

export async function addMember(input: {
  orgId: string;
  user: { id: string; email: string };
  role: Role;
  approvalDomains?: string[];
  approvalLimit?: number | null;
}) {
  return withScope({ orgId: input.orgId }, async (tx) => {
    const membership = await tx.membership.create({
      data: {
        orgId: input.orgId,
        userId: input.user.id,
        role: input.role,
        approvalDomains: input.approvalDomains ?? [],
        approvalLimit: input.approvalLimit ?? null,
      },
    });
    // Seeded memberships are recorded like accepted invitations, so the chain tells the truth.
    await appendAudit(tx, {
      orgId: input.orgId,
      actor: { type: "system", id: null, label: "seed" },
      action: "invitation.accepted",
      targetType: "membership",
      targetId: membership.id,
      data: { email: input.user.email, role: input.role },
    });
    return membership;
  });
}

let counter = 0;
/** A unique email per call, so tests never collide with each other or with the seed. */
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@example.test`;
}
