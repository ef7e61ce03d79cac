import { dot, embedTexts, normalise } from "./embedder";

/** Extractive: the sentences closest to the whole text's meaning, in their original order. */
export async function summariseText(text: string, maxSentences = 2): Promise<{ summary: string; coverage: number }> {
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 3);
  if (sentences.length <= maxSentences) return { summary: sentences.join(" "), coverage: 1 };
  const vectors = await embedTexts(sentences);
  const centre = normalise(
    vectors.reduce((acc, v) => acc.map((x, i) => x + (v[i] ?? 0)), new Array<number>(vectors[0]?.length ?? 0).fill(0)),
  );
  const ranked = vectors
    .map((v, i) => ({ i, s: dot(v, centre) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, maxSentences);
  const chosen = ranked.map((r) => r.i).sort((a, b) => a - b);
  return {
    summary: chosen.map((i) => sentences[i]).join(" "),
    coverage: ranked.reduce((a, r) => a + r.s, 0) / ranked.length,
  };
}
