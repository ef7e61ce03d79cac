/** Urgency from what the lead wrote and how it came in: a transparent points table (0–100). */
const SIGNALS: { re: RegExp; points: number; reason: string }[] = [
  { re: /\b(asap|urgent(ly)?|immediately|right away|today|tomorrow)\b/i, points: 45, reason: "asks for speed" },
  {
    re: /\b(this (week|month|quarter)|next week|by (monday|tuesday|wednesday|thursday|friday|end of))\b/i,
    points: 30,
    reason: "near deadline",
  },
  { re: /\b(demo|pricing|quote|proposal|trial|contract|purchase|buy)\b/i, points: 25, reason: "buying step" },
  { re: /\b(replac\w+|switch\w*|migrat\w+|renewal)\b/i, points: 15, reason: "replacing a tool" },
];

export function scoreUrgency(message: string | null, source: string): { score: number; reasons: string[] } {
  let score = 10;
  const reasons: string[] = [];
  for (const s of SIGNALS) {
    if (message && s.re.test(message)) {
      score += s.points;
      reasons.push(s.reason);
    }
  }
  if (source === "event" || source === "referral") {
    score += 10;
    reasons.push(`${source} leads convert sooner`);
  }
  return { score: Math.min(100, score), reasons };
}

/** Urgent leads get their follow-up the next day. */
export const URGENT_LEAD_SCORE = 60;
