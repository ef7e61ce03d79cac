import { describe, expect, it } from "vitest";
import type { RecordData } from "@/server/records/record-types";
import { findVendor, normaliseVendorName, paymentDate } from "./match-invoice";
import { planInvoice, type ApRecords, type InvoiceExtraction } from "./plan-invoice";
import { apInvoicePolicy } from "./policy";
import { DEFAULT_AP_INVOICE_SETTINGS, ZApInvoiceSettings } from "./settings";
import { decideAction } from "@/server/governance/governance-gate";
import { ZProposedAction } from "@/server/governance/policy.schemas";

const vendor = (id: string, data: Partial<RecordData<"ap.vendor">> = {}) => ({
  id,
  data: {
    name: "Acme Supplies Ltd",
    email: null,
    terms_days: 30,
    currency: "USD",
    tax_id: null,
    bank_account: null,
    status: "approved" as const,
    ...data,
  },
});
const po = (id: string, data: Partial<RecordData<"ap.purchase_order">> = {}) => ({
  id,
  data: {
    po_number: "PO-100",
    vendor_id: "v1",
    currency: "USD",
    total: 1200,
    lines: [],
    status: "open" as const,
    ...data,
  },
});
const invoice = (id: string, data: Partial<RecordData<"ap.invoice">> = {}) => ({
  id,
  data: {
    vendor_id: "v1",
    vendor_name: "Acme Supplies Ltd",
    invoice_number: "INV-1",
    invoice_date: "2026-01-02",
    due_date: null,
    currency: "USD",
    total: 99,
    po_number: null,
    purchase_order_id: null,
    lines: [],
    match_status: "matched" as const,
    discrepancies: [],
    approver: null,
    status: "approved" as const,
    ...data,
  },
});

function extraction(
  fields: Partial<InvoiceExtraction["fields"]> = {},
  extra: Partial<InvoiceExtraction> = {},
): InvoiceExtraction {
  return {
    status: "ok",
    detail: null,
    confidence: 0.97,
    fields: {
      vendor: "ACME Supplies",
      invoice_number: "INV-2001",
      invoice_date: "2026-03-01",
      due_date: "2026-03-31",
      currency: "USD",
      total: 1210,
      po_number: "PO-100",
      ...fields,
    },
    vendorEmail: "billing@acme.example",
    lines: [],
    subtotal: null,
    termsDays: null,
    ...extra,
  };
}

const records = (over: Partial<ApRecords> = {}): ApRecords => ({
  vendors: [vendor("v1")],
  purchaseOrders: [po("p1")],
  invoices: [],
  ...over,
});

const ids = { vendorId: "new-vendor", invoiceId: "inv", paymentId: "pay" };

function plan(x = extraction(), r = records(), settings = DEFAULT_AP_INVOICE_SETTINGS, today = "2026-03-05") {
  const result = planInvoice({ extraction: x, records: r, settings, ids, today });
  if (result.outcome !== "planned") throw new Error(result.reason);
  return result;
}

describe("vendor names", () => {
  it("ignore case, punctuation and legal suffixes, and nothing else", () => {
    expect(normaliseVendorName("ACME Supplies, Ltd.")).toBe("acme supplies");
    expect(findVendor("Acme Supplies Limited", [vendor("v1")])?.id).toBe("v1");
    expect(findVendor("Acme Logistics", [vendor("v1")])).toBeNull();
  });
});

