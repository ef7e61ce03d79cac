import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { withScope } from "../db/tenancy";
import { decideAction } from "../governance/governance-gate";
import { loadLivePolicy } from "../governance/policy-store";
import { ZProposedAction } from "../governance/policy.schemas";
import { connectorFor } from "../connectors/registry";
import { getFieldContract, resetFieldContract, setFieldRule } from "./field-contract-service";
import { addSuppression, listSuppression, removeSuppression } from "./suppression-service";
import { createGovernedOrg, proposeInRun, type Person } from "./testing/governed-org";

let orgId = "";
let workflowId = "";
let admin: Person;

const settings = () => ({ orgId, userId: admin.id, actor: admin.actor });
const inOrg = <T>(fn: Parameters<typeof withScope<T>>[1]) => withScope({ orgId }, fn);

async function newContact(data: Record<string, unknown>) {
  const id = randomUUID();
  await inOrg((tx) =>
    connectorFor("crm.contact", false).write(tx, { orgId, recordType: "crm.contact", recordId: id, field: "*" }, data),
  );
  return id;
}

function writeTo(recordId: string, field: string, newValue: unknown) {
  return proposeInRun(orgId, workflowId, { kind: "field_write", recordType: "crm.contact", recordId, field, newValue });
}

async function live() {
  return inOrg((tx) => loadLivePolicy(tx, orgId, workflowId));
}

beforeAll(async () => {
  const setup = await createGovernedOrg("Contract Org", {
    // The version tries to loosen opt_out (never by default) and tightens fit_score.
    fieldContract: {
      "crm.contact": {
        opt_out: { rule: "write", protected: false },
        fit_score: { rule: "suggest_only", protected: false },
      },
    },
    suppression: { competitors: ["rival.test"] },
  });
  orgId = setup.org.id;
  workflowId = setup.workflowId;
  admin = setup.people.admin;
});

