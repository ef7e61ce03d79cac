import type { Faker } from "@faker-js/faker";
import type { SampleItem, SampleRecord } from "../template-types";
import { seededFaker, slugify } from "../seeded-faker";
import type { InvoiceLine } from "./invoice-lines";
import { termsDueDate } from "./match-invoice";
import type { ApInvoiceSettings } from "./settings";

const DAY_MS = 86_400_000;
const TERMS = [30, 14, 45, 30, 60];

/** Sample dates are relative to today (UTC), so a demo's payments fall due in the coming weeks. */
const today = () => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
const isoDay = (offsetDays: number) => new Date(today().getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);
const round2 = (n: number) => Math.round(n * 100) / 100;
const sum = (lines: InvoiceLine[]) => round2(lines.reduce((s, l) => s + l.quantity * l.unit_price, 0));

type Size = "small" | "medium" | "large";
/** Quantity and unit price ranges that put a PO in a tier: under 1,000, 1,000–5,000, over 5,000. */
const SIZES: Record<Size, { qty: [number, number]; price: [number, number] }> = {
  small: { qty: [1, 4], price: [20, 120] },
  medium: { qty: [10, 18], price: [110, 240] },
  large: { qty: [22, 40], price: [260, 420] },
};

function lines(faker: Faker, size: Size, count: number): InvoiceLine[] {
  const range = SIZES[size];
  return Array.from({ length: count }, () => ({
    description: faker.commerce.productName(),
    quantity: faker.number.int({ min: range.qty[0], max: range.qty[1] }),
    unit_price: faker.number.float({ min: range.price[0], max: range.price[1], fractionDigits: 2 }),
  }));
}

type SampleVendor = { key: string; name: string; email: string; terms: number };
type SamplePo = { key: string; number: string; vendor: SampleVendor; lines: InvoiceLine[]; total: number };

/** The same seed gives the same vendors, purchase orders and past invoices. */
function ledger(seed: number) {
  const faker = seededFaker(seed + 40);
  const vendors: SampleVendor[] = TERMS.map((terms, i) => {
    const name = `${faker.company.name()}${i % 2 ? " Ltd" : " LLC"}`;
    return { key: `vendor:${slugify(name)}`, name, email: `ap@${slugify(name)}.example`, terms };
  });
  const sizes: Size[] = ["small", "medium", "large", "medium", "small"];
  const pos: SamplePo[] = vendors.flatMap((vendor, i) =>
    [sizes[i]!, "medium" as Size].map((size, j) => {
      const poLines = lines(faker, size, size === "small" ? 2 : 3);
      const number = `PO-${faker.number.int({ min: 10_000, max: 99_999 })}`;
      return { key: `po:${number}:${i}${j}`, number, vendor, lines: poLines, total: sum(poLines) };
    }),
  );
  const invoiceNumber = () => `INV-${faker.number.int({ min: 1000, max: 9999 })}`;
  // The second PO of each vendor has been billed and paid already.
  const past = pos
    .filter((_, i) => i % 2 === 1)
    .map((po, i) => ({ po, number: invoiceNumber(), date: isoDay(-60 - i * 7) }));
  return { vendors, pos, past, invoiceNumber };
}

