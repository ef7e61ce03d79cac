import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../prisma/factories";
import { db } from "../db/client";
import { callerFor, withAdminClient } from "../testing/callers";
import { auditEntries, invitationTokenFor } from "../testing/integration";

async function orgWithOwner(label: string) {
  const owner = await createUser({ email: uniqueEmail("owner") });
  const org = await createOrgWithOwner(owner, `${label} ${owner.id}`);
  return { owner, org, ownerCaller: callerFor(owner, org.slug) };
}

/** Invites a fresh address as an approver; returns the mailed token and the invitation id. */
async function inviteApprover(caller: ReturnType<typeof callerFor>) {
  const email = uniqueEmail("invitee");
  const { id } = await caller.invitation.create({
    email,
    role: "approver",
    approvalDomains: ["finance", "sales"],
    approvalLimit: 2500,
  });
  return { id, email, token: await invitationTokenFor(email) };
}

describe("invitation.create", () => {
  it("mails a single-use link and stores only the sha256 of its token", async () => {
    const { owner, org, ownerCaller } = await orgWithOwner("Invite Mail");
    const { id, email, token } = await inviteApprover(ownerCaller);

    const mail = await db.devMail.findFirstOrThrow({ where: { to: email } });
    expect(mail.subject).toContain(org.name);
    expect(mail.text).toContain(`/invite/${token}`);
    const rows = await withAdminClient(
      async (c) => (await c.query<Record<string, unknown>>(`SELECT * FROM "Invitation" WHERE "id" = $1`, [id])).rows,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      orgId: org.id,
      email,
      role: "approver",
      invitedById: owner.id,
      acceptedAt: null,
      tokenHash: createHash("sha256").update(token).digest("hex"),
    });
    expect(JSON.stringify(rows[0])).not.toContain(token);
    const created = await auditEntries({ chainKey: org.id, action: "invitation.created" });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actorId: owner.id, targetId: id, data: { email, role: "approver" } });
    expect(await ownerCaller.invitation.list()).toEqual([
      expect.objectContaining({ id, email, role: "approver", status: "pending" }),
    ]);
  });

  it("lets an admin invite below owner, but refuses to invite as owner (FORBIDDEN, audited, nothing sent)", async () => {
    const { org } = await orgWithOwner("Invite Admin");
    const admin = await createUser({ email: uniqueEmail("admin") });
    await addMember({ orgId: org.id, user: admin, role: "admin" });
    const adminCaller = callerFor(admin, org.slug);
    const email = uniqueEmail("would-be-owner");

    await expect(adminCaller.invitation.create({ email, role: "owner" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const denied = await auditEntries({ chainKey: org.id, action: "member.change_denied" });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({
      actorId: admin.id,
      outcome: "denied",
      data: { email, attempted: "invite as owner" },
    });
    expect(await db.devMail.count({ where: { to: email } })).toBe(0);
    expect(await adminCaller.invitation.list()).toEqual([]);
    await expect(adminCaller.invitation.create({ email, role: "admin" })).resolves.toMatchObject({
      id: expect.any(String) as unknown,
    });
  });

  it("refuses roles without member.invite and other organisations' members", async () => {
    const { org } = await orgWithOwner("Invite Denied");
    const builder = await createUser({ email: uniqueEmail("builder") });
    await addMember({ orgId: org.id, user: builder, role: "builder" });
    const { owner: stranger } = await orgWithOwner("Invite Stranger");
    const input = { email: uniqueEmail("nobody"), role: "builder" as const };

    await expect(callerFor(builder, org.slug).invitation.create(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(stranger, org.slug).invitation.create(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null, org.slug).invitation.create(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.devMail.count({ where: { to: input.email } })).toBe(0);
  });

  it("refuses to invite an existing member or an address with a pending invitation (CONFLICT)", async () => {
    const { org, ownerCaller } = await orgWithOwner("Invite Conflict");
    const member = await createUser({ email: uniqueEmail("member") });
    await addMember({ orgId: org.id, user: member, role: "operator" });

    await expect(ownerCaller.invitation.create({ email: member.email, role: "builder" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already a member") as unknown,
    });
    const { id, email } = await inviteApprover(ownerCaller);
    await expect(ownerCaller.invitation.create({ email, role: "builder" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("pending invitation") as unknown,
    });
    // Once revoked, the address can be invited again.
    await ownerCaller.invitation.revoke({ invitationId: id });
    await expect(ownerCaller.invitation.create({ email, role: "builder" })).resolves.toMatchObject({
      id: expect.any(String) as unknown,
    });
  });
});

describe("invitation.preview and invitation.accept", () => {
  it("previews an invitation by token without signing in", async () => {
    const { org, ownerCaller } = await orgWithOwner("Invite Preview");
    const { email, token } = await inviteApprover(ownerCaller);

    await expect(callerFor(null).invitation.preview({ token })).resolves.toEqual({
      orgName: org.name,
      email,
      role: "approver",
      status: "pending",
    });
    await expect(callerFor(null).invitation.preview({ token: `${token.slice(0, -4)}AAAA` })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("joins the invited account with the role and approver scope, audits it, and the token then works no more", async () => {
    const { org, ownerCaller } = await orgWithOwner("Invite Accept");
    const { id, email, token } = await inviteApprover(ownerCaller);
    const invitee = await createUser({ email });

    await expect(callerFor(invitee).invitation.accept({ token })).resolves.toEqual({
      slug: org.slug,
      role: "approver",
    });

    const members = await ownerCaller.member.list();
    expect(members.find((m) => m.userId === invitee.id)).toMatchObject({
      role: "approver",
      approvalDomains: ["finance", "sales"],
      approvalLimit: 2500,
    });
    const accepted = await auditEntries({ chainKey: org.id, action: "invitation.accepted", actorId: invitee.id });
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ outcome: "success", targetId: id, data: { email, role: "approver" } });
    expect((await callerFor(null).invitation.preview({ token })).status).toBe("accepted");
    await expect(callerFor(invitee, org.slug).org.current()).resolves.toMatchObject({ role: "approver" });

    await expect(callerFor(invitee).invitation.accept({ token })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await ownerCaller.member.list()).filter((m) => m.userId === invitee.id)).toHaveLength(1);
  });

  it("refuses another account with FORBIDDEN and audits the refusal", async () => {
    const { org, ownerCaller } = await orgWithOwner("Invite Wrong Account");
    const { id, email, token } = await inviteApprover(ownerCaller);
    const intruder = await createUser({ email: uniqueEmail("intruder") });

    await expect(callerFor(intruder).invitation.accept({ token })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining(email) as unknown,
    });

    const refused = await auditEntries({ chainKey: org.id, action: "invitation.refused", actorId: intruder.id });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ outcome: "denied", targetId: id });
    expect(await callerFor(intruder).org.listMine()).toEqual([]);
    // The invitation is still usable by the right person.
    expect((await callerFor(null).invitation.preview({ token })).status).toBe("pending");
    const invitee = await createUser({ email });
    await expect(callerFor(invitee).invitation.accept({ token })).resolves.toMatchObject({ slug: org.slug });
  });

  it("refuses an expired invitation with CONFLICT saying it expired", async () => {
    const { org, ownerCaller } = await orgWithOwner("Invite Expired");
    const { id, email, token } = await inviteApprover(ownerCaller);
    await withAdminClient((c) =>
      c.query(`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE "id" = $1`, [id]),
    );
    const invitee = await createUser({ email });

    await expect(callerFor(invitee).invitation.accept({ token })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/expired/i) as unknown,
    });

    expect((await callerFor(null).invitation.preview({ token })).status).toBe("expired");
    expect(await callerFor(invitee).org.listMine()).toEqual([]);
    const refused = await auditEntries({ chainKey: org.id, action: "invitation.refused", actorId: invitee.id });
    expect(refused.map((e) => e.outcome)).toEqual(["denied"]);
    // An expired invitation no longer blocks a new one.
    await expect(ownerCaller.invitation.create({ email, role: "builder" })).resolves.toBeDefined();
  });

  it("refuses a revoked invitation with CONFLICT", async () => {
    const { org, owner, ownerCaller } = await orgWithOwner("Invite Revoked");
    const { id, email, token } = await inviteApprover(ownerCaller);

    await ownerCaller.invitation.revoke({ invitationId: id });
    const invitee = await createUser({ email });

    await expect(callerFor(invitee).invitation.accept({ token })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/revoked/i) as unknown,
    });
    expect(await callerFor(invitee).org.listMine()).toEqual([]);
    const revoked = await auditEntries({ chainKey: org.id, action: "invitation.revoked" });
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({ actorId: owner.id, targetId: id, data: { email } });
    await expect(ownerCaller.invitation.revoke({ invitationId: id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("cannot revoke another organisation's invitation", async () => {
    const { ownerCaller } = await orgWithOwner("Invite Revoke A");
    const { ownerCaller: otherCaller } = await orgWithOwner("Invite Revoke B");
    const { id, token } = await inviteApprover(ownerCaller);

    await expect(otherCaller.invitation.revoke({ invitationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await callerFor(null).invitation.preview({ token })).status).toBe("pending");
  });

  it("needs a signed-in user to accept", async () => {
    const { ownerCaller } = await orgWithOwner("Invite Anonymous");
    const { token } = await inviteApprover(ownerCaller);
    await expect(callerFor(null).invitation.accept({ token })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
