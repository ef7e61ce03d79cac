import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "@/server/testing/integration";
import { apInvoicePolicy } from "@/server/templates/ap-invoice/policy";
import { AP_INVOICE_PROMPTS } from "@/server/templates/ap-invoice/prompts";
import { invoiceText } from "@/server/templates/ap-invoice/sample-data";
import { ZApInvoiceSettings } from "@/server/templates/ap-invoice/settings";
import { startTemplateHarness } from "./testing/template-harness";

type Harness = Awaited<ReturnType<typeof startTemplateHarness>>;
let harness: Harness;

beforeAll(async () => {
  harness = await startTemplateHarness();
});
afterAll(async () => {
  await harness?.stop();
});

const DAY_MS = 86_400_000;
const isoDay = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

/** An organisation with one vendor (net 45) and its open purchase order, and an AP workflow in auto mode. */
async function setup(settings: Record<string, unknown> = {}) {
  const org = await harness.newOrg("Accounts payable");
  const parsed = ZApInvoiceSettings.parse(settings);
  const workflowId = await org.workflow({
    templateKey: "ap_invoice_matching",
    policy: apInvoicePolicy(parsed),
    settings: parsed,
    prompts: AP_INVOICE_PROMPTS,
  });
  const vendor = { name: "Kestrel Office Supplies Ltd", email: "ap@kestrel.example" };
  const vendorId = await org.record("ap.vendor", { ...vendor, terms_days: 45, status: "approved" });
  const lines = [
    { description: "Ergonomic chairs", quantity: 4, unit_price: 120 },
    { description: "Desk lamps", quantity: 2, unit_price: 35 },
  ];
  const poId = await org.record("ap.purchase_order", { po_number: "PO-48151", vendor_id: vendorId, total: 550, lines });
  const invoice = (over: Partial<Parameters<typeof invoiceText>[0]> = {}) =>
    invoiceText({ vendor, number: "INV-7001", date: isoDay(-3), termsDays: 45, poNumber: "PO-48151", lines, ...over });
  return { org, workflowId, vendorId, poId, lines, invoice };
}

