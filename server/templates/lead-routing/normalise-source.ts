/** The sources a lead is counted under, whatever the sender called it. */
export const LEAD_SOURCES = ["web_form", "api", "event", "referral", "paid", "organic", "email", "other"] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

const PATTERNS: [LeadSource, RegExp][] = [
  ["event", /\b(event|webinar|conference|trade ?show|meetup|expo|booth)\b/i],
  ["referral", /\b(referr\w*|partner|word of mouth|introduc\w*)\b/i],
  ["paid", /\b(ads?|adwords|ppc|paid|sponsored|campaign|cpc)\b/i],
  ["organic", /\b(organic|seo|search|blog|google)\b/i],
  ["web_form", /\b(form|website|web|landing|contact[ _-]?us|site)\b/i],
  ["api", /\b(api|integration|zapier|webhook|import)\b/i],
  ["email", /\b(e-?mail|inbox|newsletter)\b/i],
];

/** The intake channel decides when the sender named no source. */
const BY_CHANNEL: Record<string, LeadSource> = { form: "web_form", api: "api", webhook: "api", email: "email" };

export type NormalisedSource = { source: LeadSource; raw: string | null; confidence: number; rule: string };

export function normaliseSource(raw: string | null | undefined, channel: string): NormalisedSource {
  const text = raw?.trim() || null;
  if (text) {
    const exact = LEAD_SOURCES.find((s) => s === text.toLowerCase().replace(/[\s-]+/g, "_"));
    if (exact) return { source: exact, raw: text, confidence: 0.99, rule: "named source" };
    const match = PATTERNS.find(([, re]) => re.test(text));
    if (match) return { source: match[0], raw: text, confidence: 0.9, rule: `"${text}" reads as ${match[0]}` };
  }
  const fromChannel = BY_CHANNEL[channel];
  if (fromChannel) return { source: fromChannel, raw: text, confidence: 0.8, rule: `arrived through ${channel}` };
  return { source: "other", raw: text, confidence: 0.5, rule: "no recognisable source" };
}
