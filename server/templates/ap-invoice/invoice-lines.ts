import { parseAmount } from "@/server/ai/embedded/invoice-extractor";

/** One billed line as the ap.invoice record stores it. */
export type InvoiceLine = { description: string; quantity: number; unit_price: number };

export type LinesAndTerms = {
  lines: InvoiceLine[];
  /** The stated subtotal (before tax), if the invoice has one. */
  subtotal: number | null;
  /** Net days stated on the invoice ("Net 30", "Payment terms: 45 days"), if any. */
  termsDays: number | null;
};

const MONEY = String.raw`[$€£]?\s?\d[\d.,']*(?:\s?(?:USD|EUR|GBP|CHF))?`;
const SUMMARY_LINE = /^(sub-?total|total|tax|vat|gst|amount due|balance due|grand total|shipping)\b/i;

const round2 = (n: number) => Math.round(n * 100) / 100;

function quantity(raw: string): number | null {
  const value = Number(raw.replace(",", "."));
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** "Office chairs x 12 @ 150.00", "12 x Office chairs @ $150.00", or a table row "Chairs   12   150.00   1,800.00". */
const LINE_PATTERNS: ((line: string) => InvoiceLine | null)[] = [
  (line) => {
    const m = new RegExp(String.raw`^(.+?)\s+(?:x|×)\s*(\d+(?:[.,]\d+)?)\s*(?:@|at)\s*(${MONEY})`, "i").exec(line);
    return m ? build(m[1]!, m[2]!, m[3]!) : null;
  },
  (line) => {
    const m = new RegExp(String.raw`^(\d+(?:[.,]\d+)?)\s*(?:x|×)\s+(.+?)\s+(?:@|at)\s+(${MONEY})`, "i").exec(line);
    return m ? build(m[2]!, m[1]!, m[3]!) : null;
  },
  (line) => {
    const m = new RegExp(
      String.raw`^([A-Za-z].*?)(?:\s{2,}|\t)\s*(\d+(?:[.,]\d+)?)\s+(${MONEY})\s+(${MONEY})\s*$`,
    ).exec(line);
    if (!m) return null;
    const built = build(m[1]!, m[2]!, m[3]!);
    const amount = parseAmount(m[4]!);
    // A table row must add up, or it is not a line item (a date, a phone number...).
    return built && amount !== null && Math.abs(built.quantity * built.unit_price - amount) <= 0.01 * amount + 0.01
      ? built
      : null;
  },
];

function build(description: string, qty: string, price: string): InvoiceLine | null {
  const q = quantity(qty);
  const unit = parseAmount(price);
  const text = description.replace(/[:\-–]+$/, "").trim();
  if (q === null || unit === null || !text || SUMMARY_LINE.test(text)) return null;
  return { description: text.slice(0, 500), quantity: q, unit_price: round2(unit) };
}

function termsDays(text: string): number | null {
  const net = /\bnet\s*(\d{1,3})\b/i.exec(text);
  if (net) return Number(net[1]);
  const stated = /\b(?:payment\s+)?terms?\s*:?\s*(\d{1,3})\s*days?\b/i.exec(text);
  if (stated) return Number(stated[1]);
  const within = /\bpayable\s+within\s+(\d{1,3})\s*days?\b/i.exec(text);
  if (within) return Number(within[1]);
  if (/\bdue on receipt\b/i.test(text)) return 0;
  return null;
}

/**
 * Reads line items, the subtotal and the payment terms from an invoice's text with plain rules
 * (the invoice.extract task reads the header fields). Deterministic, so a re-run reads the same.
 */
export function readLinesAndTerms(text: string): LinesAndTerms {
  const rows = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const lines: InvoiceLine[] = [];
  for (const row of rows) {
    if (SUMMARY_LINE.test(row)) continue;
    for (const pattern of LINE_PATTERNS) {
      const line = pattern(row);
      if (line) {
        lines.push(line);
        break;
      }
    }
  }
  const subtotalRow = rows.find((r) => /^sub-?total\b/i.test(r));
  const subtotal = subtotalRow ? parseAmount(subtotalRow.replace(/^sub-?total\s*:?/i, "")) : null;
  const days = termsDays(text);
  return { lines: lines.slice(0, 500), subtotal, termsDays: days !== null && days <= 365 ? days : null };
}

export function linesTotal(lines: readonly InvoiceLine[]): number {
  return round2(lines.reduce((sum, l) => sum + l.quantity * l.unit_price, 0));
}