/** Vendors with terms, open and billed purchase orders, past invoices and their released payments. */
export function apInvoiceSampleData({ seed }: { seed: number; settings: ApInvoiceSettings }): SampleRecord[] {
  const { vendors, pos, past } = ledger(seed);
  const vendorRef = (v: SampleVendor) => ({ vendor_id: { type: "ap.vendor" as const, externalId: v.key } });
  return [
    ...vendors.map((v) => ({
      type: "ap.vendor" as const,
      externalId: v.key,
      data: { name: v.name, email: v.email, terms_days: v.terms, currency: "USD", status: "approved" },
    })),
    ...pos.map((po, i) => ({
      type: "ap.purchase_order" as const,
      externalId: po.key,
      data: {
        po_number: po.number,
        vendor_id: po.vendor.key,
        currency: "USD",
        total: po.total,
        lines: po.lines,
        status: i % 2 === 1 ? "billed" : "open",
      },
      refs: vendorRef(po.vendor),
    })),
    ...past.flatMap(({ po, number, date }) => {
      const invoiceKey = `invoice:${po.vendor.key}:${number}`;
      const due = termsDueDate(date, po.vendor.terms);
      return [
        {
          type: "ap.invoice" as const,
          externalId: invoiceKey,
          data: {
            vendor_name: po.vendor.name,
            invoice_number: number,
            invoice_date: date,
            due_date: due,
            currency: "USD",
            total: po.total,
            po_number: po.number,
            lines: po.lines,
            match_status: "matched",
            status: "paid",
          },
          refs: {
            ...vendorRef(po.vendor),
            purchase_order_id: { type: "ap.purchase_order" as const, externalId: po.key },
          },
        },
        {
          type: "ap.payment" as const,
          externalId: `payment:${invoiceKey}`,
          data: { invoice_id: invoiceKey, amount: po.total, currency: "USD", scheduled_for: due, status: "released" },
          refs: { ...vendorRef(po.vendor), invoice_id: { type: "ap.invoice" as const, externalId: invoiceKey } },
        },
      ];
    }),
  ];
}

const money = (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An invoice as a supplier's PDF reads once its text is extracted. */
export function invoiceText(input: {
  vendor: { name: string; email: string };
  number: string;
  date: string;
  termsDays: number;
  poNumber: string | null;
  lines: InvoiceLine[];
  total?: number;
}): string {
  const subtotal = sum(input.lines);
  return [
    `From: ${input.vendor.name}`,
    `Contact: ${input.vendor.email}`,
    "INVOICE",
    `Invoice number: ${input.number}`,
    `Invoice date: ${input.date}`,
    `Due date: ${termsDueDate(input.date, input.termsDays)}`,
    input.poNumber ? `PO number: ${input.poNumber}` : "",
    ...input.lines.map((l) => `${l.description} x ${l.quantity} @ ${money(l.unit_price)}`),
    `Subtotal: ${money(input.total ?? subtotal)}`,
    `Total due: $${money(input.total ?? subtotal)}`,
    `Payment terms: Net ${input.termsDays}`,
    "Payment by bank transfer.",
  ]
    .filter(Boolean)
    .join("\n");
}

/**
 * Invoices worth a first run, one per branch: a small bill matching its PO, a large one (two
 * approvers), a PO mismatch, a new vendor without a PO, and a duplicate of a paid invoice.
 */
export function apInvoiceSampleItems({ seed }: { seed: number; settings: ApInvoiceSettings }): SampleItem[] {
  const { pos, past, invoiceNumber } = ledger(seed);
  const faker = seededFaker(seed + 41);
  const date = isoDay(-2);
  const openPo = (i: number) => pos[i * 2]!;
  const item = (key: string, text: string): SampleItem => {
    const sourceId = `sample-invoice-${seed}-${key}`;
    return { kind: "invoice", sourceId, payload: { source_id: sourceId, text, filename: `${key}.pdf` } };
  };
  const fromPo = (po: SamplePo, total?: number) =>
    invoiceText({
      vendor: po.vendor,
      number: invoiceNumber(),
      date,
      termsDays: po.vendor.terms,
      poNumber: po.number,
      lines: po.lines,
      total,
    });
  const newcomer = `${faker.company.name()} GmbH`;
  const mismatch = openPo(1);
  const duplicate = past[0]!;
  return [
    item("matched", fromPo(openPo(0))),
    item("two-approvers", fromPo(openPo(2))),
    item("po-mismatch", fromPo(mismatch, round2(mismatch.total * 1.15))),
    item(
      "new-vendor",
      invoiceText({
        vendor: { name: newcomer, email: `billing@${slugify(newcomer)}.example` },
        number: invoiceNumber(),
        date,
        termsDays: 21,
        poNumber: null,
        lines: lines(faker, "small", 2),
      }),
    ),
    item(
      "duplicate",
      invoiceText({
        vendor: duplicate.po.vendor,
        number: duplicate.number,
        date: duplicate.date,
        termsDays: duplicate.po.vendor.terms,
        poNumber: duplicate.po.number,
        lines: duplicate.po.lines,
      }),
    ),
  ];
}
