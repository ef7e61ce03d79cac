import { randomBytes, randomUUID } from "node:crypto";
import type { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import type { AuditActor } from "../audit/audit.schemas";
import { PRIVILEGED_ROLES } from "../auth/permissions";
import { db } from "../db/client";
import { withScope, type Tx } from "../db/tenancy";
import type { ResolvedMembership } from "./resolve-membership";
import type { ZCreateOrgRequest } from "./org.schemas";
import { AppError } from "../errors";

function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "org";
}

async function freeSlug(name: string): Promise<string> {
  const base = slugify(name);
  const taken = await db.organization.findUnique({ where: { slug: base }, select: { id: true } });
  return taken ? `${base}-${randomBytes(3).toString("hex")}` : base;
}

/** Creates an organisation with the caller as its owner. */
export async function createOrganization(
  user: { id: string; email: string },
  input: z.infer<typeof ZCreateOrgRequest>,
  ip: string,
) {
  const id = randomUUID();
  const slug = await freeSlug(input.name);
  const actor: AuditActor = { type: "human", id: user.id, label: user.email };
  return withScope({ orgId: id, userId: user.id }, async (tx) => {
    const org = await tx.organization.create({ data: { id, name: input.name, slug } });
    await tx.membership.create({ data: { orgId: id, userId: user.id, role: "owner" } });
    await appendAudit(tx, { orgId: id, actor, action: "org.created", data: { name: org.name, slug }, ip });
    return { id, slug, name: org.name, role: "owner" as const };
  });
}

export async function listMyOrganizations(userId: string) {
  const rows = await withScope({ userId }, (tx) =>
    tx.membership.findMany({
      where: { userId },
      include: { org: { select: { id: true, slug: true, name: true } } },
      orderBy: { org: { name: "asc" } },
    }),
  );
  return rows.map((m) => ({ ...m.org, role: m.role }));
}

export function describeCurrentOrg(membership: ResolvedMembership, twoFactorEnabled: boolean) {
  const { org } = membership;
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    role: membership.role,
    requireTwoFactorForPrivileged: org.requireTwoFactorForPrivileged,
    twoFactorBlocked:
      org.requireTwoFactorForPrivileged && PRIVILEGED_ROLES.includes(membership.role) && !twoFactorEnabled,
    approvalDomains: membership.approvalDomains,
    approvalLimit: membership.approvalLimit,
  };
}

export async function updateOrgSecurity(
  tx: Tx,
  ctx: { orgId: string; actor: AuditActor; ip: string; actorHasTwoFactor: boolean },
  requireTwoFactorForPrivileged: boolean,
) {
  // Otherwise the owner would lock themselves out of the very setting that locked them out.
  if (requireTwoFactorForPrivileged && !ctx.actorHasTwoFactor) {
    throw new AppError("PRECONDITION_FAILED", "Turn on two-factor authentication for your own account first.");
  }
  await tx.organization.update({ where: { id: ctx.orgId }, data: { requireTwoFactorForPrivileged } });
  await appendAudit(tx, {
    orgId: ctx.orgId,
    actor: ctx.actor,
    action: "org.security_updated",
    data: { requireTwoFactorForPrivileged },
    ip: ctx.ip,
  });
  return { requireTwoFactorForPrivileged };
}
