import type { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import type { AuditActor } from "../audit/audit.schemas";
import type { Role } from "../auth/permissions";
import type { Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { approverScopeFor, refuseMemberChange } from "./member-rules";
import type { ZRemoveMemberRequest, ZUpdateMemberRoleRequest } from "./member.schemas";

export type OrgActorContext = {
  orgId: string;
  actor: AuditActor;
  actorRole: Role;
  actorUserId: string;
  ip: string;
};

export async function listMembers(tx: Tx, orgId: string) {
  const rows = await tx.membership.findMany({
    where: { orgId },
    include: { user: { select: { email: true, name: true, totpEnabledAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({
    id: m.id,
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    approvalDomains: m.approvalDomains,
    approvalLimit: m.approvalLimit === null ? null : Number(m.approvalLimit),
    stepUpLimit: m.stepUpLimit === null ? null : Number(m.stepUpLimit),
    twoFactorEnabled: Boolean(m.user.totpEnabledAt),
    joinedAt: m.createdAt,
  }));
}

async function loadTarget(tx: Tx, orgId: string, memberId: string) {
  const target = await tx.membership.findFirst({
    where: { id: memberId, orgId },
    include: { user: { select: { email: true } } },
  });
  if (!target) throw new AppError("NOT_FOUND", "That member was not found.");
  // Lock the organisation's owners so two concurrent demotions cannot both pass the last-owner check.
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Membership" WHERE "orgId" = ${orgId} AND "role" = 'owner' FOR UPDATE`;
  return { target, ownerCount: owners.length };
}

/** Outcome of a guarded change: refusals are audited and committed before the error is raised. */
type Guarded<T> = { ok: true; value: T } | { ok: false; reason: string };

export function unwrapGuarded<T>(result: Guarded<T>): T {
  if (!result.ok) throw new AppError("FORBIDDEN", result.reason);
  return result.value;
}

export async function updateMemberRole(
  tx: Tx,
  ctx: OrgActorContext,
  input: z.infer<typeof ZUpdateMemberRoleRequest>,
): Promise<Guarded<{ id: string; role: Role }>> {
  const { target, ownerCount } = await loadTarget(tx, ctx.orgId, input.memberId);
  const reason = refuseMemberChange({
    kind: "role",
    actorRole: ctx.actorRole,
    from: target.role,
    to: input.role,
    ownerCount,
  });
  const email = target.user.email;
  if (reason) {
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "member.change_denied",
      outcome: "denied",
      targetType: "membership",
      targetId: target.id,
      data: { email, attempted: `role ${target.role} → ${input.role}`, reason },
      ip: ctx.ip,
    });
    return { ok: false, reason };
  }
  const scope = {
    ...approverScopeFor(input.role, input.approvalDomains, input.approvalLimit),
    stepUpLimit: input.role === "approver" ? input.stepUpLimit : null,
  };
  await tx.membership.update({ where: { id: target.id }, data: { role: input.role, ...scope } });
  await appendAudit(tx, {
    orgId: ctx.orgId,
    actor: ctx.actor,
    action: "member.role_changed",
    targetType: "membership",
    targetId: target.id,
    data: { email, from: target.role, to: input.role, ...scope },
    ip: ctx.ip,
  });
  return { ok: true, value: { id: target.id, role: input.role } };
}

export async function removeMember(
  tx: Tx,
  ctx: OrgActorContext,
  input: z.infer<typeof ZRemoveMemberRequest>,
): Promise<Guarded<{ id: string }>> {
  const { target, ownerCount } = await loadTarget(tx, ctx.orgId, input.memberId);
  const reason = refuseMemberChange({
    kind: "remove",
    actorRole: ctx.actorRole,
    from: target.role,
    ownerCount,
  });
  const email = target.user.email;
  if (reason) {
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "member.change_denied",
      outcome: "denied",
      targetType: "membership",
      targetId: target.id,
      data: { email, attempted: "remove", reason },
      ip: ctx.ip,
    });
    return { ok: false, reason };
  }
  await tx.membership.delete({ where: { id: target.id } });
  await appendAudit(tx, {
    orgId: ctx.orgId,
    actor: ctx.actor,
    action: "member.removed",
    targetType: "membership",
    targetId: target.id,
    data: { email, role: target.role },
    ip: ctx.ip,
  });
  return { ok: true, value: { id: target.id } };
}
