/** A refund or credit a ticket asks for, with the amount it names (the largest, if several). */
export type RefundRequest = { amount: number; currency: string | null; kind: "refund" | "credit"; evidence: string };

const ASK = /\b(refund(ed)?|reimburs\w*|money back|credit(ed)?|charge ?back|compensat\w*)\b/i;
const AMOUNT =
  /(?:(USD|EUR|GBP|\$|€|£)\s?(\d{1,3}(?:[,\s]\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?))|(?:(\d{1,3}(?:[,\s]\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)\s?(USD|EUR|GBP|dollars|euros|pounds))/gi;

const CURRENCY: Record<string, string> = {
  $: "USD",
  usd: "USD",
  dollars: "USD",
  "€": "EUR",
  eur: "EUR",
  euros: "EUR",
  "£": "GBP",
  gbp: "GBP",
  pounds: "GBP",
};

export function detectRefund(text: string, category: string): RefundRequest | null {
  const ask = ASK.exec(text);
  if (!ask && category !== "refund") return null;
  let best: RefundRequest | null = null;
  for (const m of text.matchAll(AMOUNT)) {
    const symbol = (m[1] ?? m[4] ?? "").toLowerCase();
    const amount = Number((m[2] ?? m[3] ?? "").replace(/[,\s]/g, ""));
    if (!Number.isFinite(amount) || amount <= 0) continue;
    if (!best || amount > best.amount) {
      best = {
        amount,
        currency: CURRENCY[symbol] ?? null,
        kind: /credit/i.test(ask?.[0] ?? "") ? "credit" : "refund",
        evidence: m[0],
      };
    }
  }
  return best;
}
