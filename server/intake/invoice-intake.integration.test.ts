import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRun } from "../runs/run-service";
import { callerFor, withAdminClient } from "../testing/callers";
import { makeInvoicePdf } from "./testing/documents";
import { captureIntakeEvents } from "./testing/engine-double";
import { addIntakeMember, createIntakeOrg, type IntakeOrg } from "./testing/intake-fixtures";

let engine: ReturnType<typeof captureIntakeEvents>;
let ap: IntakeOrg;
let operator: { id: string };

const caller = (user: { id: string } = ap.owner) => callerFor(user, ap.slug).intake;

async function attachmentsOf(itemId: string) {
  return withAdminClient(async (c) => {
    const { rows } = await c.query<{ id: string; filename: string; contentType: string; extractedText: string }>(
      `SELECT "id", "filename", "contentType", "extractedText" FROM "IntakeAttachment" WHERE "intakeItemId" = $1`,
      [itemId],
    );
    return rows;
  });
}

beforeAll(async () => {
  engine = captureIntakeEvents();
  ap = await createIntakeOrg("ap_invoice_matching", "Invoice Intake");
  operator = await addIntakeMember(ap.orgId, "operator");
});

afterAll(() => engine.restore());

describe("invoice upload and paste", () => {
  it("reads an uploaded PDF's text into the invoice payload and keeps the file", async () => {
    const pdf = await makeInvoicePdf(["INVOICE 88-1024", "Vendor: Contoso Paper", "Amount due: 742.10 USD"]);
    const result = await caller(operator).submitInvoicePdf({ workflowId: ap.workflowId, filename: "88-1024.pdf", pdf });
    expect(result).toMatchObject({ duplicate: false, status: "sent" });

    const [attachment] = await attachmentsOf(result.itemId);
    expect(attachment).toMatchObject({ filename: "88-1024.pdf", contentType: "application/pdf" });
    expect(attachment?.extractedText).toContain("Amount due: 742.10 USD");
    const event = engine.sent.find((e) => e.data.intakeItemId === result.itemId);
    // The uploader is the run's requester (separation of duties).
    expect(event).toMatchObject({ name: "invoice/received", data: { requesterId: operator.id } });

    const again = await caller(operator).submitInvoicePdf({ workflowId: ap.workflowId, filename: "copy.pdf", pdf });
    expect(again).toMatchObject({ itemId: result.itemId, duplicate: true });
  });

  it("refuses a file that is not a PDF, and workflows that take no invoices", async () => {
    const notPdf = new TextEncoder().encode("hello, I am a text file");
    await expect(
      caller().submitInvoicePdf({ workflowId: ap.workflowId, filename: "x.pdf", pdf: notPdf }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "That file is not a PDF." });
    const support = await createIntakeOrg("support_triage", "No Invoices");
    await expect(
      callerFor(support.owner, support.slug).intake.submitInvoiceText({ workflowId: support.workflowId, text: "x" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("lets people with record.write submit, and nobody without it", async () => {
    const auditor = await addIntakeMember(ap.orgId, "auditor");
    await expect(
      caller(auditor).submitInvoiceText({ workflowId: ap.workflowId, text: "Invoice 1" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller(operator).rotateSecret({ workflowId: ap.workflowId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("when the engine cannot be reached", () => {
  it("keeps the item as accepted, shows why, and resends it with its requester", async () => {
    engine.setDown(true);
    const text = "Invoice 5521 from Fabrikam, total 99.00";
    const result = await caller(operator).submitInvoiceText({ workflowId: ap.workflowId, text });
    engine.setDown(false);
    expect(result).toMatchObject({ duplicate: false, status: "accepted" });

    let [item] = (await caller().items({ workflowId: ap.workflowId })).filter((i) => i.id === result.itemId);
    expect(item).toMatchObject({ status: "accepted", kind: "invoice", channel: "upload" });
    expect(item?.error).toContain("could not be reached");

    expect(await caller().resendPending({ workflowId: ap.workflowId })).toEqual({ pending: 1, sent: 1 });
    const resent = engine.sent.filter((e) => e.data.intakeItemId === result.itemId);
    expect(resent.map((e) => [e.name, e.data.requesterId])).toEqual([["invoice/received", operator.id]]);
    [item] = (await caller().items({ workflowId: ap.workflowId })).filter((i) => i.id === result.itemId);
    expect(item).toMatchObject({ status: "queued", error: null });
  });
});

describe("recent items", () => {
  it("links an item to the run it started, and marks repeats", async () => {
    const pasted = await caller().submitInvoiceText({ workflowId: ap.workflowId, text: "Invoice 7000, total 10.00" });
    await caller().submitInvoiceText({ workflowId: ap.workflowId, text: "Invoice 7000, total 10.00" });
    const versionId = await withAdminClient(async (c) => {
      const { rows } = await c.query<{ id: string }>(`SELECT "id" FROM "WorkflowVersion" WHERE "workflowId" = $1`, [
        ap.workflowId,
      ]);
      return rows[0]!.id;
    });
    const sourceId = (await caller().items({ workflowId: ap.workflowId })).find(
      (i) => i.id === pasted.itemId,
    )!.sourceId;
    const { runId } = await startRun({
      orgId: ap.orgId,
      workflowId: ap.workflowId,
      versionId,
      triggerEvent: "invoice/received",
      triggerKey: sourceId,
      entityKey: null,
      input: {},
    });

    const [repeat, original] = await caller().items({ workflowId: ap.workflowId, limit: 2 });
    expect(repeat).toMatchObject({ status: "duplicate", duplicateOf: pasted.itemId, runId: null });
    expect(repeat?.summary).toMatch(/^Repeat of Invoice 7000/);
    expect(original).toMatchObject({ id: pasted.itemId, status: "run_started", runId, runStatus: "running" });
  });
});
