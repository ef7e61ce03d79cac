import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../prisma/factories";
import { startWorkflowHarness } from "./testing/template-workflow-harness";

const harness = await startWorkflowHarness();
type Org = Awaited<ReturnType<typeof harness.newOrg>>;

/** Thresholds low enough that only the policy's rules (not model confidence) send actions to people. */
const SETTINGS = (owner: string, other: string) => ({
  owners: [
    { name: "Sam Rivera", email: owner },
    { name: "Lee Chen", email: other },
  ],
  territories: [
    { name: "EMEA", countries: ["DE", "GB"], ownerEmail: owner, priority: 10 },
    { name: "North America", countries: ["US"], ownerEmail: other, priority: 10 },
  ],
  thresholds: { act: 0.3, review: 0.1 },
});

let org: Org;
let workflowId = "";
let sam = "";
let lee = "";

beforeAll(async () => {
  org = await harness.newOrg("Lead Org");
  sam = uniqueEmail("sam");
  lee = uniqueEmail("lee");
  workflowId = await org.install("lead_routing", SETTINGS(sam, lee), "auto");
});

afterAll(() => harness.stop());

const ownerId = async (email: string) => (await org.records("crm.owner")).find((o) => o.data.email === email)!.id;

describe("lead routing through intake, the executor and the governance gate", { timeout: 90_000 }, () => {
  it("creates a new lead's company, contact, welcome email and follow-up task, routed by territory", async () => {
    const email = uniqueEmail("ada").replace("@example.test", "@neue-firma.example");
    const lead = await org.intake(workflowId, "lead", {
      email,
      first_name: "Ada",
      company: "Neue Firma",
      website: "https://neue-firma.example",
      country: "DE",
      message: "We need a demo this week, budget approved.",
      source: "Website form",
    });
    const run = await org.settle(await lead.runId());
    expect(run.status).toBe("completed");
    const contact = (await org.records("crm.contact")).find((c) => c.data.email === email);
    expect(contact?.data).toMatchObject({ owner: await ownerId(sam), source: "web_form", first_name: "Ada" });
    const company = (await org.records("crm.company")).find((c) => c.data.domain === "neue-firma.example");
    expect(contact?.data.company_id).toBe(company?.id);
    const task = (await org.records("crm.task")).find((t) => t.data.related_id === contact?.id);
    expect(task?.data).toMatchObject({ owner: await ownerId(sam), status: "open" });
    expect(await org.mailTo(email)).toHaveLength(1);
    // Every step is on the run with its model and prompt (or rules) version.
    const steps = Object.fromEntries(run.steps.map((s) => [s.name, s]));
    expect(steps["score-fit"]).toMatchObject({ promptVersion: "lead-routing.fit@1" });
    expect(steps["score-fit"]!.model).toBeTruthy();
    expect(steps["route-owner"]).toMatchObject({ model: "handrail-rules", promptVersion: "lead-routing.rules@1" });
  });

  it("links a duplicate lead to the existing contact instead of creating another", async () => {
    const existing = (await org.records("crm.contact"))[0]!;
    const before = (await org.records("crm.contact")).length;
    const lead = await org.intake(workflowId, "lead", {
      email: existing.data.email,
      message: "Can you send the proposal?",
      source: "referral",
    });
    const run = await org.settle(await lead.runId(), () => false);
    expect((await org.records("crm.contact")).length).toBe(before);
    expect(run.actions.filter((a) => a.kind === "create_record" && a.recordType === "crm.contact")).toHaveLength(0);
    expect(run.actions.some((a) => a.recordId === existing.id && a.field === "urgency_score")).toBe(true);
    // An existing contact gets no welcome email.
    expect(run.actions.some((a) => a.kind === "outbound_message")).toBe(false);
  }, 90_000);

  it("never overwrites a contact's owner silently: a different routed owner goes to a person", async () => {
    const email = uniqueEmail("owned").replace("@example.test", "@us-corp.example");
    const contactId = await org.record("crm.contact", { email, owner: await ownerId(sam) });
    const lead = await org.intake(workflowId, "lead", { email, country: "US", message: "Pricing please" });
    const run = await org.settle(await lead.runId(), (a) => a.field !== "owner");
    const change = run.actions.find((a) => a.field === "owner");
    expect(change).toMatchObject({ kind: "routing_change", recordId: contactId, status: "rejected" });
    expect(change?.approval?.status).toBe("rejected");
    const reasons = (change?.decisionReasons as { code: string }[]).map((r) => r.code);
    expect(reasons).toEqual(expect.arrayContaining(["protected_field"]));
    const contact = (await org.records("crm.contact")).find((c) => c.id === contactId);
    expect(contact?.data.owner).toBe(await ownerId(sam));
  });

  it("sends no email to a suppressed address, and says why", async () => {
    const email = uniqueEmail("optout").replace("@example.test", "@quiet-co.example");
    await org.withScope({ orgId: org.orgId }, (tx) =>
      tx.suppressionEntry.create({ data: { orgId: org.orgId, list: "opt_out", value: email } }),
    );
    const lead = await org.intake(workflowId, "lead", { email, country: "GB", company: "Quiet Co" });
    const run = await org.settle(await lead.runId());
    const mail = run.actions.find((a) => a.kind === "outbound_message");
    expect(mail?.status).toBe("blocked");
    expect(JSON.stringify(mail?.decisionReasons)).toContain("opt out suppression list");
    expect(await org.mailTo(email)).toHaveLength(0);
    expect((await org.records("outbound.email")).some((m) => m.data.to === email)).toBe(false);
  });

  it("sends a same-domain lead to review as a suggested link to the company", async () => {
    const company = (await org.records("crm.company")).find((c) => c.externalId === "company:5")!;
    const email = `${uniqueEmail("colleague").split("@")[0]}@${company.data.domain as string}`;
    const lead = await org.intake(workflowId, "lead", { email });
    const run = await org.settle(await lead.runId(), () => false);
    const create = run.actions.find((a) => a.recordType === "crm.contact" && a.kind === "create_record");
    expect(create?.status).toBe("rejected");
    expect((create?.newValue as { company_id: string }).company_id).toBe(company.id);
    expect(create!.confidence).toBeLessThan(0.85);
    expect((create!.decisionReasons as { code: string }[]).map((r) => r.code)).toContain("account_flag");
  }, 90_000);
});
