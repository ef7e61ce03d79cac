import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../auth/permissions";
import { withScope } from "../db/tenancy";
import { callerFor } from "../testing/callers";
import { createGovernedOrg, type Person } from "./testing/governed-org";

let slug = "";
let orgId = "";
let otherSlug = "";
let otherOwner: Person;
let people: Record<Role, Person>;

const as = (role: Role) => callerFor(people[role], slug);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return (error as { code?: string }).code ?? "UNKNOWN";
  }
}

beforeAll(async () => {
  const setup = await createGovernedOrg("Records Router Org");
  slug = setup.org.slug;
  orgId = setup.org.id;
  people = setup.people;
  const other = await createGovernedOrg("Records Other Org");
  otherSlug = other.org.slug;
  otherOwner = other.people.owner;
});

describe("records by hand", () => {
  it("creates, edits and deletes a record, each change recorded as a human outcome with its audit entry", async () => {
    const operator = as("operator");
    const created = await operator.records.create({
      type: "crm.contact",
      data: { email: " Ada@Example.test ", first_name: "Ada" },
    });
    expect(created).toMatchObject({ version: 1, data: { email: "ada@example.test", status: "new", opt_out: false } });

    const updated = await operator.records.update({
      type: "crm.contact",
      id: created.id,
      version: 1,
      changes: { title: "CTO", status: "working", first_name: "Ada" },
    });
    expect(updated.changed.sort()).toEqual(["status", "title"]);
    expect(updated.record).toMatchObject({ version: 2, data: { title: "CTO", status: "working" } });

    const history = await as("auditor").records.history({ type: "crm.contact", id: created.id });
    expect(history.changes.map((c) => [c.field, c.oldValue, c.newValue, c.actorType])).toEqual(
      expect.arrayContaining([
        ["title", null, "CTO", "human"],
        ["status", "new", "working", "human"],
      ]),
    );
    expect(history.changes.at(-1)).toMatchObject({ field: "*", oldValue: null, actorType: "human" });
    expect(history.changes.every((c) => c.actorLabel)).toBe(true);

    const audit = await withScope({ orgId }, (tx) =>
      tx.auditEntry.findMany({ where: { orgId, targetId: created.id }, orderBy: { seq: "asc" } }),
    );
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["record.created", people.operator.id],
      ["record.updated", people.operator.id],
    ]);
    expect(audit[1]?.data).toMatchObject({
      changes: expect.arrayContaining([{ field: "title", from: null, to: "CTO" }]) as unknown,
    });

    await operator.records.delete({ type: "crm.contact", id: created.id, version: 2 });
    await expect(operator.records.get({ type: "crm.contact", id: created.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const after = await operator.records.history({ type: "crm.contact", id: created.id });
    expect(after.changes[0]).toMatchObject({ field: "*", newValue: null });
  });

  it("refuses invalid values with a message naming the field, and unknown fields", async () => {
    const approver = as("approver");
    await expect(
      approver.records.create({ type: "crm.contact", data: { email: "not-an-email" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Contact email") as unknown });
    await expect(approver.records.create({ type: "crm.company", data: {} })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Company name") as unknown,
    });
    const company = await approver.records.create({ type: "crm.company", data: { name: "Acme" } });
    await expect(
      approver.records.update({ type: "crm.company", id: company.id, version: 1, changes: { colour: "red" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: 'Company has no field "colour".' });
  });

  it("refuses a stale edit with CONFLICT and keeps the newer change", async () => {
    const company = await as("operator").records.create({ type: "crm.company", data: { name: "Stale Co" } });
    await as("approver").records.update({
      type: "crm.company",
      id: company.id,
      version: 1,
      changes: { industry: "Retail" },
    });
    const stale = as("operator").records.update({
      type: "crm.company",
      id: company.id,
      version: 1,
      changes: { industry: "Banking" },
    });
    await expect(stale).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("changed by someone else") as unknown,
    });
    const current = await as("operator").records.get({ type: "crm.company", id: company.id });
    expect(current.record).toMatchObject({ version: 2, data: { industry: "Retail" } });
    await expect(
      as("operator").records.delete({ type: "crm.company", id: company.id, version: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lists with search, filters, pagination and the names of referenced records", async () => {
    const operator = as("operator");
    const company = await operator.records.create({ type: "crm.company", data: { name: "Globex Search" } });
    for (const [i, status] of ["new", "qualified", "qualified"].entries()) {
      await operator.records.create({
        type: "crm.contact",
        data: { email: `list-${i}@globex.test`, status, company_id: company.id, last_name: `Zebra${i}` },
      });
    }
    const found = await operator.records.list({ type: "crm.contact", search: "zebra", limit: 2 });
    expect(found.total).toBe(3);
    expect(found.records).toHaveLength(2);
    expect(found.references[company.id]).toEqual({ type: "crm.company", title: "Globex Search" });
    const rest = await operator.records.list({
      type: "crm.contact",
      search: "zebra",
      limit: 2,
      cursor: found.nextCursor!,
    });
    expect(rest.records).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect(new Set([...found.records, ...rest.records].map((r) => r.id)).size).toBe(3);

    const qualified = await operator.records.list({
      type: "crm.contact",
      search: "globex",
      filters: { status: "qualified" },
    });
    expect(qualified.total).toBe(2);
    // Wildcards are searched literally.
    expect((await operator.records.list({ type: "crm.contact", search: "%" })).total).toBe(0);
    await expect(operator.records.list({ type: "crm.contact", filters: { nope: "x" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const { counts } = await operator.records.overview();
    expect(counts["crm.contact"]).toBeGreaterThanOrEqual(3);
    expect(counts["ap.invoice"]).toBe(0);
  });
});

describe("who may work records", () => {
  it("lets record.read roles read and refuses writes to roles without record.write", async () => {
    const record = await as("owner").records.create({ type: "helpdesk.queue", data: { name: "Billing" } });
    for (const role of ["auditor", "builder"] as const) {
      expect(await codeOf(as(role).records.get({ type: "helpdesk.queue", id: record.id }))).toBe("OK");
      expect(await codeOf(as(role).records.create({ type: "helpdesk.queue", data: { name: "X" } }))).toBe("FORBIDDEN");
      expect(
        await codeOf(
          as(role).records.update({ type: "helpdesk.queue", id: record.id, version: 1, changes: { name: "Y" } }),
        ),
      ).toBe("FORBIDDEN");
      expect(await codeOf(as(role).records.delete({ type: "helpdesk.queue", id: record.id, version: 1 }))).toBe(
        "FORBIDDEN",
      );
    }
    const denied = await withScope({ orgId }, (tx) =>
      tx.auditEntry.count({ where: { orgId, action: "access.denied", actorId: people.auditor.id } }),
    );
    expect(denied).toBeGreaterThanOrEqual(3);
    expect((await as("admin").records.get({ type: "helpdesk.queue", id: record.id })).record.data).toMatchObject({
      name: "Billing",
    });
  });

  it("hides an organisation's records from another organisation's members", async () => {
    const record = await as("owner").records.create({ type: "crm.company", data: { name: "Secret Co" } });
    const stranger = callerFor(otherOwner, slug);
    expect(await codeOf(stranger.records.get({ type: "crm.company", id: record.id }))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.records.list({ type: "crm.company" }))).toBe("NOT_FOUND");
    // Through their own organisation, the id leads nowhere either.
    const own = callerFor(otherOwner, otherSlug);
    expect(await codeOf(own.records.get({ type: "crm.company", id: record.id }))).toBe("NOT_FOUND");
    expect(
      await codeOf(own.records.update({ type: "crm.company", id: record.id, version: 1, changes: { name: "Mine" } })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(own.records.delete({ type: "crm.company", id: record.id, version: 1 }))).toBe("NOT_FOUND");
    expect((await own.records.history({ type: "crm.company", id: record.id })).changes).toEqual([]);
    expect((await own.records.list({ type: "crm.company", search: "Secret Co" })).total).toBe(0);
  });

  it("lets only governance editors change the field contract and suppression lists", async () => {
    const rule = { recordType: "crm.contact" as const, field: "title", rule: "never" as const, protected: false };
    for (const role of ["builder", "approver", "operator", "auditor"] as const) {
      expect(await codeOf(as(role).records.fieldContract.get({ recordType: "crm.contact" }))).toBe("OK");
      expect(await codeOf(as(role).records.fieldContract.set(rule))).toBe("FORBIDDEN");
      expect(await codeOf(as(role).records.fieldContract.reset({ recordType: "crm.contact" }))).toBe("FORBIDDEN");
      expect(await codeOf(as(role).records.suppression.list({}))).toBe("OK");
      expect(await codeOf(as(role).records.suppression.add({ list: "opt_out", values: ["x@y.test"] }))).toBe(
        "FORBIDDEN",
      );
      expect(await codeOf(as(role).records.suppression.remove({ ids: ["x"] }))).toBe("FORBIDDEN");
    }
    const set = await as("admin").records.fieldContract.set(rule);
    expect(set.fields.find((f) => f.field === "title")).toMatchObject({ rule: "never", customised: true });
    const reset = await as("admin").records.fieldContract.reset({ recordType: "crm.contact" });
    expect(reset.reset).toBe(1);
    const added = await as("owner").records.suppression.add({ list: "customers", values: ["Big.test", "big.test"] });
    expect(added).toEqual({ added: 1, alreadyListed: 0 });
    expect(await codeOf(callerFor(otherOwner, slug).records.suppression.list({}))).toBe("NOT_FOUND");
    expect((await callerFor(otherOwner, otherSlug).records.suppression.list({})).counts.customers).toBe(0);
  });
});
