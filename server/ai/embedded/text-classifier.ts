import naiveBayes from "wink-naive-bayes-text-classifier";
import nlpUtils from "wink-nlp-utils";
import { dot, embedTexts, normalise } from "./embedder";

export type LabelledText = { text: string; label: string };
export type Scores = Record<string, number>;

/** Centroid similarities are sharp (cosine 0.2–0.6): a low temperature turns them into usable odds. */
const TEMPERATURE = 0.04;
/** An organisation's own example this similar to the input pulls the answer to its label. */
const EXEMPLAR_MIN_SIMILARITY = 0.7;

function prepare(text: string): string[] {
  const tokens = nlpUtils.tokens.stem(
    nlpUtils.tokens.removeWords(nlpUtils.string.tokenize0(nlpUtils.string.lowerCase(text))),
  );
  return [...tokens, ...nlpUtils.tokens.bigrams(tokens).map((pair) => pair.join("_"))];
}

function softmax(values: Record<string, number>): Scores {
  const max = Math.max(...Object.values(values));
  const exps = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.exp(v - max)]));
  const total = Object.values(exps).reduce((a, b) => a + b, 0) || 1;
  return Object.fromEntries(Object.entries(exps).map(([k, v]) => [k, v / total]));
}

/**
 * Nearest-centroid over sentence embeddings, blended with a naive Bayes bag-of-words model. Labels
 * without examples get a zero-shot centroid from the label's own words.
 */
export class TextClassifier {
  private constructor(
    readonly labels: readonly string[],
    private readonly centroids: Map<string, number[]>,
    private readonly bayes: ReturnType<typeof naiveBayes> | null,
  ) {}

  static async train(labels: readonly string[], examples: readonly LabelledText[]): Promise<TextClassifier> {
    const vectors = await embedTexts(examples.map((e) => e.text));
    const zeroShot = await embedTexts(labels.map((label) => label.replaceAll("_", " ")));
    const centroids = new Map<string, number[]>();
    labels.forEach((label, li) => {
      const members = vectors.filter((_, i) => examples[i]?.label === label);
      if (members.length === 0) return void centroids.set(label, zeroShot[li] ?? []);
      const sum = new Array<number>(members[0]?.length ?? 0).fill(0);
      for (const v of members) v.forEach((x, i) => (sum[i] = (sum[i] ?? 0) + x));
      centroids.set(label, normalise(sum));
    });
    let bayes: ReturnType<typeof naiveBayes> | null = null;
    if (new Set(examples.map((e) => e.label)).size >= 2) {
      bayes = naiveBayes();
      bayes.definePrepTasks([(input) => prepare(String(input))]);
      bayes.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
      for (const example of examples) bayes.learn(example.text, example.label);
      bayes.consolidate();
    }
    return new TextClassifier(labels, centroids, bayes);
  }

  /** Probabilities per label, plus which organisation example (if any) decided it. */
  async scores(
    text: string,
    exemplars: readonly LabelledText[] = [],
  ): Promise<{ scores: Scores; exemplar?: LabelledText & { similarity: number } }> {
    const [vector = []] = await embedTexts([text]);
    const sims = Object.fromEntries(
      this.labels.map((label) => [label, dot(vector, this.centroids.get(label) ?? []) / TEMPERATURE]),
    );
    const centroid = softmax(sims);
    let blended = centroid;
    if (this.bayes) {
      const odds = Object.fromEntries(this.bayes.computeOdds(text));
      const hasOdds = Object.values(odds).some((x) => x !== 0);
      if (hasOdds) {
        const bayes = softmax(Object.fromEntries(this.labels.map((label) => [label, odds[label] ?? -20])));
        blended = Object.fromEntries(this.labels.map((l) => [l, 0.5 * (centroid[l] ?? 0) + 0.5 * (bayes[l] ?? 0)]));
      }
    }
    const best = await nearestExemplar(vector, exemplars);
    if (best && best.similarity >= EXEMPLAR_MIN_SIMILARITY && this.labels.includes(best.label)) {
      // A reviewer's correction on near-identical text outweighs the shipped examples.
      const weight = 1 + (best.similarity - EXEMPLAR_MIN_SIMILARITY) * 20;
      blended = { ...blended, [best.label]: (blended[best.label] ?? 0) + weight };
      const total = Object.values(blended).reduce((a, b) => a + b, 0);
      blended = Object.fromEntries(Object.entries(blended).map(([k, v]) => [k, v / total]));
      return { scores: blended, exemplar: best };
    }
    return { scores: blended };
  }
}

async function nearestExemplar(vector: number[], exemplars: readonly LabelledText[]) {
  if (exemplars.length === 0) return undefined;
  const vectors = await embedTexts(exemplars.map((e) => e.text));
  let best: (LabelledText & { similarity: number }) | undefined;
  vectors.forEach((v, i) => {
    const similarity = dot(vector, v);
    const example = exemplars[i];
    if (example && (!best || similarity > best.similarity)) best = { ...example, similarity };
  });
  return best;
}

export function topLabel(scores: Scores): { label: string; p: number; margin: number } {
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  return { label: first?.[0] ?? "", p: first?.[1] ?? 0, margin: (first?.[1] ?? 0) - (second?.[1] ?? 0) };
}
