import { describe, expect, it } from "vitest";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../prisma/factories";
import type { Role } from "../auth/permissions";
import { callerFor } from "../testing/callers";
import { auditEntries } from "../testing/integration";

/** An organisation with an owner and one member of each listed role. */
async function team(label: string, roles: Role[] = []) {
  const owner = await createUser({ email: uniqueEmail("owner") });
  const org = await createOrgWithOwner(owner, `${label} ${owner.id}`);
  const others: { user: Awaited<ReturnType<typeof createUser>>; membershipId: string; role: Role }[] = [];
  for (const role of roles) {
    const user = await createUser({ email: uniqueEmail(role) });
    const membership = await addMember({ orgId: org.id, user, role });
    others.push({ user, membershipId: membership.id, role });
  }
  const ownerCaller = callerFor(owner, org.slug);
  const ownerMembershipId = (await ownerCaller.member.list()).find((m) => m.userId === owner.id)!.id;
  return { owner, org, ownerCaller, ownerMembershipId, others };
}

async function rolesOf(caller: ReturnType<typeof callerFor>) {
  return Object.fromEntries((await caller.member.list()).map((m) => [m.email, m.role]));
}

describe("member.list", () => {
  it("lists the organisation's members with their roles, and only them", async () => {
    const { owner, ownerCaller, others } = await team("Members List", ["admin", "approver"]);
    await team("Members Elsewhere", ["builder"]);

    const members = await ownerCaller.member.list();

    expect(members.map((m) => [m.email, m.role])).toEqual([
      [owner.email, "owner"],
      [others[0]!.user.email, "admin"],
      [others[1]!.user.email, "approver"],
    ]);
    expect(members[0]).toMatchObject({
      userId: owner.id,
      twoFactorEnabled: false,
      approvalDomains: [],
      approvalLimit: null,
    });
  });

  it("refuses a builder with FORBIDDEN and audits access.denied", async () => {
    const { org, others } = await team("Members Builder", ["builder"]);
    const builder = others[0]!.user;

    await expect(callerFor(builder, org.slug).member.list()).rejects.toMatchObject({ code: "FORBIDDEN" });

    const denied = await auditEntries({ chainKey: org.id, action: "access.denied", actorId: builder.id });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({
      outcome: "denied",
      data: { procedure: "member.list", permission: "member.read" },
    });
  });

  it("answers NOT_FOUND to a member of another organisation", async () => {
    const { org } = await team("Members Private");
    const { owner: stranger } = await team("Members Stranger");
    await expect(callerFor(stranger, org.slug).member.list()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("member.updateRole", () => {
  it("lets the owner change a role and audits from/to", async () => {
    const { org, owner, ownerCaller, others } = await team("Members Change", ["builder"]);
    const { user, membershipId } = others[0]!;

    await expect(ownerCaller.member.updateRole({ memberId: membershipId, role: "operator" })).resolves.toEqual({
      id: membershipId,
      role: "operator",
    });

    expect((await rolesOf(ownerCaller))[user.email]).toBe("operator");
    const changed = await auditEntries({ chainKey: org.id, action: "member.role_changed" });
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      actorId: owner.id,
      targetId: membershipId,
      outcome: "success",
      data: { email: user.email, from: "builder", to: "operator" },
    });
  });

  it("keeps approver scope for approvers only", async () => {
    const { ownerCaller, others } = await team("Members Scope", ["builder"]);
    const { user, membershipId } = others[0]!;

    await ownerCaller.member.updateRole({
      memberId: membershipId,
      role: "approver",
      approvalDomains: ["finance"],
      approvalLimit: 1000,
    });
    expect((await ownerCaller.member.list()).find((m) => m.userId === user.id)).toMatchObject({
      role: "approver",
      approvalDomains: ["finance"],
      approvalLimit: 1000,
    });

    await ownerCaller.member.updateRole({
      memberId: membershipId,
      role: "auditor",
      approvalDomains: ["sales"],
      approvalLimit: 5,
    });
    expect((await ownerCaller.member.list()).find((m) => m.userId === user.id)).toMatchObject({
      role: "auditor",
      approvalDomains: [],
      approvalLimit: null,
    });
  });

  it("refuses to demote the last owner (FORBIDDEN, unchanged, audited)", async () => {
    const { org, owner, ownerCaller, ownerMembershipId } = await team("Members Last Owner", ["admin"]);

    await expect(ownerCaller.member.updateRole({ memberId: ownerMembershipId, role: "admin" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/at least one owner/i) as unknown,
    });

    expect((await rolesOf(ownerCaller))[owner.email]).toBe("owner");
    const denied = await auditEntries({ chainKey: org.id, action: "member.change_denied" });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({
      actorId: owner.id,
      outcome: "denied",
      targetId: ownerMembershipId,
      data: { email: owner.email, attempted: "role owner → admin" },
    });
    expect(await auditEntries({ chainKey: org.id, action: "member.role_changed" })).toHaveLength(0);
  });

  it("lets one of two owners be demoted", async () => {
    const { owner, ownerCaller, ownerMembershipId, others } = await team("Members Two Owners", ["admin"]);
    const second = others[0]!;
    await ownerCaller.member.updateRole({ memberId: second.membershipId, role: "owner" });

    await expect(ownerCaller.member.updateRole({ memberId: ownerMembershipId, role: "admin" })).resolves.toMatchObject({
      role: "admin",
    });

    expect(await rolesOf(ownerCaller)).toEqual({ [owner.email]: "admin", [second.user.email]: "owner" });
    // Now the remaining owner is the last one.
    const secondCaller = callerFor(second.user, (await ownerCaller.org.current()).slug);
    await expect(
      secondCaller.member.updateRole({ memberId: second.membershipId, role: "admin" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses an admin making themselves owner (FORBIDDEN, audited)", async () => {
    const { org, ownerCaller, others } = await team("Members Self Promote", ["admin"]);
    const admin = others[0]!;

    await expect(
      callerFor(admin.user, org.slug).member.updateRole({ memberId: admin.membershipId, role: "owner" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect((await rolesOf(ownerCaller))[admin.user.email]).toBe("admin");
    const denied = await auditEntries({ chainKey: org.id, action: "member.change_denied", actorId: admin.user.id });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ outcome: "denied", data: { attempted: "role admin → owner" } });
  });

  it("refuses an admin changing an owner's role", async () => {
    const { org, owner, ownerCaller, ownerMembershipId, others } = await team("Members Admin Vs Owner", ["admin"]);
    const admin = others[0]!;

    await expect(
      callerFor(admin.user, org.slug).member.updateRole({ memberId: ownerMembershipId, role: "builder" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await rolesOf(ownerCaller))[owner.email]).toBe("owner");
  });

  it("answers NOT_FOUND for a membership of another organisation", async () => {
    const { ownerCaller } = await team("Members Cross A");
    const other = await team("Members Cross B", ["builder"]);
    const foreign = other.others[0]!;

    await expect(
      ownerCaller.member.updateRole({ memberId: foreign.membershipId, role: "admin" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(ownerCaller.member.remove({ memberId: foreign.membershipId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await rolesOf(other.ownerCaller))[foreign.user.email]).toBe("builder");
  });

  it("keeps at least one owner when two owners demote each other at the same time", async () => {
    const { org, owner, ownerCaller, ownerMembershipId, others } = await team("Members Race", ["admin"]);
    const second = others[0]!;
    await ownerCaller.member.updateRole({ memberId: second.membershipId, role: "owner" });

    const results = await Promise.allSettled([
      ownerCaller.member.updateRole({ memberId: second.membershipId, role: "admin" }),
      callerFor(second.user, org.slug).member.updateRole({ memberId: ownerMembershipId, role: "admin" }),
    ]);

    const roles = await rolesOf(ownerCaller);
    expect([roles[owner.email], roles[second.user.email]]).toContain("owner");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("member.remove", () => {
  it("refuses to remove the last owner (FORBIDDEN, unchanged, audited)", async () => {
    const { org, owner, ownerCaller, ownerMembershipId } = await team("Members Remove Last");

    await expect(ownerCaller.member.remove({ memberId: ownerMembershipId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    expect(await rolesOf(ownerCaller)).toEqual({ [owner.email]: "owner" });
    const denied = await auditEntries({ chainKey: org.id, action: "member.change_denied" });
    expect(denied.map((e) => e.data)).toEqual([expect.objectContaining({ attempted: "remove" })]);
  });

  it("refuses an admin removing an owner, but lets the admin remove a builder", async () => {
    const { org, owner, ownerCaller, ownerMembershipId, others } = await team("Members Admin Remove", [
      "admin",
      "builder",
    ]);
    const [admin, builder] = [others[0]!, others[1]!];
    const adminCaller = callerFor(admin.user, org.slug);

    await expect(adminCaller.member.remove({ memberId: ownerMembershipId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await rolesOf(ownerCaller))[owner.email]).toBe("owner");
    expect(
      await auditEntries({ chainKey: org.id, action: "member.change_denied", actorId: admin.user.id }),
    ).toHaveLength(1);

    await expect(adminCaller.member.remove({ memberId: builder.membershipId })).resolves.toEqual({
      id: builder.membershipId,
    });
    expect(Object.keys(await rolesOf(ownerCaller))).not.toContain(builder.user.email);
    const removed = await auditEntries({ chainKey: org.id, action: "member.removed" });
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ actorId: admin.user.id, data: { email: builder.user.email, role: "builder" } });
    await expect(callerFor(builder.user, org.slug).member.list()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
