import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../prisma/factories";
import { callerFor, withAdminClient, withAppClient } from "../testing/callers";
import { inAppTransaction } from "../testing/integration";

const TENANT_TABLES = ["Membership", "Invitation", "AuditEntry", "AuditChainHead"] as const;

type Tenant = { orgId: string; ownerId: string; memberId: string; memberEmail: string };

/** An organisation with two members, a pending invitation and a few audit entries. */
async function populatedOrg(label: string): Promise<Tenant> {
  const owner = await createUser({ email: uniqueEmail("owner") });
  const org = await createOrgWithOwner(owner, `${label} ${owner.id}`);
  const member = await createUser({ email: uniqueEmail("member") });
  await addMember({ orgId: org.id, user: member, role: "builder" });
  await callerFor(owner, org.slug).invitation.create({ email: uniqueEmail("invitee"), role: "auditor" });
  return { orgId: org.id, ownerId: owner.id, memberId: member.id, memberEmail: member.email };
}

/** How many rows each tenant table holds for `orgId`, counted by the superuser (no RLS). */
async function rowsAsSuperuser(orgId: string): Promise<Record<string, number>> {
  return withAdminClient(async (client) => {
    const counts: Record<string, number> = {};
    for (const table of TENANT_TABLES) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "orgId" = $1`,
        [orgId],
      );
      counts[table] = rows[0]!.n;
    }
    return counts;
  });
}

describe("row-level security as the app role", () => {
  let a: Tenant;
  let b: Tenant;

  beforeAll(async () => {
    [a, b] = await Promise.all([populatedOrg("RLS A"), populatedOrg("RLS B")]);
  });

  it("has both organisations populated (seen by the superuser)", async () => {
    for (const tenant of [a, b]) {
      expect(await rowsAsSuperuser(tenant.orgId)).toEqual({
        Membership: 2,
        Invitation: 1,
        AuditEntry: 3, // org.created, invitation.accepted, invitation.created
        AuditChainHead: 1,
      });
    }
  });

  it("is neither superuser nor BYPASSRLS, and owns none of the tenant tables", async () => {
    await withAppClient(async (client) => {
      const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
        `SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
      );
      expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
      const owned = await client.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`,
      );
      expect(owned.rows).toEqual([]);
    });
  });

  it("sees no tenant rows at all without an organisation setting", async () => {
    await withAppClient(async (client) => {
      for (const table of TENANT_TABLES) {
        const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
        expect([table, rows[0]!.n]).toEqual([table, 0]);
      }
    });
  });

  it("sees exactly one organisation's rows when scoped to it", async () => {
    const expected = await rowsAsSuperuser(a.orgId);
    await inAppTransaction({ orgId: a.orgId }, async (client) => {
      for (const table of TENANT_TABLES) {
        const { rows } = await client.query<{ orgId: string }>(`SELECT "orgId" FROM "${table}"`);
        expect([table, rows.length]).toEqual([table, expected[table]]);
        expect(new Set(rows.map((r) => r.orgId))).toEqual(new Set([a.orgId]));
      }
    });
  });

  it("shows a user's own memberships in every organisation, and nothing else, when scoped to that user only", async () => {
    const org = await createOrgWithOwner(await createUser({ email: uniqueEmail("owner") }), `RLS user ${a.memberId}`);
    await addMember({ orgId: org.id, user: { id: a.memberId, email: a.memberEmail }, role: "auditor" });
    await inAppTransaction({ userId: a.memberId }, async (client) => {
      const { rows } = await client.query<{ userId: string; orgId: string }>(
        `SELECT "userId", "orgId" FROM "Membership"`,
      );
      expect(rows.map((r) => r.userId)).toEqual([a.memberId, a.memberId]);
      expect(new Set(rows.map((r) => r.orgId))).toEqual(new Set([a.orgId, org.id]));
      const { rows: invitations } = await client.query(`SELECT 1 FROM "Invitation"`);
      expect(invitations).toEqual([]);
    });
  });

  it("refuses to write another organisation's rows while scoped to one", async () => {
    const newcomer = await createUser({ email: uniqueEmail("newcomer") });
    await inAppTransaction({ orgId: a.orgId }, async (client) => {
      await expect(
        client.query(
          `INSERT INTO "Membership" ("id", "orgId", "userId", "role", "updatedAt") VALUES ($1, $2, $3, 'owner', now())`,
          [randomUUID(), b.orgId, newcomer.id],
        ),
      ).rejects.toMatchObject({ code: "42501", message: expect.stringContaining("row-level security") as unknown });
    });
    await inAppTransaction({ orgId: a.orgId }, async (client) => {
      // Rows of B are invisible, so updates and deletes simply find nothing.
      const updated = await client.query(`UPDATE "Membership" SET "role" = 'owner' WHERE "orgId" = $1`, [b.orgId]);
      const deleted = await client.query(`DELETE FROM "Invitation" WHERE "orgId" = $1`, [b.orgId]);
      expect([updated.rowCount, deleted.rowCount]).toEqual([0, 0]);
      // Moving one of A's memberships into B is refused too.
      await expect(
        client.query(`UPDATE "Membership" SET "orgId" = $1 WHERE "orgId" = $2 AND "userId" = $3`, [
          b.orgId,
          a.orgId,
          a.memberId,
        ]),
      ).rejects.toMatchObject({ code: "42501" });
    });
    await inAppTransaction({ orgId: a.orgId }, async (client) => {
      // The same insert into the organisation in scope is allowed (rolled back afterwards).
      const inserted = await client.query(
        `INSERT INTO "Membership" ("id", "orgId", "userId", "role", "updatedAt") VALUES ($1, $2, $3, 'builder', now())`,
        [randomUUID(), a.orgId, newcomer.id],
      );
      expect(inserted.rowCount).toBe(1);
    });
    expect(await rowsAsSuperuser(b.orgId)).toMatchObject({ Membership: 2, Invitation: 1 });
    expect(await rowsAsSuperuser(a.orgId)).toMatchObject({ Membership: 2 });
  });
});
