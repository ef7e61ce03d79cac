import type { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import type { AuditActor } from "../audit/audit.schemas";
import { hashToken, randomToken } from "../auth/crypto";
import { canGrantRole, ROLE_LABELS } from "../auth/permissions";
import { enterOrg, withScope, type Tx } from "../db/tenancy";
import { env } from "../env";
import { AppError } from "../errors";
import { sendMail } from "../mail/send-mail";
import { approverScopeFor } from "../members/member-rules";
import type { OrgActorContext } from "../members/member-service";
import { INVITATION_TTL_DAYS, type ZCreateInvitationRequest } from "./invitation.schemas";

type InvitationRow = { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date };

export function invitationStatus(row: InvitationRow, now = new Date()) {
  if (row.acceptedAt) return "accepted" as const;
  if (row.revokedAt) return "revoked" as const;
  if (row.expiresAt <= now) return "expired" as const;
  return "pending" as const;
}

export async function listInvitations(tx: Tx, orgId: string) {
  const rows = await tx.invitation.findMany({ where: { orgId }, orderBy: { createdAt: "desc" }, take: 100 });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    status: invitationStatus(r),
    expiresAt: r.expiresAt,
    createdAt: r.createdAt,
  }));
}

/** Creates the invitation and mails its single-use link. Only the token's hash is stored. */
export async function createInvitation(
  ctx: OrgActorContext & { orgName: string },
  input: z.infer<typeof ZCreateInvitationRequest>,
) {
  const token = randomToken();
  const result = await withScope({ orgId: ctx.orgId, userId: ctx.actorUserId }, async (tx) => {
    if (!canGrantRole(ctx.actorRole, input.role)) {
      const reason = `Your role cannot invite someone as ${input.role}.`;
      await appendAudit(tx, {
        orgId: ctx.orgId,
        actor: ctx.actor,
        action: "member.change_denied",
        outcome: "denied",
        data: { email: input.email, attempted: `invite as ${input.role}`, reason },
        ip: ctx.ip,
      });
      return { ok: false as const, reason };
    }
    const member = await tx.membership.findFirst({ where: { orgId: ctx.orgId, user: { email: input.email } } });
    if (member) throw new AppError("CONFLICT", `${input.email} is already a member.`);
    const pending = await tx.invitation.findFirst({
      where: { orgId: ctx.orgId, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    });
    if (pending)
      throw new AppError("CONFLICT", `${input.email} already has a pending invitation. Revoke it to send a new one.`);
    const invitation = await tx.invitation.create({
      data: {
        orgId: ctx.orgId,
        email: input.email,
        role: input.role,
        ...approverScopeFor(input.role, input.approvalDomains, input.approvalLimit),
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000),
        invitedById: ctx.actorUserId,
      },
    });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "invitation.created",
      targetType: "invitation",
      targetId: invitation.id,
      data: { email: input.email, role: input.role },
      ip: ctx.ip,
    });
    return { ok: true as const, value: { id: invitation.id } };
  });
  if (!result.ok) throw new AppError("FORBIDDEN", result.reason);

  const link = `${env.APP_URL}/invite/${token}`;
  await sendMail({
    to: input.email,
    subject: `You're invited to ${ctx.orgName} on Handrail`,
    text: `${ctx.actor.label ?? "A teammate"} invited you to join ${ctx.orgName} on Handrail as ${ROLE_LABELS[input.role]}.\n\nAccept the invitation: ${link}\n\nThe link works once and expires in ${INVITATION_TTL_DAYS} days.`,
  });
  return result.value;
}

export async function revokeInvitation(tx: Tx, ctx: OrgActorContext, invitationId: string) {
  const invitation = await tx.invitation.findFirst({ where: { id: invitationId, orgId: ctx.orgId } });
  if (!invitation) throw new AppError("NOT_FOUND", "That invitation was not found.");
  if (invitationStatus(invitation) !== "pending") {
    throw new AppError("CONFLICT", `That invitation is already ${invitationStatus(invitation)}.`);
  }
  await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
  await appendAudit(tx, {
    orgId: ctx.orgId,
    actor: ctx.actor,
    action: "invitation.revoked",
    targetType: "invitation",
    targetId: invitation.id,
    data: { email: invitation.email },
    ip: ctx.ip,
  });
  return { id: invitation.id };
}

export async function previewInvitation(token: string) {
  const tokenHash = hashToken(token);
  const row = await withScope({ inviteTokenHash: tokenHash }, (tx) =>
    tx.invitation.findUnique({ where: { tokenHash }, include: { org: { select: { name: true } } } }),
  );
  if (!row) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
  return { orgName: row.org.name, email: row.email, role: row.role, status: invitationStatus(row) };
}

const REFUSALS = {
  accepted: "This invitation has already been used.",
  revoked: "This invitation was revoked. Ask for a new one.",
  expired: "This invitation has expired. Ask for a new one.",
} as const;

/**
 * Joins the signed-in user to the inviting organisation. The token works once (a conditional
 * update decides a race) and only for the invited email address. Refusals are audited.
 */
export async function acceptInvitation(user: { id: string; email: string }, token: string, ip: string) {
  const tokenHash = hashToken(token);
  const actor: AuditActor = { type: "human", id: user.id, label: user.email };
  const outcome = await withScope({ inviteTokenHash: tokenHash, userId: user.id }, async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash }, include: { org: true } });
    if (!invitation)
      return { ok: false as const, code: "NOT_FOUND" as const, reason: "This invitation link is not valid." };
    await enterOrg(tx, invitation.orgId);
    const refuse = async (code: "CONFLICT" | "FORBIDDEN", reason: string) => {
      await appendAudit(tx, {
        orgId: invitation.orgId,
        actor,
        action: "invitation.refused",
        outcome: "denied",
        targetType: "invitation",
        targetId: invitation.id,
        data: { reason },
        ip,
      });
      return { ok: false as const, code, reason };
    };
    const status = invitationStatus(invitation);
    if (status !== "pending") return refuse("CONFLICT", REFUSALS[status]);
    if (invitation.email !== user.email) {
      return refuse("FORBIDDEN", `This invitation is for ${invitation.email}. Sign in with that account to accept it.`);
    }
    const existing = await tx.membership.findFirst({ where: { orgId: invitation.orgId, userId: user.id } });
    if (existing) return refuse("CONFLICT", "You are already a member of this organisation.");
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date(), acceptedById: user.id },
    });
    if (claimed.count !== 1) return refuse("CONFLICT", REFUSALS.accepted);
    await tx.membership.create({
      data: {
        orgId: invitation.orgId,
        userId: user.id,
        role: invitation.role,
        approvalDomains: invitation.approvalDomains,
        approvalLimit: invitation.approvalLimit,
      },
    });
    await appendAudit(tx, {
      orgId: invitation.orgId,
      actor,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: invitation.id,
      data: { email: invitation.email, role: invitation.role },
      ip,
    });
    return { ok: true as const, value: { slug: invitation.org.slug, role: invitation.role } };
  });
  if (!outcome.ok) throw new AppError(outcome.code, outcome.reason);
  return outcome.value;
}
