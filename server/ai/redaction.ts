/**
 * Reversible PII redaction before text leaves for an external provider. Each value becomes a
 * placeholder such as [EMAIL_1]; `restore` puts the originals back into whatever the model returned.
 */
export type RedactionMap = Record<string, string>;

const RULES: { kind: string; re: RegExp }[] = [
  { kind: "EMAIL", re: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g },
  { kind: "IBAN", re: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g },
  { kind: "CARD", re: /\b(?:\d[ -]?){12,18}\d\b/g },
  { kind: "NATIONAL_ID", re: /\b\d{3}-\d{2}-\d{4}\b|\b[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g },
  { kind: "PHONE", re: /(?<![\w-])\+?\d{1,3}?[ .-]?\(?\d{2,4}\)?[ .-]?\d{3,4}[ .-]?\d{3,4}\b/g },
  { kind: "ACCOUNT", re: /\b(?:account|acct|sort code)(?: number| no\.?)?:?\s*\d[\d -]{5,}\d\b/gi },
  // Named persons where detectable: after a title, a greeting or a sign-off.
  {
    kind: "PERSON",
    re: /(?<=\b(?:Mr|Mrs|Ms|Dr|Prof)\.? |\b(?:my name is|I am|I'm|Regards,|Thanks,|Best,|Sincerely,|Cheers,|Dear|Hi|Hello) )[A-Z][a-z]+(?: [A-Z][a-z]+)?/g,
  },
];

export function redact(text: string, map: RedactionMap = {}): { text: string; map: RedactionMap } {
  const counters: Record<string, number> = {};
  for (const key of Object.keys(map)) {
    const [, kind, n] = /^\[([A-Z_]+)_(\d+)\]$/.exec(key) ?? [];
    if (kind) counters[kind] = Math.max(counters[kind] ?? 0, Number(n));
  }
  const byValue = new Map(Object.entries(map).map(([k, v]) => [v, k]));
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.re, (match) => {
      if (/^\[[A-Z_]+_\d+\]$/.test(match)) return match;
      const existing = byValue.get(match);
      if (existing) return existing;
      counters[rule.kind] = (counters[rule.kind] ?? 0) + 1;
      const token = `[${rule.kind}_${counters[rule.kind]}]`;
      map[token] = match;
      byValue.set(match, token);
      return token;
    });
  }
  return { text: out, map };
}

/** Replaces placeholders in every string inside `value` (deeply). */
export function restore<T>(value: T, map: RedactionMap): T {
  if (typeof value === "string") {
    return value.replace(/\[[A-Z_]+_\d+\]/g, (token) => map[token] ?? token) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => restore(v, map)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restore(v, map)])) as T;
  }
  return value;
}