describe("the organisation's field contract in the live policy", () => {
  it("starts from each record type's default contract, tightened by the version", async () => {
    const { policy } = await live();
    expect(policy.fieldContract["crm.contact"]?.title).toEqual({ rule: "write_if_empty", protected: false });
    // The version may not loosen: opt_out stays never (and protected).
    expect(policy.fieldContract["crm.contact"]?.opt_out).toEqual({ rule: "never", protected: true });
    // ... but may tighten.
    expect(policy.fieldContract["crm.contact"]?.fit_score).toEqual({ rule: "suggest_only", protected: false });
    expect(policy.fieldContract["crm.opportunity"]?.close_date).toEqual({ rule: "never", protected: true });
  });

  it("blocks a write to a field the organisation's contract says never", async () => {
    const id = await newContact({ email: "lead@example.test" });
    expect((await writeTo(id, "title", "CTO")).decision).toBe("auto");

    await inOrg((tx) =>
      setFieldRule(tx, settings(), { recordType: "crm.contact", field: "title", rule: "never", protected: false }),
    );
    const blocked = await writeTo(id, "title", "CTO");
    expect(blocked.decision).toBe("block");
    const action = await inOrg((tx) => tx.action.findUniqueOrThrow({ where: { id: blocked.actionId } }));
    expect(action.status).toBe("blocked");
    expect(JSON.stringify(action.decisionReasons)).toContain("field_never");

    const contract = await inOrg((tx) => getFieldContract(tx, orgId, "crm.contact"));
    expect(contract.fields.find((f) => f.field === "title")).toMatchObject({
      rule: "never",
      defaultRule: "write_if_empty",
      customised: true,
    });
    const audit = await inOrg((tx) =>
      tx.auditEntry.findFirstOrThrow({
        where: { orgId, action: "field_contract.updated", targetId: "crm.contact.title" },
      }),
    );
    expect(audit).toMatchObject({ actorId: admin.id, data: { rule: "never", previous: { rule: "write_if_empty" } } });

    expect(
      await inOrg((tx) => resetFieldContract(tx, settings(), { recordType: "crm.contact", field: "title" })),
    ).toEqual({
      reset: 1,
    });
    expect((await writeTo(id, "title", "CTO")).decision).toBe("auto");
  });

  it("lets the organisation loosen a default rule, but the version's stricter rule still holds", async () => {
    await inOrg((tx) =>
      setFieldRule(tx, settings(), { recordType: "crm.contact", field: "fit_score", rule: "write", protected: false }),
    );
    expect((await live()).policy.fieldContract["crm.contact"]?.fit_score?.rule).toBe("suggest_only");
    await inOrg((tx) =>
      setFieldRule(tx, settings(), { recordType: "crm.contact", field: "status", rule: "write", protected: true }),
    );
    expect((await live()).policy.fieldContract["crm.contact"]?.status).toEqual({ rule: "write", protected: true });
    await inOrg((tx) => resetFieldContract(tx, settings(), { recordType: "crm.contact" }));
    expect((await live()).policy.fieldContract["crm.contact"]?.status).toEqual({
      rule: "suggest_only",
      protected: false,
    });
  });

  it("keeps fields protected by default protected, and refuses unknown fields", async () => {
    await expect(
      inOrg((tx) =>
        setFieldRule(tx, settings(), { recordType: "crm.contact", field: "owner", rule: "write", protected: false }),
      ),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("protected by default") as unknown,
    });
    await expect(
      inOrg((tx) =>
        setFieldRule(tx, settings(), {
          recordType: "crm.contact",
          field: "shoe_size",
          rule: "write",
          protected: false,
        }),
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await inOrg((tx) =>
      setFieldRule(tx, settings(), { recordType: "crm.contact", field: "owner", rule: "write", protected: true }),
    );
    const id = await newContact({ email: "owned@example.test", owner: "o-1" });
    const outcome = await writeTo(id, "owner", "o-2");
    expect(outcome.decision).toBe("approve_one");
    await inOrg((tx) => resetFieldContract(tx, settings(), { recordType: "crm.contact" }));
  });
});

describe("suppression lists in the live policy", () => {
  const message = (subjects: string[]) =>
    ZProposedAction.parse({
      kind: "outbound_message",
      recordType: "outbound.email",
      recordId: randomUUID(),
      field: "*",
      currentValue: null,
      newValue: { to: subjects[0] },
      reason: "welcome email",
      confidence: 0.99,
      subjects,
    });

  it("blocks a message to an address on the organisation's list, and lets it through once removed", async () => {
    expect(decideAction((await live()).policy, message(["new@example.test"])).decision).toBe("auto");
    const added = await inOrg((tx) =>
      addSuppression(tx, settings(), { list: "opt_out", values: ["new@example.test", "other@example.test"] }),
    );
    expect(added).toEqual({ added: 2, alreadyListed: 0 });
    const result = decideAction((await live()).policy, message(["New@Example.test"]));
    expect(result.decision).toBe("block");
    expect(result.reasons.find((r) => r.code === "suppressed")?.message).toBe(
      "New@Example.test is on the opt out suppression list.",
    );

    const again = await inOrg((tx) =>
      addSuppression(tx, settings(), { list: "opt_out", values: ["new@example.test"] }),
    );
    expect(again).toEqual({ added: 0, alreadyListed: 1 });
    const listed = await inOrg((tx) => listSuppression(tx, orgId, { list: "opt_out", search: "NEW@", limit: 50 }));
    expect(listed.entries.map((e) => e.value)).toEqual(["new@example.test"]);
    expect(listed.entries[0]?.createdBy).toBeTruthy();
    expect(listed.counts.opt_out).toBe(2);

    await inOrg((tx) => removeSuppression(tx, settings(), { ids: listed.entries.map((e) => e.id) }));
    expect(decideAction((await live()).policy, message(["new@example.test"])).decision).toBe("auto");
    const audit = await inOrg((tx) =>
      tx.auditEntry.findMany({ where: { orgId, action: { in: ["suppression.added", "suppression.removed"] } } }),
    );
    expect(audit.map((a) => a.action).sort()).toEqual(["suppression.added", "suppression.removed"]);
  });

  it("keeps the version's own entries alongside the organisation's", async () => {
    await inOrg((tx) => addSuppression(tx, settings(), { list: "competitors", values: ["foe.test"] }));
    const { policy } = await live();
    expect([...(policy.suppression.competitors ?? [])].sort()).toEqual(["foe.test", "rival.test"]);
    expect(decideAction(policy, message(["rival.test"])).decision).toBe("block");
  });

  it("does not apply another organisation's lists", async () => {
    const other = await createGovernedOrg("Unrelated Org");
    await withScope({ orgId: other.org.id }, (tx) =>
      addSuppression(
        tx,
        { orgId: other.org.id, userId: other.people.admin.id, actor: other.people.admin.actor },
        { list: "opt_out", values: ["shared@example.test"] },
      ),
    );
    expect(decideAction((await live()).policy, message(["shared@example.test"])).decision).toBe("auto");
  });
});
