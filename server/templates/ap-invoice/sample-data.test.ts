import { describe, expect, it } from "vitest";
import { extractInvoice } from "@/server/ai/embedded/invoice-extractor";
import { RECORD_TYPES, type RecordData } from "@/server/records/record-types";
import { templateFor } from "..";
import { readLinesAndTerms } from "./invoice-lines";
import { planInvoice, vendorEmailIn, type ApRecords } from "./plan-invoice";
import { DEFAULT_AP_INVOICE_SETTINGS } from "./settings";

/** The sample records as the loader stores them: refs resolved to the referenced record's id. */
function ledger(): ApRecords {
  const records = templateFor("ap_invoice_matching").sampleData({ seed: 7, settings: {} });
  const id = (type: string, externalId: string) => `${type}/${externalId}`;
  const rows = records.map((r) => ({
    type: r.type,
    id: id(r.type, r.externalId),
    data: RECORD_TYPES[r.type].schema.parse({
      ...r.data,
      ...Object.fromEntries(Object.entries(r.refs ?? {}).map(([field, ref]) => [field, id(ref.type, ref.externalId)])),
    }),
  }));
  const of = <T extends "ap.vendor" | "ap.purchase_order" | "ap.invoice">(type: T) =>
    rows.filter((r) => r.type === type) as unknown as { id: string; data: RecordData<T> }[];
  return { vendors: of("ap.vendor"), purchaseOrders: of("ap.purchase_order"), invoices: of("ap.invoice") };
}

describe("AP sample items", () => {
  const items = templateFor("ap_invoice_matching").sampleItems({ seed: 7, settings: {} });
  const records = ledger();
  const planFor = (key: string) => {
    const text = String(items.find((i) => i.sourceId.endsWith(key))?.payload.text);
    const extracted = extractInvoice(text);
    const vendorId = records.vendors.find((v) => v.data.name === extracted.fields.vendor)?.id;
    const plan = planInvoice({
      extraction: {
        status: "ok",
        detail: null,
        confidence: 0.97,
        fields: extracted.fields,
        vendorEmail: vendorEmailIn(text),
        ...readLinesAndTerms(text),
      },
      records: { ...records, invoices: records.invoices.filter((i) => i.data.vendor_id === vendorId) },
      settings: DEFAULT_AP_INVOICE_SETTINGS,
      ids: { vendorId: "new", invoiceId: "inv", paymentId: "pay" },
      today: new Date().toISOString().slice(0, 10),
    });
    if (plan.outcome !== "planned") throw new Error(plan.reason);
    return plan;
  };

  it("each exercise their branch once read by the embedded extractor", () => {
    expect(planFor("matched")).toMatchObject({ matchStatus: "matched", flags: [], vendorAction: null });
    expect(Number(planFor("matched").billAction.amount)).toBeLessThanOrEqual(1000);
    expect(Number(planFor("two-approvers").billAction.amount)).toBeGreaterThan(5000);
    expect(planFor("two-approvers").matchStatus).toBe("matched");
    expect(planFor("po-mismatch")).toMatchObject({ matchStatus: "mismatch", flags: ["po_mismatch"] });
    expect(planFor("new-vendor").vendor.isNew).toBe(true);
    expect(planFor("new-vendor").vendor.termsDays).toBe(21);
    expect(planFor("duplicate")).toMatchObject({ matchStatus: "duplicate", paymentAction: null });
  });

  it("read their line items, which add up to the subtotal", () => {
    const text = String(items[0]?.payload.text);
    expect(readLinesAndTerms(text).lines.length).toBe(2);
    expect(planFor("matched").discrepancies).toEqual([]);
  });
});
