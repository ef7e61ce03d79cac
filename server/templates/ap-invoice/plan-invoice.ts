import type { z } from "zod";
import type { ZProposedAction } from "@/server/governance/policy.schemas";
import type { RecordData } from "@/server/records/record-types";
import type { LinesAndTerms } from "./invoice-lines";
import {
  daysBetween,
  findDuplicate,
  findVendor,
  formatMoney,
  matchPurchaseOrder,
  paymentDate,
  termsDueDate,
  type DuplicateMatch,
  type InvoiceRow,
  type PurchaseOrderRow,
  type VendorRow,
} from "./match-invoice";
import type { ApReviewFlag } from "./policy";
import type { ApInvoiceSettings } from "./settings";

/** A proposal as the governance runtime takes it (the current value is read by the runtime). */
export type Proposal = Omit<z.input<typeof ZProposedAction>, "currentValue">;

export const AP_SOURCE = "ap_invoice_matching";

/** What the extraction step read from the invoice (AI header fields + rule-based lines and terms). */
export type InvoiceExtraction = LinesAndTerms & {
  status: "ok" | "needs_review";
  detail: string | null;
  confidence: number;
  fields: {
    vendor: string | null;
    invoice_number: string | null;
    invoice_date: string | null;
    due_date: string | null;
    currency: string | null;
    total: number | null;
    po_number: string | null;
  };
  vendorEmail: string | null;
};

export type ApRecords = {
  vendors: VendorRow[];
  purchaseOrders: PurchaseOrderRow[];
  invoices: InvoiceRow[];
};

export type InvoicePlan =
  | { outcome: "needs_review"; reason: string }
  | {
      outcome: "planned";
      vendor: { id: string; name: string; isNew: boolean; termsDays: number };
      matchStatus: RecordData<"ap.invoice">["match_status"];
      discrepancies: string[];
      flags: ApReviewFlag[];
      duplicate: DuplicateMatch | null;
      vendorAction: Proposal | null;
      billAction: Proposal;
      /** Null for a duplicate: nothing is scheduled or paid for it. */
      paymentAction: Proposal | null;
      releaseAction: Proposal | null;
    };

type PlanInput = {
  extraction: InvoiceExtraction;
  records: ApRecords;
  settings: ApInvoiceSettings;
  /** Ids generated once, inside the durable step that plans. */
  ids: { vendorId: string; invoiceId: string; paymentId: string };
  today: string;
};

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

export function vendorEmailIn(text: string): string | null {
  return EMAIL.exec(text)?.[0]?.toLowerCase() ?? null;
}

/**
 * Decides everything the AP template proposes for one invoice: vendor (known or new), PO match
 * and discrepancies, duplicates, the bill, its payment schedule per the vendor's terms and the
 * payment release. Pure: the function's durable steps load the records and propose the actions.
 */
