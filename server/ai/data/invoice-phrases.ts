/** Invoice texts in varied layouts, date and number formats, for the invoice.extract example sets. */
type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const VENDORS = [
  "Acme Supplies Ltd",
  "Nordlicht GmbH",
  "Blue Harbor Consulting LLC",
  "Papeterie Dubois SARL",
  "Kestrel Cloud Inc.",
  "Greenfield Office Furniture",
  "Matterhorn Logistics AG",
  "Ridgeway Print & Design",
  "Sunrise Catering Co.",
  "Orbit Telecom Ltd",
];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const SYMBOL: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", CHF: "CHF " };

const pad = (n: number) => String(n).padStart(2, "0");

function formatDate(r: Rand, y: number, m: number, d: number): string {
  switch (Math.floor(r() * 5)) {
    case 0:
      return `${y}-${pad(m)}-${pad(d)}`;
    case 1:
      return `${d} ${MONTHS[m - 1]} ${y}`;
    case 2:
      return `${MONTHS[m - 1]} ${d}, ${y}`;
    case 3:
      return `${pad(d)}.${pad(m)}.${y}`;
    default:
      return `${d} ${(MONTHS[m - 1] ?? "").slice(0, 3)} ${y}`;
  }
}

function formatAmount(r: Rand, total: number, currency: string): string {
  const [int, dec] = total.toFixed(2).split(".") as [string, string];
  const euStyle = currency !== "USD" && currency !== "GBP" && r() < 0.5;
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, euStyle ? "." : ",");
  const number = `${grouped}${euStyle ? "," : "."}${dec}`;
  return r() < 0.5 ? `${SYMBOL[currency] ?? ""}${number}` : `${number} ${currency}`;
}

export function invoiceItem(r: Rand) {
  const vendor = pick(r, VENDORS);
  const currency = pick(r, ["USD", "EUR", "GBP", "CHF"]);
  const y = 2025 + Math.floor(r() * 2);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const issued = new Date(Date.UTC(y, m - 1, d));
  const due = new Date(issued.getTime() + pick(r, [14, 30, 45, 60]) * 86_400_000);
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  const invoiceNumber = pick(r, [
    `INV-${y}-${String(Math.floor(r() * 9000) + 100).padStart(4, "0")}`,
    `${Math.floor(r() * 90000) + 10000}`,
    `A-${Math.floor(r() * 9000) + 1000}`,
    `NL${y % 100}/${Math.floor(r() * 900) + 100}`,
  ]);
  const poNumber =
    r() < 0.6 ? pick(r, [`PO-${Math.floor(r() * 90000) + 10000}`, `45000${Math.floor(r() * 90000) + 10000}`]) : null;
  const total = Math.round((50 + r() * 24950) * 100) / 100;
  const subtotal = Math.round((total / 1.2) * 100) / 100;
  const issuedText = formatDate(r, y, m, d);
  const dueText = formatDate(r, due.getUTCFullYear(), due.getUTCMonth() + 1, due.getUTCDate());
  const numberLabel = pick(r, ["Invoice number:", "Invoice No.", "Invoice #", "Inv. no:"]);
  const poLabel = pick(r, ["PO number:", "Purchase order:", "Your PO:", "P.O."]);
  const totalLabel = pick(r, ["Total due:", "Amount due:", "TOTAL", "Balance due:", "Total amount payable:"]);
  const contact = `billing@${vendor
    .toLowerCase()
    .replace(/[^a-z]/g, "")
    .slice(0, 10)}.example`;
  const lines = [
    pick(r, [vendor, `From: ${vendor}`, `Supplier: ${vendor}`]),
    `Contact: ${contact}`,
    pick(r, ["INVOICE", "Tax invoice", "Invoice"]),
    `${numberLabel} ${invoiceNumber}`,
    `${pick(r, ["Invoice date:", "Date:", "Issued:", "Date of issue:"])} ${issuedText}`,
    `${pick(r, ["Due date:", "Payment due:", "Due:", "Pay by:"])} ${dueText}`,
    poNumber ? `${poLabel} ${poNumber}` : "",
    `${pick(r, ["Consulting services", "Office chairs x 12", "Cloud hosting (monthly)", "Printing of brochures", "Catering for event"])}`,
    `Subtotal: ${formatAmount(r, subtotal, currency)}`,
    `${totalLabel} ${formatAmount(r, total, currency)}`,
    pick(r, ["Thank you for your business.", "Payment by bank transfer.", "Late payments incur 2% interest.", ""]),
  ].filter(Boolean);
  return {
    text: lines.join("\n"),
    fields: {
      vendor,
      invoice_number: invoiceNumber,
      invoice_date: iso(issued),
      due_date: iso(due),
      currency,
      total,
      po_number: poNumber,
    },
  };
}
