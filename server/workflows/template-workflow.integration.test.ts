import { beforeAll, describe, expect, it } from "vitest";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../prisma/factories";
import { withScope } from "../db/tenancy";
import { auditEntries } from "../testing/integration";
import { callerFor } from "../testing/callers";

let slug = "";
let orgId = "";
let owner: { id: string };
let builder: { id: string };
let operator: { id: string };
let stranger: { id: string };
let strangerSlug = "";

beforeAll(async () => {
  owner = await createUser({ email: uniqueEmail("owner") });
  const org = await createOrgWithOwner(owner as never, "Wizard Org");
  slug = org.slug;
  orgId = org.id;
  builder = await createUser({ email: uniqueEmail("builder") });
  await addMember({ orgId, user: builder as never, role: "builder" });
  operator = await createUser({ email: uniqueEmail("operator") });
  await addMember({ orgId, user: operator as never, role: "operator" });
  stranger = await createUser({ email: uniqueEmail("stranger") });
  strangerSlug = (await createOrgWithOwner(stranger as never, "Elsewhere")).slug;
});

describe("workflows from templates", () => {
  it("installs a template in shadow mode with a published first version, setup records and sample data, once", async () => {
    const caller = callerFor(builder, slug);
    const templates = await caller.workflow.templates();
    const support = templates.find((t) => t.key === "support_triage")!;
    expect(support.settingsSchema).toMatchObject({ type: "object" });
    const { workflowId } = await caller.workflow.createFromTemplate({
      templateKey: "support_triage",
      settings: { ...support.defaultSettings, refundApprovalAbove: 25 },
    });
    const detail = await caller.workflow.get({ workflowId });
    expect(detail).toMatchObject({ mode: "shadow", templateName: "Support triage", liveVersion: { number: 1 } });
    expect(detail.liveVersion!.policy).toMatchObject({ approval: { amount: { approveAbove: 25 } } });
    expect(detail.liveVersion!.prompts).toHaveProperty("support.category");

    const first = await caller.workflow.loadSampleData({ workflowId });
    expect(first.created).toBeGreaterThan(5);
    const again = await caller.workflow.loadSampleData({ workflowId });
    expect(again.created).toBe(0);
    const queues = await withScope({ orgId }, (tx) =>
      tx.businessRecord.count({ where: { orgId, type: "helpdesk.queue" } }),
    );
    expect(queues).toBe(3);
    const audit = await auditEntries({ chainKey: orgId, action: "sample_data.loaded" });
    expect(audit.map((a) => (a.data as { created: number }).created)).toEqual([first.created, 0]);

    const overview = await caller.workflow.overview();
    expect(overview.workflows.find((w) => w.id === workflowId)).toMatchObject({ mode: "shadow", paused: false });
  });

  it("refuses settings the template's schema refuses, with a readable message", async () => {
    await expect(
      callerFor(builder, slug).workflow.createFromTemplate({
        templateKey: "lead_routing",
        settings: { owners: [{ name: "A", email: "not-an-email" }] },
      }),
    ).rejects.toThrow(/settings are invalid \(owners › 0 › email\)/);
  });

  it("lets a builder switch to shadow or off but not to suggest or auto; an owner may", async () => {
    const { workflowId } = await callerFor(builder, slug).workflow.createFromTemplate({ templateKey: "lead_routing" });
    await expect(callerFor(builder, slug).workflow.setMode({ workflowId, mode: "off" })).resolves.toMatchObject({
      mode: "off",
    });
    await expect(callerFor(builder, slug).workflow.setMode({ workflowId, mode: "auto" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(operator, slug).workflow.setMode({ workflowId, mode: "shadow" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(owner, slug).workflow.setMode({ workflowId, mode: "auto" })).resolves.toMatchObject({
      mode: "auto",
    });
  });

  it("keeps another organisation's workflows and runs out of reach", async () => {
    const { workflowId } = await callerFor(builder, slug).workflow.createFromTemplate({ templateKey: "lead_routing" });
    await expect(callerFor(stranger, strangerSlug).workflow.get({ workflowId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerFor(stranger, slug).workflow.get({ workflowId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(owner, slug).workflow.run({ runId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
