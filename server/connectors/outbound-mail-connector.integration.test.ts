import { beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../prisma/factories";
import { db } from "../db/client";
import { withScope } from "../db/tenancy";
import { executeAction } from "../governance/execute-action";
import { rollbackAction } from "../governance/rollback-action";
import { createGovernedOrg, proposeInRun } from "../records/testing/governed-org";

let orgId = "";
let workflowId = "";
let admin: Awaited<ReturnType<typeof createGovernedOrg>>["people"]["admin"];

beforeAll(async () => {
  const governed = await createGovernedOrg("Mail Org");
  orgId = governed.org.id;
  workflowId = governed.workflowId;
  admin = governed.people.admin;
});

async function proposeEmail(to: string) {
  return proposeInRun(orgId, workflowId, {
    kind: "outbound_message",
    recordType: "outbound.email",
    recordId: crypto.randomUUID(),
    field: "*",
    newValue: { to, subject: "Welcome", text: "Hello there." },
    subjects: [to],
  });
}

describe("outbound mail connector", () => {
  it("sends once, keeps the message, and refuses to roll a sent email back", async () => {
    const to = uniqueEmail("lead");
    const { actionId } = await proposeEmail(to);
    expect(await executeAction(orgId, actionId, { shadow: false, workflowId })).toBe("executed");
    expect(await executeAction(orgId, actionId, { shadow: false, workflowId })).toBe("already_executed");
    expect(await db.devMail.count({ where: { to } })).toBe(1);
    const kept = await withScope({ orgId }, (tx) =>
      tx.businessRecord.findMany({ where: { orgId, type: "outbound.email" } }),
    );
    expect(kept.some((r) => (r.data as { to: string }).to === to)).toBe(true);
    await expect(rollbackAction(orgId, actionId, admin.actor)).rejects.toThrow(/cannot be unsent/);
  });

  it("re-checks suppression right before sending: an opt-out that arrived while waiting stops the email", async () => {
    const to = uniqueEmail("late-optout");
    const { actionId } = await proposeEmail(to);
    await withScope({ orgId }, (tx) => tx.suppressionEntry.create({ data: { orgId, list: "opt_out", value: to } }));
    expect(await executeAction(orgId, actionId, { shadow: false, workflowId })).toBe("invalid");
    expect(await db.devMail.count({ where: { to } })).toBe(0);
    const action = await withScope({ orgId }, (tx) => tx.action.findUniqueOrThrow({ where: { id: actionId } }));
    expect(action.status).toBe("cancelled");
    const audit = await withScope({ orgId }, (tx) =>
      tx.auditEntry.findFirst({ where: { orgId, action: "action.cancelled", targetId: actionId } }),
    );
    expect(JSON.stringify(audit?.data)).toContain("opt out suppression list");
  });

  it("honours a CRM contact's own opt-out", async () => {
    const to = uniqueEmail("contact-optout");
    await withScope({ orgId }, (tx) =>
      tx.businessRecord.create({ data: { orgId, type: "crm.contact", data: { email: to, opt_out: true } } }),
    );
    const { actionId } = await proposeEmail(to);
    expect(await executeAction(orgId, actionId, { shadow: false, workflowId })).toBe("invalid");
    expect(await db.devMail.count({ where: { to } })).toBe(0);
  });
});
