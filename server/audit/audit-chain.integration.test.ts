import { describe, expect, it } from "vitest";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../prisma/factories";
import { callerFor, withAdminClient } from "../testing/callers";
import { auditEntries, inAppTransaction } from "../testing/integration";

/**
 * An organisation with a few audited actions: org.created, three members joining, a role change,
 * a denied change, an invitation. The owner and the auditor can both read its audit log.
 */
async function busyOrg(label: string) {
  const owner = await createUser({ email: uniqueEmail("owner") });
  const org = await createOrgWithOwner(owner, `${label} ${owner.id}`);
  const admin = await createUser({ email: uniqueEmail("admin") });
  const auditor = await createUser({ email: uniqueEmail("auditor") });
  const builder = await createUser({ email: uniqueEmail("builder") });
  await addMember({ orgId: org.id, user: admin, role: "admin" });
  await addMember({ orgId: org.id, user: auditor, role: "auditor" });
  const builderMembership = await addMember({ orgId: org.id, user: builder, role: "builder" });
  const ownerCaller = callerFor(owner, org.slug);
  const adminCaller = callerFor(admin, org.slug);
  await adminCaller.member.updateRole({ memberId: builderMembership.id, role: "operator" });
  await expect(adminCaller.invitation.create({ email: uniqueEmail("x"), role: "owner" })).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
  await ownerCaller.invitation.create({ email: uniqueEmail("invitee"), role: "builder" });
  return { owner, admin, auditor, builder, org, ownerCaller, adminCaller, auditorCaller: callerFor(auditor, org.slug) };
}

async function chainLength(orgId: string): Promise<number> {
  return (await auditEntries({ chainKey: orgId })).length;
}

/** Runs SQL as the superuser with triggers off, the way someone tampering with the database would. */
async function tamper(sql: string, params: unknown[]) {
  await withAdminClient(async (client) => {
    await client.query("SET session_replication_role = replica");
    const result = await client.query(sql, params);
    expect(result.rowCount).toBe(1);
  });
}