describe("planInvoice", () => {
  it("matches the PO within the tolerance and schedules the payment per the vendor's terms", () => {
    const p = plan();
    expect(p.matchStatus).toBe("matched");
    expect(p.flags).toEqual([]);
    expect(p.vendorAction).toBeNull();
    expect(p.billAction.newValue).toMatchObject({ vendor_id: "v1", purchase_order_id: "p1", status: "approved" });
    expect(p.paymentAction?.newValue).toMatchObject({ scheduled_for: "2026-03-31", amount: 1210, status: "scheduled" });
    expect(p.releaseAction).toMatchObject({
      kind: "payment_release",
      field: "status",
      newValue: "released",
      amount: 1210,
    });
  });

  it("reports a PO mismatch with its discrepancies: amount, vendor, status", () => {
    const p = plan(
      extraction({ total: 1500 }),
      records({ purchaseOrders: [po("p1", { vendor_id: "other", status: "billed" })] }),
    );
    expect(p.matchStatus).toBe("mismatch");
    expect(p.flags).toContain("po_mismatch");
    expect(p.discrepancies.join(" ")).toMatch(/another vendor/);
    expect(p.discrepancies.join(" ")).toMatch(/already billed/);
    expect(p.discrepancies.join(" ")).toMatch(/differs from the PO total USD 1,200.00 by USD 300.00/);
    expect(p.billAction.accountFlags).toContain("po_mismatch");
  });

  it("flags an unknown PO number and a missing one (when a PO is required)", () => {
    expect(plan(extraction({ po_number: "PO-999" })).discrepancies).toEqual(["Purchase order PO-999 was not found."]);
    const noPo = plan(extraction({ po_number: null }));
    expect(noPo.flags).toEqual(["no_po"]);
    const optional = ZApInvoiceSettings.parse({ requirePo: false });
    expect(plan(extraction({ po_number: null }), records(), optional)).toMatchObject({
      matchStatus: "unmatched",
      flags: [],
    });
  });

  it("treats the same vendor and invoice number, or total and date, as a duplicate that is never paid", () => {
    const same = plan(extraction({ invoice_number: "inv 1" }), records({ invoices: [invoice("i1")] }));
    expect(same.duplicate).toEqual({ kind: "same_number", id: "i1", invoiceNumber: "INV-1" });
    expect(same.billAction.newValue).toMatchObject({ match_status: "duplicate", status: "rejected" });
    expect(same.paymentAction).toBeNull();
    expect(same.releaseAction).toBeNull();
    const lookalike = plan(
      extraction(),
      records({ invoices: [invoice("i2", { invoice_number: "X-9", total: 1210, invoice_date: "2026-03-01" })] }),
    );
    expect(lookalike.duplicate?.kind).toBe("same_total_and_date");
    expect(plan().duplicate).toBeNull();
  });

  it("proposes a new vendor with the invoice's own terms, flagged for review", () => {
    const p = plan(extraction({ vendor: "Nordlicht GmbH", po_number: null }, { termsDays: 14 }), records());
    expect(p.vendor).toEqual({ id: "new-vendor", name: "Nordlicht GmbH", isNew: true, termsDays: 14 });
    expect(p.vendorAction).toMatchObject({ recordType: "ap.vendor", accountFlags: ["new_vendor"] });
    expect(p.vendorAction?.newValue).toMatchObject({ email: "billing@acme.example", terms_days: 14, status: "new" });
    expect(p.paymentAction?.newValue).toMatchObject({ vendor_id: "new-vendor", scheduled_for: "2026-03-15" });
  });

  it("pays an overdue bill at once", () => {
    expect(paymentDate("2026-01-01", 30, "2026-03-05")).toBe("2026-03-05");
    const p = plan(extraction({ invoice_date: "2026-01-01" }));
    expect(p.paymentAction?.reason).toMatch(/overdue/);
  });

  it("sends an unreadable invoice to review instead of guessing", () => {
    const result = planInvoice({
      extraction: extraction({ invoice_number: null, total: null }),
      records: records(),
      settings: DEFAULT_AP_INVOICE_SETTINGS,
      ids,
      today: "2026-03-05",
    });
    expect(result).toEqual({
      outcome: "needs_review",
      reason: "The invoice's invoice number, total could not be read.",
    });
  });
});

describe("the default AP policy through the gate", () => {
  const policy = { mode: "auto" as const, ...apInvoicePolicy(DEFAULT_AP_INVOICE_SETTINGS) };
  const decide = (raw: unknown, currentValue: unknown = null) =>
    decideAction(policy, ZProposedAction.parse({ ...(raw as object), currentValue })).decision;

  it("routes bills by amount tier and always approves payment release", () => {
    expect(
      decide(plan(extraction({ total: 900 }), records({ purchaseOrders: [po("p1", { total: 900 })] })).billAction),
    ).toBe("auto");
    expect(decide(plan().billAction)).toBe("approve_one");
    expect(
      decide(plan(extraction({ total: 6000 }), records({ purchaseOrders: [po("p1", { total: 6000 })] })).billAction),
    ).toBe("approve_two");
    expect(decide(plan().paymentAction)).toBe("auto");
    const small = plan(extraction({ total: 50 }), records({ purchaseOrders: [po("p1", { total: 50 })] }));
    expect(decide(small.releaseAction, "scheduled")).toBe("approve_one");
    expect(
      decide(
        plan(extraction({ total: 6000 }), records({ purchaseOrders: [po("p1", { total: 6000 })] })).releaseAction,
        "scheduled",
      ),
    ).toBe("approve_two");
  });

  it("sends exceptions to review even below the auto limit", () => {
    const small = (x: InvoiceExtraction, r = records()) => decide(plan(x, r).billAction);
    expect(small(extraction({ total: 50, po_number: null }))).toBe("approve_one");
    expect(decide(plan(extraction({ vendor: "New Co", total: 50 })).vendorAction)).toBe("approve_one");
  });
});
