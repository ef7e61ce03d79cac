import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { decideApproval } from "../approvals/decide-approval";
import { withScope } from "../db/tenancy";
import { executeAction } from "../governance/execute-action";
import { rollbackAction } from "../governance/rollback-action";
import { createGovernedOrg, proposeInRun, type Person } from "../records/testing/governed-org";
import { shadowConnector } from "./connector";
import { connectorFor } from "./registry";

let orgId = "";
let workflowId = "";
let people: Awaited<ReturnType<typeof createGovernedOrg>>["people"];

const contacts = connectorFor("crm.contact", false);
const tasks = connectorFor("crm.task", false);

function inOrg<T>(fn: Parameters<typeof withScope<T>>[1]) {
  return withScope({ orgId }, fn);
}

async function newContact(data: Record<string, unknown> = {}) {
  const id = randomUUID();
  await inOrg((tx) =>
    contacts.write(tx, { orgId, recordType: "crm.contact", recordId: id, field: "*" }, { email: "a@b.test", ...data }),
  );
  return id;
}

async function row(id: string) {
  return inOrg((tx) => tx.businessRecord.findFirst({ where: { id } }));
}

async function changesOf(recordId: string) {
  return inOrg((tx) => tx.recordChange.findMany({ where: { recordId }, orderBy: { createdAt: "asc" } }));
}

beforeAll(async () => {
  const setup = await createGovernedOrg("Connector Org", {
    fieldContract: { "crm.contact": { title: { rule: "write", protected: false } } },
  });
  orgId = setup.org.id;
  workflowId = setup.workflowId;
  people = setup.people;
});

