import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../prisma/factories";
import { startWorkflowHarness } from "./testing/template-workflow-harness";

const harness = await startWorkflowHarness();
type Org = Awaited<ReturnType<typeof harness.newOrg>>;

let org: Org;
let agents: { billing: string; technical: string; general: string };
let notifyOwner = "";

/** Thresholds low enough that only the policy's rules (not model confidence) send actions to people. */
function settings() {
  return {
    agents: [
      { name: "Bianca Ruiz", email: agents.billing, queue: "Billing", skills: ["billing"] },
      { name: "Tom Okafor", email: agents.technical, queue: "Technical", skills: ["technical", "access"] },
      { name: "Mei Tanaka", email: agents.general, queue: "General", skills: ["general", "product"] },
    ],
    thresholds: { act: 0.3, review: 0.1 },
    kbAutoAnswer: 0.5,
    refundApprovalAbove: 50,
    refundTwoPersonAbove: 500,
    urgentNotify: [notifyOwner],
  };
}

const PASSWORD = {
  subject: "Password reset",
  body: "Hi! Quick question: how do I reset my password? I forgot my password. Thanks a lot!",
};

beforeAll(async () => {
  org = await harness.newOrg("Support Org");
  agents = { billing: uniqueEmail("billing"), technical: uniqueEmail("tech"), general: uniqueEmail("general") };
  notifyOwner = uniqueEmail("head-of-support");
});

afterAll(() => harness.stop());

const ticket = (from: string, body: { subject: string; body: string }, extra: Record<string, unknown> = {}) => ({
  from,
  from_name: "Casey Customer",
  ...body,
  channel: "email",
  ...extra,
});

describe("support triage through intake, the executor and the governance gate", { timeout: 120_000 }, () => {
  it("turns the item into a ticket, triages and routes it, and answers a routine question from the knowledge base in auto mode", async () => {
    const workflowId = await org.install("support_triage", settings(), "auto");
    const customer = uniqueEmail("customer");
    const item = await org.intake(workflowId, "ticket", ticket(customer, PASSWORD));
    const run = await org.settle(await item.runId());
    const created = (await org.records("helpdesk.ticket")).find((t) => t.data.customer_email === customer)!;
    expect(created.externalId).toBe(`intake:${item.intakeItemId}`);
    expect(created.data.queue).toBeTruthy();
    expect(created.data.category).toBeTruthy();
    const mail = await org.mailTo(customer);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain("Forgot password");
    const replies = (await org.records("helpdesk.reply")).filter((r) => r.data.ticket_id === created.id);
    expect(replies.map((r) => r.data.public)).toEqual([true]);
    const steps = Object.fromEntries(run.steps.map((s) => [s.name, s]));
    expect(steps["classify-category"]).toMatchObject({ promptVersion: "support-triage.category@1" });
    expect(steps["classify-category"]!.confidence).toBeGreaterThan(0);
  });

  it("does not answer on its own outside auto mode: the answer stays an internal suggestion", async () => {
    const workflowId = await org.install("support_triage", settings(), "shadow");
    const customer = uniqueEmail("customer");
    const item = await org.intake(workflowId, "ticket", ticket(customer, PASSWORD));
    const run = await org.settle(await item.runId());
    expect(run.actions.some((a) => a.kind === "outbound_message")).toBe(false);
    const suggestion = run.actions.find((a) => a.recordType === "helpdesk.reply");
    expect(suggestion?.status).toBe("shadowed");
    expect((suggestion?.newValue as { public: boolean }).public).toBe(false);
    expect(await org.mailTo(customer)).toHaveLength(0);
    // Shadow mode executes nothing: the ticket exists (data arriving), untriaged.
    const created = (await org.records("helpdesk.ticket")).find((t) => t.data.customer_email === customer)!;
    expect(created.data).toMatchObject({ category: null, queue: null });
  });

  it("sends refunds above the threshold for approval, two approvers above the second tier", async () => {
    const workflowId = await org.install("support_triage", settings(), "auto");
    const small = await org.intake(
      workflowId,
      "ticket",
      ticket(uniqueEmail("refund"), { subject: "Refund", body: "Please refund $180 for the unused seats." }),
    );
    const run = await org.settle(await small.runId());
    const refund = run.actions.find((a) => a.field === "refund_amount")!;
    expect(Number(refund.amount)).toBe(180);
    expect(refund.approval).toMatchObject({ requiredApprovals: 1, status: "approved" });
    expect((refund.decisionReasons as { code: string }[]).map((r) => r.code)).toContain("amount_approval");
    expect(refund.status).toBe("executed");

    const large = await org.intake(
      workflowId,
      "ticket",
      ticket(uniqueEmail("refund"), { subject: "Refund", body: "We want a refund of $900 for the annual plan." }),
    );
    const largeRun = await org.settle(await large.runId(), (a) => a.field !== "refund_amount");
    const largeRefund = largeRun.actions.find((a) => a.field === "refund_amount")!;
    expect(largeRefund.approval).toMatchObject({ requiredApprovals: 2, status: "rejected" });
    const ticketRow = (await org.records("helpdesk.ticket")).find((t) => t.id === largeRefund.recordId);
    expect(ticketRow?.data.refund_amount).toBeNull();
  }, 120_000);

  it("alerts the queue's agents and the listed people about an urgent ticket, once", async () => {
    const workflowId = await org.install("support_triage", settings(), "auto");
    const item = await org.intake(
      workflowId,
      "ticket",
      ticket(
        uniqueEmail("vip"),
        {
          subject: "Everything is down",
          body: "The app is completely down for all of our users. We are losing data. Please help immediately!",
        },
        { customer_tier: "vip" },
      ),
    );
    const run = await org.settle(await item.runId());
    expect(run.steps.find((s) => s.name === "classify-urgency")?.output).toMatchObject({ output: { label: "urgent" } });
    const alerts = await org.mailTo(notifyOwner);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.subject).toContain("Urgent ticket");
    const queued = run.actions.find((a) => a.field === "queue")!.newValue as string;
    const queueAgents = (await org.records("helpdesk.agent")).filter((a) => a.data.queue === queued);
    for (const agent of queueAgents) expect(await org.mailTo(agent.data.email as string)).toHaveLength(1);
  });
});