export function planInvoice(input: PlanInput): InvoicePlan {
  const { extraction: x, records, settings, ids, today } = input;
  const f = x.fields;
  if (x.status !== "ok") return { outcome: "needs_review", reason: x.detail ?? "The invoice could not be read." };
  const missing = [
    f.vendor ? null : "vendor",
    f.invoice_number ? null : "invoice number",
    f.total === null ? "total" : null,
  ].filter((m): m is string => m !== null);
  if (!f.vendor || !f.invoice_number || f.total === null) {
    return { outcome: "needs_review", reason: `The invoice's ${missing.join(", ")} could not be read.` };
  }

  const known = findVendor(f.vendor, records.vendors);
  const currency = f.currency ?? known?.data.currency ?? "USD";
  const invoiceDate = f.invoice_date ?? today;
  const statedTerms = x.termsDays ?? (f.invoice_date && f.due_date ? daysBetween(f.invoice_date, f.due_date) : null);
  const termsDays = known ? known.data.terms_days : (statedTerms ?? settings.defaultTermsDays);
  const vendor = {
    id: known?.id ?? ids.vendorId,
    name: known?.data.name ?? f.vendor,
    isNew: !known,
    termsDays: Math.min(365, Math.max(0, termsDays)),
  };

  const invoice = {
    invoiceNumber: f.invoice_number,
    invoiceDate: f.invoice_date,
    total: f.total,
    currency,
    poNumber: f.po_number,
    lines: x.lines,
    subtotal: x.subtotal,
  };
  const match = matchPurchaseOrder(invoice, vendor, records.purchaseOrders, settings);
  const duplicate = known ? findDuplicate(invoice, known.id, records.invoices) : null;
  const flags = new Set<ApReviewFlag>(match.flags);
  const discrepancies = [...match.discrepancies];
  if (known?.data.status === "blocked") {
    flags.add("blocked_vendor");
    discrepancies.push(`${known.data.name} is blocked in the vendor list.`);
  }
  if (known && statedTerms !== null && x.termsDays !== null && x.termsDays !== known.data.terms_days) {
    discrepancies.push(`The invoice states net ${x.termsDays} days; the vendor's terms are ${known.data.terms_days}.`);
  }
  if (duplicate) {
    flags.add("duplicate");
    discrepancies.unshift(
      duplicate.kind === "same_number"
        ? `Duplicate: invoice ${duplicate.invoiceNumber} from ${vendor.name} is already recorded.`
        : `Possible duplicate of invoice ${duplicate.invoiceNumber}: same vendor, total and date.`,
    );
  }
  const matchStatus = duplicate ? "duplicate" : match.match_status;
  const amountText = formatMoney(f.total, currency);

  const vendorAction: Proposal | null = vendor.isNew
    ? {
        kind: "create_record",
        recordType: "ap.vendor",
        recordId: vendor.id,
        field: "*",
        newValue: {
          name: vendor.name,
          email: x.vendorEmail,
          terms_days: vendor.termsDays,
          currency,
          status: "new",
        } satisfies Partial<RecordData<"ap.vendor">>,
        reason: `${vendor.name} is not in the vendor list (invoice ${f.invoice_number}, ${amountText}); terms net ${vendor.termsDays} days.`,
        confidence: x.confidence,
        risk: "medium",
        accountFlags: ["new_vendor"],
        source: AP_SOURCE,
      }
    : null;

  const bill: RecordData<"ap.invoice"> = {
    vendor_id: vendor.id,
    vendor_name: vendor.name,
    invoice_number: f.invoice_number,
    invoice_date: f.invoice_date,
    due_date: f.due_date,
    currency,
    total: f.total,
    po_number: f.po_number,
    purchase_order_id: match.purchase_order_id,
    lines: x.lines,
    match_status: matchStatus,
    discrepancies: discrepancies.map((d) => d.slice(0, 500)),
    approver: null,
    // A duplicate is recorded as rejected: nothing is scheduled or paid for it.
    status: duplicate ? "rejected" : "approved",
  };
  const matchText =
    matchStatus === "matched"
      ? `matches purchase order ${f.po_number}`
      : matchStatus === "duplicate"
        ? "looks like a duplicate and will not be paid"
        : matchStatus === "mismatch"
          ? "does not match"
          : "has no purchase order";
  const billAction: Proposal = {
    kind: "create_record",
    recordType: "ap.invoice",
    recordId: ids.invoiceId,
    field: "*",
    newValue: bill,
    reason:
      `Invoice ${f.invoice_number} from ${vendor.name} for ${amountText} ${matchText}.${discrepancies.length ? ` ${discrepancies.join(" ")}` : ""}`.slice(
        0,
        2000,
      ),
    confidence: x.confidence,
    risk: duplicate?.kind === "same_number" ? "medium" : "low",
    amount: f.total,
    accountFlags: [...flags],
    source: AP_SOURCE,
  };

  if (duplicate) {
    return {
      outcome: "planned",
      vendor,
      matchStatus,
      discrepancies,
      flags: [...flags],
      duplicate,
      vendorAction,
      billAction,
      paymentAction: null,
      releaseAction: null,
    };
  }

  const dueByTerms = termsDueDate(invoiceDate, vendor.termsDays);
  const scheduledFor = paymentDate(invoiceDate, vendor.termsDays, today);
  const paymentAction: Proposal = {
    kind: "create_record",
    recordType: "ap.payment",
    recordId: ids.paymentId,
    field: "*",
    newValue: {
      invoice_id: ids.invoiceId,
      vendor_id: vendor.id,
      amount: f.total,
      currency,
      scheduled_for: scheduledFor,
      status: "scheduled",
    } satisfies RecordData<"ap.payment">,
    reason: `Pay ${amountText} to ${vendor.name} on ${scheduledFor}: invoice date ${invoiceDate} plus net ${vendor.termsDays} days${dueByTerms < today ? ` (due ${dueByTerms}: overdue, so at once)` : ""}.`,
    confidence: 1,
    source: AP_SOURCE,
  };
  const releaseAction: Proposal = {
    kind: "payment_release",
    recordType: "ap.payment",
    recordId: ids.paymentId,
    field: "status",
    newValue: "released",
    reason: `Release the payment of ${amountText} to ${vendor.name} for invoice ${f.invoice_number}, scheduled for ${scheduledFor}.`,
    confidence: 1,
    amount: f.total,
    source: AP_SOURCE,
  };
  return {
    outcome: "planned",
    vendor,
    matchStatus,
    discrepancies,
    flags: [...flags],
    duplicate: null,
    vendorAction,
    billAction,
    paymentAction,
    releaseAction,
  };
}