describe("the typed record connector", () => {
  it("is registered for every built-in record type", async () => {
    const { RECORD_TYPE_KEYS } = await import("../records/record-types");
    for (const type of RECORD_TYPE_KEYS) expect(connectorFor(type, false).name).toBe(`record:${type}`);
  });

  it("reads and writes one field, bumps the version and records the change with its actor", async () => {
    const id = await newContact();
    const ref = { orgId, recordType: "crm.contact", recordId: id, field: "first_name" };
    expect(await inOrg((tx) => contacts.read(tx, ref))).toBeNull();
    await inOrg((tx) => contacts.write(tx, ref, "Ada", { actorType: "human_approved_ai", actionId: "act-1" }));
    expect(await inOrg((tx) => contacts.read(tx, ref))).toBe("Ada");
    const stored = await row(id);
    expect(stored?.version).toBe(2);
    const history = await changesOf(id);
    expect(history.at(-1)).toMatchObject({
      field: "first_name",
      oldValue: null,
      newValue: "Ada",
      actorType: "human_approved_ai",
      actionId: "act-1",
    });
  });

  it("refuses a value of the wrong shape with a clear error and changes nothing", async () => {
    const id = await newContact();
    const ref = { orgId, recordType: "crm.contact", recordId: id, field: "email" };
    await expect(inOrg((tx) => contacts.write(tx, ref, "not an email"))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Contact email") as unknown,
    });
    await expect(inOrg((tx) => contacts.write(tx, { ...ref, field: "fit_score" }, 250))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("fit_score") as unknown,
    });
    await expect(inOrg((tx) => contacts.read(tx, { ...ref, field: "favourite_colour" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: 'Contact has no field "favourite_colour".',
    });
    expect((await row(id))?.data).toMatchObject({ email: "a@b.test" });
    expect(await changesOf(id)).toHaveLength(1);
  });

  it("treats field * as the whole record: null when absent, create with the id, delete on null", async () => {
    const id = randomUUID();
    const ref = { orgId, recordType: "crm.task", recordId: id, field: "*" };
    expect(await inOrg((tx) => tasks.read(tx, ref))).toBeNull();
    await inOrg((tx) => tasks.write(tx, ref, { title: "Call back" }, { actorType: "ai", actionId: "act-2" }));
    const created = await inOrg((tx) => tasks.read(tx, ref));
    // Defaults come from the record type's schema.
    expect(created).toEqual({
      title: "Call back",
      due_date: null,
      owner: null,
      related_type: null,
      related_id: null,
      status: "open",
    });
    await inOrg((tx) => tasks.write(tx, ref, null, { actorType: "human", actorId: people.operator.id }));
    expect(await row(id)).toBeNull();
    expect(await inOrg((tx) => tasks.read(tx, ref))).toBeNull();
    const history = await changesOf(id);
    expect(history.map((c) => [c.field, c.actorType, c.oldValue, c.newValue])).toEqual([
      ["*", "ai", null, created],
      ["*", "human", created, null],
    ]);
    await expect(inOrg((tx) => tasks.write(tx, ref, { due_date: "tomorrow" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await row(id)).toBeNull();
  });

  it("refuses a field write to a record that does not exist", async () => {
    const ref = { orgId, recordType: "crm.task", recordId: randomUUID(), field: "title" };
    await expect(inOrg((tx) => tasks.read(tx, ref))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inOrg((tx) => tasks.write(tx, ref, "x"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never writes through the shadow connector, which still reads", async () => {
    const id = await newContact({ title: "CTO" });
    const shadow = connectorFor("crm.contact", true);
    expect(shadow.name).toBe(shadowConnector(contacts).name);
    const ref = { orgId, recordType: "crm.contact", recordId: id, field: "title" };
    expect(await inOrg((tx) => shadow.read(tx, ref))).toBe("CTO");
    await inOrg((tx) => shadow.write(tx, ref, "CEO"));
    await inOrg((tx) => shadow.write(tx, { ...ref, field: "*" }, null));
    expect((await row(id))?.data).toMatchObject({ title: "CTO" });
    expect(await changesOf(id)).toHaveLength(1);
  });

  it("cannot see or change another organisation's record", async () => {
    const other = await createGovernedOrg("Other Connector Org");
    const id = await newContact({ title: "Mine" });
    const foreign = { orgId: other.org.id, recordType: "crm.contact", recordId: id, field: "title" };
    await expect(withScope({ orgId: other.org.id }, (tx) => contacts.read(tx, foreign))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await withScope({ orgId: other.org.id }, (tx) => contacts.read(tx, { ...foreign, field: "*" }))).toBeNull();
  });
});

describe("governed actions through the record connector", () => {
  const approver = (p: Person) => ({
    orgId,
    userId: p.id,
    role: "approver" as const,
    approvalDomains: ["sales"],
    approvalLimit: null,
    actor: p.actor,
  });

  it("creates a record, records the AI as the actor, and rolls the create back as a delete", async () => {
    const id = randomUUID();
    const outcome = await proposeInRun(orgId, workflowId, {
      kind: "create_record",
      recordType: "crm.task",
      recordId: id,
      field: "*",
      newValue: { title: "Follow up", due_date: "2026-12-01" },
    });
    expect(outcome.decision).toBe("auto");
    expect(await executeAction(orgId, outcome.actionId, { shadow: false, workflowId })).toBe("executed");
    expect((await row(id))?.data).toMatchObject({ title: "Follow up", status: "open" });
    expect(await changesOf(id)).toMatchObject([{ field: "*", actorType: "ai", actionId: outcome.actionId }]);

    expect(await rollbackAction(orgId, outcome.actionId, people.operator.actor)).toBe("rolled_back");
    expect(await row(id)).toBeNull();
    expect((await changesOf(id)).at(-1)).toMatchObject({
      field: "*",
      newValue: null,
      actorType: "human",
      actorId: people.operator.id,
    });
  });

  it("records an approved change as human-approved AI", async () => {
    const id = await newContact({ owner: "owner-1" });
    const outcome = await proposeInRun(orgId, workflowId, {
      kind: "field_write",
      recordType: "crm.contact",
      recordId: id,
      field: "owner",
      newValue: "owner-2",
    });
    expect(outcome.decision).toBe("approve_one");
    await decideApproval(approver(people.approver), { approvalId: outcome.approvalId!, approve: true });
    expect(await executeAction(orgId, outcome.actionId, { shadow: false, workflowId })).toBe("executed");
    expect((await changesOf(id)).at(-1)).toMatchObject({
      field: "owner",
      oldValue: "owner-1",
      newValue: "owner-2",
      actorType: "human_approved_ai",
      actionId: outcome.actionId,
    });
  });

  it("ends an action whose value the record type refuses, with the reason, instead of failing the run", async () => {
    const id = await newContact();
    const outcome = await proposeInRun(orgId, workflowId, {
      kind: "field_write",
      recordType: "crm.contact",
      recordId: id,
      field: "title",
      newValue: "x".repeat(500),
    });
    expect(outcome.decision).toBe("auto");
    expect(await executeAction(orgId, outcome.actionId, { shadow: false, workflowId })).toBe("invalid");
    const action = await inOrg((tx) => tx.action.findUniqueOrThrow({ where: { id: outcome.actionId } }));
    expect(action.status).toBe("cancelled");
    const audit = await inOrg((tx) =>
      tx.auditEntry.findFirstOrThrow({ where: { orgId, action: "action.cancelled", targetId: outcome.actionId } }),
    );
    expect(JSON.stringify(audit.data)).toContain("Contact title");
    expect((await row(id))?.data).toMatchObject({ title: null });
  });

  it("records nothing in shadow mode", async () => {
    const id = await newContact();
    await inOrg((tx) => tx.workflow.update({ where: { id: workflowId }, data: { mode: "shadow" } }));
    try {
      const outcome = await proposeInRun(orgId, workflowId, {
        kind: "field_write",
        recordType: "crm.contact",
        recordId: id,
        field: "title",
        newValue: "VP",
      });
      expect(await executeAction(orgId, outcome.actionId, { shadow: true, workflowId })).toBe("shadowed");
      expect((await row(id))?.data).toMatchObject({ title: null });
      expect(await changesOf(id)).toHaveLength(1);
    } finally {
      await inOrg((tx) => tx.workflow.update({ where: { id: workflowId }, data: { mode: "auto" } }));
    }
  });
});
