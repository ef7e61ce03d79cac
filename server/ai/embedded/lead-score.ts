/** A transparent points rubric (budget, authority, need, timeline) for the `score` task. */
const SIGNALS: { re: RegExp; points: number; reason: string }[] = [
  { re: /\b(budget|approved spend|\$\s?\d{2,}k?|€\s?\d{2,})\b/i, points: 25, reason: "mentions budget" },
  { re: /\b(ceo|cto|cfo|head of|director|vp|founder|owner|decision maker)\b/i, points: 20, reason: "decision maker" },
  { re: /\b(need|looking for|replace|evaluate|pilot|trial|demo)\b/i, points: 20, reason: "stated need" },
  { re: /\b(this (week|month|quarter)|asap|urgent|by (monday|friday|end of))\b/i, points: 20, reason: "near timeline" },
  { re: /\b(\d{2,}\s*(employees|staff|seats|users|people))\b/i, points: 15, reason: "team size" },
];
const NEGATIVE = {
  re: /\b(student|just curious|no budget|unsubscribe|spam|job application)\b/i,
  points: -40,
  reason: "not a buyer",
};

export function scoreLead(text: string): { score: number; reasons: string[]; signals: number } {
  let score = 0;
  const reasons: string[] = [];
  for (const s of [...SIGNALS, NEGATIVE]) {
    if (s.re.test(text)) {
      score += s.points;
      reasons.push(s.reason);
    }
  }
  return { score: Math.max(0, Math.min(100, score)), reasons, signals: reasons.length };
}