describe("audit.verify", () => {
  it("reports an intact chain as ok, for the owner and the auditor, counting every entry", async () => {
    const { org, ownerCaller, auditorCaller } = await busyOrg("Audit Intact");
    const entries = await auditEntries({ chainKey: org.id });
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.length).toBe(7);

    await expect(ownerCaller.audit.verify()).resolves.toEqual({ ok: true, checked: entries.length, problems: [] });
    await expect(auditorCaller.audit.verify()).resolves.toEqual({ ok: true, checked: entries.length, problems: [] });
  });

  it("is refused to roles without audit.read", async () => {
    const { org, builder } = await busyOrg("Audit Builder");
    await expect(callerFor(builder, org.slug).audit.verify()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(builder, org.slug).audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("reports an edited entry as a hash mismatch at its seq", async () => {
    const { org, ownerCaller } = await busyOrg("Audit Edited");
    const checked = await chainLength(org.id);
    await tamper(
      `UPDATE "AuditEntry" SET "data" = jsonb_set("data", '{role}', '"owner"') WHERE "chainKey" = $1 AND "seq" = 2`,
      [org.id],
    );

    const report = await ownerCaller.audit.verify();

    expect(report).toMatchObject({ ok: false, checked });
    expect(report.problems).toEqual([expect.objectContaining({ seq: 2, kind: "hash_mismatch" })]);
  });

  it("reports a deleted middle entry as missing, and the next entry's link as broken", async () => {
    const { org, ownerCaller } = await busyOrg("Audit Gap");
    const checked = await chainLength(org.id);
    await tamper(`DELETE FROM "AuditEntry" WHERE "chainKey" = $1 AND "seq" = 3`, [org.id]);

    const report = await ownerCaller.audit.verify();

    expect(report).toMatchObject({ ok: false, checked: checked - 1 });
    expect(report.problems).toEqual([
      expect.objectContaining({ seq: 3, kind: "missing_entries" }),
      expect.objectContaining({ seq: 4, kind: "broken_link" }),
    ]);
  });

  it("reports a deleted newest entry as truncation", async () => {
    const { org, ownerCaller } = await busyOrg("Audit Truncated");
    const last = await chainLength(org.id);
    await tamper(`DELETE FROM "AuditEntry" WHERE "chainKey" = $1 AND "seq" = $2`, [org.id, last]);

    const report = await ownerCaller.audit.verify();

    expect(report).toMatchObject({ ok: false, checked: last - 1 });
    expect(report.problems).toEqual([expect.objectContaining({ seq: last, kind: "truncated" })]);
  });
});

describe("the audit log is append-only", () => {
  it("refuses UPDATE and DELETE to the app role even inside its own organisation", async () => {
    const { org } = await busyOrg("Audit Append Only");
    const before = await auditEntries({ chainKey: org.id });

    for (const sql of [
      `UPDATE "AuditEntry" SET "outcome" = 'denied' WHERE "orgId" = $1`,
      `DELETE FROM "AuditEntry" WHERE "orgId" = $1`,
    ]) {
      await inAppTransaction({ orgId: org.id }, async (client) => {
        // The scope works: the app role sees this organisation's entries...
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "AuditEntry" WHERE "orgId" = $1`,
          [org.id],
        );
        expect(rows[0]!.n).toBe(before.length);
        // ...but may not change them.
        await expect(client.query(sql, [org.id])).rejects.toMatchObject({
          code: "42501",
          message: expect.stringContaining("permission denied") as unknown,
        });
      });
    }
    expect(await auditEntries({ chainKey: org.id })).toEqual(before);
  });

  it("refuses UPDATE to a superuser too while the append-only trigger is on", async () => {
    const { org } = await busyOrg("Audit Trigger");
    await withAdminClient(async (client) => {
      await expect(
        client.query(`UPDATE "AuditEntry" SET "outcome" = 'denied' WHERE "chainKey" = $1 AND "seq" = 1`, [org.id]),
      ).rejects.toMatchObject({ message: expect.stringContaining("append-only") as unknown });
    });
  });
});

describe("audit.list", () => {
  it("filters by action, outcome and actor", async () => {
    const { org, admin, owner, auditorCaller } = await busyOrg("Audit Filters");

    const roleChanges = await auditorCaller.audit.list({ action: "member.role_changed" });
    expect(roleChanges.entries).toHaveLength(1);
    expect(roleChanges.entries[0]).toMatchObject({
      action: "member.role_changed",
      actorId: admin.id,
      data: { from: "builder", to: "operator" },
    });

    const denied = await auditorCaller.audit.list({ outcome: "denied" });
    expect(denied.entries.map((e) => [e.action, e.actorId])).toEqual([["member.change_denied", admin.id]]);

    // actorQuery matches part of the actor's label (the email), ignoring case.
    const byAdmin = await auditorCaller.audit.list({ actorQuery: admin.email.split("@")[0]!.toUpperCase() });
    expect(byAdmin.entries.map((e) => e.action).sort()).toEqual(["member.change_denied", "member.role_changed"]);
    expect(new Set(byAdmin.entries.map((e) => e.actorId))).toEqual(new Set([admin.id]));

    const ownerCreated = await auditorCaller.audit.list({ actorQuery: owner.email, action: "org.created" });
    expect(ownerCreated.entries).toHaveLength(1);
    expect(ownerCreated.entries[0]).toMatchObject({ seq: 1, data: { slug: org.slug } });

    await expect(auditorCaller.audit.list({ action: "auth.sign_out" })).resolves.toEqual({
      entries: [],
      nextCursor: null,
    });
  });

  it("paginates newest first with nextCursor, covering every entry exactly once", async () => {
    const { org, ownerCaller } = await busyOrg("Audit Pages");
    const all = await auditEntries({ chainKey: org.id });

    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await ownerCaller.audit.list({ limit: 3, cursor });
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries.map((e) => e.seq));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);

    expect(seen).toEqual(all.map((e) => e.seq).reverse());
    expect(pages).toBe(Math.ceil(all.length / 3));
  });

  it("shows only the caller's organisation", async () => {
    const a = await busyOrg("Audit Own A");
    const b = await busyOrg("Audit Own B");
    const { entries } = await a.ownerCaller.audit.list({ limit: 200 });
    const bIds = new Set((await auditEntries({ chainKey: b.org.id })).map((e) => e.id));
    expect(entries.length).toBe(await chainLength(a.org.id));
    expect(entries.filter((e) => bIds.has(e.id))).toEqual([]);
  });
});

describe("audit.export", () => {
  it("exports the chain as JSON Lines that can be verified outside the app", async () => {
    const { org, auditorCaller, builder } = await busyOrg("Audit Export");
    const file = await auditorCaller.audit.export();
    const lines = file.content
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(file.entries).toBe(await chainLength(org.id));
    expect(lines).toHaveLength(file.entries);
    expect(file.filename).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.jsonl$/);

    const { GENESIS_HASH, hashAuditEntry } = await import("./audit-hash");
    let prev = GENESIS_HASH;
    for (const line of lines) {
      expect(line.prevHash).toBe(prev);
      const recomputed = hashAuditEntry({
        ...(line as Parameters<typeof hashAuditEntry>[0]),
        chainKey: org.id,
        orgId: org.id,
        createdAt: new Date(line.createdAt as string),
      });
      expect(recomputed).toBe(line.hash);
      prev = line.hash as string;
    }
    await expect(callerFor(builder, org.slug).audit.export()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
