import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { InvoiceFields } from "../tasks/task-registry";

const nlp = winkNLP(model);
const its = nlp.its;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const SYMBOLS: [RegExp, string][] = [
  [/€/, "EUR"],
  [/£/, "GBP"],
  [/\$/, "USD"],
  [/\b(USD|EUR|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK)\b/, ""],
];

/** Parses the date formats invoices use into ISO; day-first for dotted dates (European). */
export function parseDate(text: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dotted = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(text);
  if (dotted) return toIso(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const dayMonth = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (dayMonth) return toIso(Number(dayMonth[3]), monthIndex(dayMonth[2]), Number(dayMonth[1]));
  const monthDay = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (monthDay) return toIso(Number(monthDay[3]), monthIndex(monthDay[1]), Number(monthDay[2]));
  return null;
}

function monthIndex(name = ""): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function toIso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "1.234,50" (European) and "1,234.50" both become 1234.5: the last separator followed by two digits is the decimal. */
export function parseAmount(raw: string): number | null {
  const digits = /\d[\d.,' ]*\d|\d/.exec(raw)?.[0]?.replace(/[' ]/g, "");
  if (!digits) return null;
  const decimal = /[.,](\d{1,2})$/.exec(digits);
  const whole = (decimal ? digits.slice(0, -decimal[0].length) : digits).replace(/[.,]/g, "");
  const value = Number(decimal ? `${whole}.${decimal[1]}` : whole);
  return Number.isFinite(value) ? value : null;
}

export function parseCurrency(raw: string): string | null {
  for (const [re, code] of SYMBOLS) {
    const match = re.exec(raw);
    if (match) return code || (match[1] ?? null);
  }
  return null;
}

type Found<T> = { value: T; cue: boolean };

function labelled(lines: string[], label: RegExp): string | undefined {
  for (const line of lines) {
    const match = label.exec(line);
    if (match) return line.slice(match.index + match[0].length).trim();
  }
  return undefined;
}

export type Extraction = { fields: InvoiceFields; found: Record<keyof InvoiceFields, boolean>; evidence: string[] };

/**
 * Labelled-line rules first ("Invoice No.", "Due date:"...), wink-nlp entities (dates, money) as
 * the fallback when a document has no labels. `found` says which fields a labelled cue supported.
 */
export function extractInvoice(text: string): Extraction {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const evidence: string[] = [];

  const vendorLine = labelled(lines, /^(from|supplier|vendor|seller)\s*:\s*/i) ?? lines[0];
  const vendor: Found<string | null> = {
    value: vendorLine?.replace(/\s{2,}.*$/, "") ?? null,
    cue: Boolean(vendorLine),
  };

  const numberRaw = labelled(lines, /\b(invoice|inv\.?)\s*(number|no\.?|#|num\.?)\s*:?\s*/i);
  const invoiceNumber: Found<string | null> = {
    value: numberRaw ? (/^[A-Z0-9][A-Z0-9\-/]*/i.exec(numberRaw)?.[0] ?? null) : null,
    cue: Boolean(numberRaw),
  };

  const dateRaw = labelled(lines, /^(invoice date|date of issue|issued|date)\s*:\s*/i);
  const dueRaw = labelled(lines, /^(due date|payment due|due|pay by)\s*:\s*/i);
  const entityDates = nlp
    .readDoc(text)
    .entities()
    // eslint-disable-next-line @typescript-eslint/unbound-method -- wink's its.* are plain functions, not methods
    .out(its.detail) as unknown as { value: string; type: string }[];
  const dates = entityDates
    .filter((e) => e.type === "DATE")
    .map((e) => parseDate(e.value))
    .filter((d): d is string => Boolean(d));
  const invoiceDate: Found<string | null> = {
    value: dateRaw ? parseDate(dateRaw) : (dates[0] ?? null),
    cue: Boolean(dateRaw && parseDate(dateRaw)),
  };
  const dueDate: Found<string | null> = {
    value: dueRaw ? parseDate(dueRaw) : (dates[1] ?? null),
    cue: Boolean(dueRaw && parseDate(dueRaw)),
  };

  const totalRaw =
    labelled(lines, /^(total due|amount due|balance due|total amount payable|grand total|total)\s*:?\s*/i) ??
    entityDates.filter((e) => e.type === "MONEY").at(-1)?.value;
  const total: Found<number | null> = { value: totalRaw ? parseAmount(totalRaw) : null, cue: Boolean(totalRaw) };
  const currency: Found<string | null> = {
    value: totalRaw ? parseCurrency(totalRaw) : parseCurrency(text),
    cue: Boolean(totalRaw && parseCurrency(totalRaw)),
  };

  const poRaw = labelled(lines, /^(po number|purchase order( number| no\.?)?|your po|p\.o\.)\s*:?\s*/i);
  const poNumber: Found<string | null> = {
    value: poRaw ? (/^[A-Z0-9][A-Z0-9\-/]*/i.exec(poRaw)?.[0] ?? null) : (/\bPO-\d+\b/.exec(text)?.[0] ?? null),
    // No PO line at all is itself evidence that there is no PO.
    cue: true,
  };

  const all = {
    vendor,
    invoice_number: invoiceNumber,
    invoice_date: invoiceDate,
    due_date: dueDate,
    currency,
    total,
    po_number: poNumber,
  };
  for (const [name, f] of Object.entries(all)) if (f.cue) evidence.push(name);
  return {
    fields: Object.fromEntries(Object.entries(all).map(([k, f]) => [k, f.value])) as InvoiceFields,
    found: Object.fromEntries(
      Object.entries(all).map(([k, f]) => [k, (f.cue && f.value !== null) || k === "po_number"]),
    ) as Record<keyof InvoiceFields, boolean>,
    evidence,
  };
}