describe("AP invoice matching through the local executor", () => {
  it("creates a matched bill at once, schedules payment per the vendor's terms, and releases it only after approval", async () => {
    const { org, workflowId, vendorId, poId, invoice } = await setup();
    const { eventId } = await org.intake(workflowId, "invoice", { text: invoice() });

    const release = await org.pendingApproval(workflowId, "ap.payment", "payment_release");
    const [bill] = await org.records("ap.invoice");
    expect(bill?.data).toMatchObject({
      vendor_id: vendorId,
      invoice_number: "INV-7001",
      total: 550,
      purchase_order_id: poId,
      match_status: "matched",
      discrepancies: [],
      status: "approved",
      lines: [
        { description: "Ergonomic chairs", quantity: 4, unit_price: 120 },
        { description: "Desk lamps", quantity: 2, unit_price: 35 },
      ],
    });
    const [payment] = await org.records("ap.payment");
    expect(payment?.data).toMatchObject({
      invoice_id: bill?.id,
      vendor_id: vendorId,
      amount: 550,
      scheduled_for: isoDay(-3 + 45),
      status: "scheduled",
    });
    expect(release.requiredApprovals).toBe(1);
    expect(release.action.decisionReasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "kind_always_approved" })]),
    );

    await org.decide(release.id, true);
    expect((await harness.engine.finished(eventId, 40_000)).status).toBe("Completed");
    expect((await org.records("ap.payment"))[0]?.data.status).toBe("released");

    const run = await org.run(workflowId);
    expect(run.output).toMatchObject({ outcome: "released", matchStatus: "matched" });
    const extract = run.steps.find((s) => s.name === "extract-invoice");
    expect(extract).toMatchObject({ model: "handrail-embedded-1", promptVersion: "ap-invoice.extract@1" });
    expect(run.steps.find((s) => s.name === "read-lines-and-terms")?.promptVersion).toBe("ap-invoice.lines-terms@1");
    const executed = await auditEntries({ chainKey: org.orgId, action: "action.executed" });
    const released = executed.find((e) => e.targetId === payment?.id && e.data.field === "status");
    expect(released).toMatchObject({
      actorType: "human_approved_ai",
      data: { before: "scheduled", after: "released" },
    });
  }, 90_000);

  it("sends a PO mismatch to review with its discrepancies", async () => {
    const { org, workflowId, invoice } = await setup();
    await org.intake(workflowId, "invoice", { text: invoice({ total: 700 }) });
    const review = await org.pendingApproval(workflowId, "ap.invoice");
    expect(review.action.decisionReasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "account_flag", message: "The account is flagged po_mismatch." }),
      ]),
    );
    const proposed = review.action.newValue as { match_status: string; discrepancies: string[] };
    expect(proposed.match_status).toBe("mismatch");
    expect(proposed.discrepancies.join(" ")).toMatch(/differs from the PO total USD 550.00 by USD 150.00/);
    expect(await org.records("ap.invoice")).toEqual([]);

    await org.decide(review.id, true);
    const release = await org.pendingApproval(workflowId, "ap.payment", "payment_release");
    expect((await org.records("ap.invoice"))[0]?.data).toMatchObject({ match_status: "mismatch", total: 700 });
    await org.decide(release.id, false);
  }, 90_000);

  it("records a duplicate (same vendor and number) for review and never schedules its payment", async () => {
    const { org, workflowId, vendorId, invoice } = await setup();
    const original = await org.record("ap.invoice", {
      vendor_id: vendorId,
      vendor_name: "Kestrel Office Supplies Ltd",
      invoice_number: "INV-7001",
      invoice_date: isoDay(-40),
      total: 550,
      match_status: "matched",
      status: "paid",
    });
    const { eventId } = await org.intake(workflowId, "invoice", { text: invoice() });
    const review = await org.pendingApproval(workflowId, "ap.invoice");
    expect(review.action.newValue).toMatchObject({ match_status: "duplicate", status: "rejected" });
    expect(review.action.reason).toMatch(/Duplicate: invoice INV-7001/);

    await org.decide(review.id, true);
    expect((await harness.engine.finished(eventId, 40_000)).status).toBe("Completed");
    const bills = await org.records("ap.invoice");
    expect(bills.map((b) => [b.id === original, b.data.match_status])).toEqual([
      [true, "matched"],
      [false, "duplicate"],
    ]);
    expect(await org.records("ap.payment")).toEqual([]);
    expect((await org.run(workflowId)).output).toMatchObject({ outcome: "duplicate" });
  }, 90_000);

  it("proposes an unknown vendor for review first, with the invoice's terms, then bills against it", async () => {
    const { org, workflowId, invoice } = await setup({ requirePo: false });
    const { eventId } = await org.intake(workflowId, "invoice", {
      text: invoice({
        vendor: { name: "Nordlicht Papier GmbH", email: "billing@nordlicht.example" },
        poNumber: null,
        termsDays: 21,
      }),
    });
    const vendorReview = await org.pendingApproval(workflowId, "ap.vendor");
    expect(vendorReview.action.newValue).toMatchObject({
      name: "Nordlicht Papier GmbH",
      terms_days: 21,
      status: "new",
    });
    expect(vendorReview.action.decisionReasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: "The account is flagged new_vendor." })]),
    );
    await org.decide(vendorReview.id, true);

    const release = await org.pendingApproval(workflowId, "ap.payment", "payment_release");
    const vendor = (await org.records("ap.vendor")).find((v) => v.data.name === "Nordlicht Papier GmbH");
    expect((await org.records("ap.invoice"))[0]?.data).toMatchObject({
      vendor_id: vendor?.id,
      match_status: "unmatched",
    });
    expect((await org.records("ap.payment"))[0]?.data.scheduled_for).toBe(isoDay(-3 + 21));
    await org.decide(release.id, false);
    expect((await harness.engine.finished(eventId, 40_000)).status).toBe("Completed");
    expect((await org.records("ap.payment"))[0]?.data.status).toBe("scheduled");
  }, 90_000);

  it("needs two different approvers for a bill above the two-person tier", async () => {
    const { org, workflowId, invoice } = await setup();
    const big = [{ description: "Standing desks", quantity: 20, unit_price: 400 }];
    await org.record("ap.purchase_order", {
      po_number: "PO-90001",
      vendor_id: (await org.records("ap.vendor"))[0]!.id,
      total: 8000,
      lines: big,
    });
    await org.intake(workflowId, "invoice", {
      text: invoice({ number: "INV-9000", poNumber: "PO-90001", lines: big }),
    });
    const review = await org.pendingApproval(workflowId, "ap.invoice");
    expect(review.requiredApprovals).toBe(2);
    expect(review.action.decisionReasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "amount_two_person" })]),
    );
    expect(await org.decide(review.id, true, 0)).toMatchObject({ outcome: "pending" });
    expect(await org.records("ap.invoice")).toEqual([]);
    expect(await org.decide(review.id, true, 1)).toMatchObject({ outcome: "approved" });

    const release = await org.pendingApproval(workflowId, "ap.payment", "payment_release");
    expect(release.requiredApprovals).toBe(2);
    expect((await org.records("ap.invoice"))[0]?.data).toMatchObject({ total: 8000, match_status: "matched" });
    await org.decide(release.id, false);
  }, 90_000);

  it("in shadow mode computes the same plan and writes nothing", async () => {
    const { org, workflowId, invoice } = await setup();
    await harness.withScope({ orgId: org.orgId }, (tx) =>
      tx.workflow.update({ where: { id: workflowId }, data: { mode: "shadow" } }),
    );
    const { eventId } = await org.intake(workflowId, "invoice", { text: invoice() });
    expect((await harness.engine.finished(eventId, 40_000)).status).toBe("Completed");
    const run = await org.run(workflowId);
    expect(run.output).toMatchObject({ outcome: "shadowed", matchStatus: "matched", results: { bill: "shadowed" } });
    expect(run.actions.map((a) => [a.recordType, a.status])).toEqual([
      ["ap.invoice", "shadowed"],
      ["ap.payment", "shadowed"],
    ]);
    expect(await org.records("ap.invoice")).toEqual([]);
    expect(await org.records("ap.payment")).toEqual([]);
  }, 90_000);
});
