import type { RecordData } from "@/server/records/record-types";
import { linesTotal, type InvoiceLine } from "./invoice-lines";
import type { ApReviewFlag } from "./policy";
import type { ApInvoiceSettings } from "./settings";

export type Row<T> = { id: string; data: T };
export type VendorRow = Row<RecordData<"ap.vendor">>;
export type PurchaseOrderRow = Row<RecordData<"ap.purchase_order">>;
export type InvoiceRow = Row<RecordData<"ap.invoice">>;

const LEGAL_SUFFIXES =
  /\b(ltd|limited|llc|inc|incorporated|corp|corporation|co|company|gmbh|ag|sa|sarl|sas|bv|nv|plc|pty|oy|ab|as)\b/g;

/** "Acme Supplies Ltd." and "ACME Supplies" name the same vendor; "Acme Logistics" does not. */
export function normaliseVendorName(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(LEGAL_SUFFIXES, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function findVendor(name: string, vendors: readonly VendorRow[]): VendorRow | null {
  const key = normaliseVendorName(name);
  if (!key) return null;
  const matches = vendors.filter((v) => normaliseVendorName(v.data.name) === key);
  // Deterministic when the vendor list itself has duplicates: the oldest id wins.
  return matches.sort((a, b) => a.id.localeCompare(b.id))[0] ?? null;
}

const normaliseNumber = (n: string) => n.replace(/[\s\-/.]/g, "").toUpperCase();

const money = (n: number, currency: string) =>
  `${currency} ${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export type MatchInput = {
  invoiceNumber: string;
  invoiceDate: string | null;
  total: number;
  currency: string;
  poNumber: string | null;
  lines: readonly InvoiceLine[];
  subtotal: number | null;
};

export type PoMatch = {
  match_status: "matched" | "mismatch" | "unmatched";
  purchase_order_id: string | null;
  discrepancies: string[];
  flags: ApReviewFlag[];
};

export function amountTolerance(reference: number, settings: ApInvoiceSettings): number {
  return Math.max(settings.amountToleranceAbsolute, (reference * settings.amountTolerancePercent) / 100);
}

/**
 * Matches an invoice with its purchase order: the PO number must exist, belong to the invoice's
 * vendor, be open, be in the same currency, and its total must be within the tolerance.
 */
export function matchPurchaseOrder(
  invoice: MatchInput,
  vendor: { id: string | null; name: string },
  orders: readonly PurchaseOrderRow[],
  settings: ApInvoiceSettings,
): PoMatch {
  const discrepancies: string[] = [];
  const flags = new Set<ApReviewFlag>();
  if (invoice.lines.length > 0 && invoice.subtotal !== null) {
    const sum = linesTotal(invoice.lines);
    if (Math.abs(sum - invoice.subtotal) > amountTolerance(invoice.subtotal, settings)) {
      discrepancies.push(
        `The line items add up to ${money(sum, invoice.currency)}, the subtotal says ${money(invoice.subtotal, invoice.currency)}.`,
      );
      flags.add("po_mismatch");
    }
  }
  if (!invoice.poNumber) {
    if (settings.requirePo) {
      discrepancies.push("The invoice carries no purchase order number.");
      flags.add("no_po");
    }
    return {
      match_status: flags.size ? "mismatch" : "unmatched",
      purchase_order_id: null,
      discrepancies,
      flags: [...flags],
    };
  }
  const wanted = normaliseNumber(invoice.poNumber);
  const order = orders
    .filter((o) => normaliseNumber(o.data.po_number) === wanted)
    .sort((a, b) => a.id.localeCompare(b.id))[0];
  if (!order) {
    discrepancies.push(`Purchase order ${invoice.poNumber} was not found.`);
    return { match_status: "mismatch", purchase_order_id: null, discrepancies, flags: [...flags, "po_mismatch"] };
  }
  if (order.data.vendor_id !== vendor.id) {
    discrepancies.push(`Purchase order ${order.data.po_number} belongs to another vendor, not ${vendor.name}.`);
  }
  if (order.data.status === "billed" || order.data.status === "closed") {
    discrepancies.push(`Purchase order ${order.data.po_number} is already ${order.data.status}.`);
  }
  if (order.data.currency !== invoice.currency) {
    discrepancies.push(`The invoice is in ${invoice.currency}, the purchase order in ${order.data.currency}.`);
  }
  const tolerance = amountTolerance(order.data.total, settings);
  const difference = Math.round((invoice.total - order.data.total) * 100) / 100;
  if (Math.abs(difference) > tolerance) {
    discrepancies.push(
      `The total ${money(invoice.total, invoice.currency)} differs from the PO total ${money(order.data.total, order.data.currency)} by ${money(Math.abs(difference), invoice.currency)} (tolerance ${money(tolerance, order.data.currency)}).`,
    );
  }
  const mismatch = discrepancies.length > 0;
  if (mismatch) flags.add("po_mismatch");
  return {
    match_status: mismatch ? "mismatch" : "matched",
    purchase_order_id: order.id,
    discrepancies,
    flags: [...flags],
  };
}

export type DuplicateMatch = { kind: "same_number" | "same_total_and_date"; id: string; invoiceNumber: string };

/** The same vendor with the same invoice number, or the same total on the same date. */
export function findDuplicate(
  invoice: MatchInput,
  vendorId: string | null,
  existing: readonly InvoiceRow[],
): DuplicateMatch | null {
  if (!vendorId) return null;
  const mine = existing.filter((i) => i.data.vendor_id === vendorId).sort((a, b) => a.id.localeCompare(b.id));
  const wanted = normaliseNumber(invoice.invoiceNumber);
  const sameNumber = mine.find((i) => normaliseNumber(i.data.invoice_number) === wanted);
  if (sameNumber) return { kind: "same_number", id: sameNumber.id, invoiceNumber: sameNumber.data.invoice_number };
  const sameTotal = mine.find(
    (i) =>
      invoice.invoiceDate !== null &&
      i.data.invoice_date === invoice.invoiceDate &&
      Math.abs(i.data.total - invoice.total) < 0.005,
  );
  return sameTotal
    ? { kind: "same_total_and_date", id: sameTotal.id, invoiceNumber: sameTotal.data.invoice_number }
    : null;
}

const DAY_MS = 86_400_000;

/** The invoice date plus the vendor's net days. */
export function termsDueDate(invoiceDate: string, termsDays: number): string {
  return new Date(Date.parse(`${invoiceDate}T00:00:00Z`) + termsDays * DAY_MS).toISOString().slice(0, 10);
}

/** When to pay: the terms' due date, never before today (an overdue bill is paid at once). */
export function paymentDate(invoiceDate: string, termsDays: number, today: string): string {
  const due = termsDueDate(invoiceDate, termsDays);
  return due < today ? today : due;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export { money as formatMoney };
