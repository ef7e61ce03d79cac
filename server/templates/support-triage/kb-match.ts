import type { CrmRow } from "../lead-routing/identity";

const STOPWORDS = new Set(
  "a an and are as at be but by can could do does for from get has have hi hello how i if in is it its me my no not of on or our please so that the their them there this to up was we what when where which who why will with you your thanks thank".split(
    " ",
  ),
);

export function tokens(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((t) => t.length > 2 && !STOPWORDS.has(t))
      .map((t) => (t.length > 4 ? t.replace(/(ing|ed|es|s)$/, "") : t)),
  );
}

export type KbMatch = { answerId: string; question: string; answer: string; score: number; reason: string };

const str = (v: unknown) => (typeof v === "string" ? v : "");
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * The knowledge-base answer a ticket asks for, if any: the share of the answer's keywords and
 * question words the ticket uses, plus a bonus when the categories agree. Deterministic, so a
 * reviewer can see why an answer matched.
 */
export function matchKnowledgeBase(input: { text: string; category: string; answers: CrmRow[] }): KbMatch | null {
  const words = tokens(input.text);
  let best: KbMatch | null = null;
  for (const row of input.answers) {
    const keywords = [...new Set(strs(row.data.keywords).flatMap((k) => [...tokens(k)]))];
    const question = [...tokens(str(row.data.question))];
    if (keywords.length === 0 && question.length === 0) continue;
    const keywordHits = keywords.filter((k) => words.has(k)).length;
    const questionHits = question.filter((q) => words.has(q)).length;
    const keywordShare = keywords.length ? keywordHits / keywords.length : 0;
    const questionShare = question.length ? questionHits / question.length : 0;
    const sameCategory = str(row.data.category) === input.category;
    const score = Math.min(0.99, 0.45 * keywordShare + 0.35 * questionShare + (sameCategory ? 0.2 : 0));
    if (!best || score > best.score) {
      best = {
        answerId: row.id,
        question: str(row.data.question),
        answer: str(row.data.answer),
        score: Math.round(score * 100) / 100,
        reason: `Matches "${str(row.data.question)}": ${keywordHits}/${keywords.length} keywords, ${questionHits}/${question.length} question words${sameCategory ? ", same category" : ""}.`,
      };
    }
  }
  return best && best.score > 0 ? best : null;
}
