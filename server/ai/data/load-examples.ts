import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** The example sets live beside this file; resolved from the project root so bundlers need not copy them. */
export const DATA_DIR = path.resolve(process.cwd(), "server/ai/data");

export const ZClassifyExample = z.object({
  text: z.string(),
  label: z.string(),
  context: z.record(z.string(), z.unknown()).optional(),
});
export const ZExtractExample = z.object({ text: z.string(), fields: z.record(z.string(), z.unknown()) });
export type ClassifyExample = z.infer<typeof ZClassifyExample>;
export type ExtractExample = z.infer<typeof ZExtractExample>;

export function readJsonl(file: string): unknown[] {
  return readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
}

export function shippedExamples(dataFile: string, split: "train" | "eval"): unknown[] {
  return readJsonl(path.join(DATA_DIR, `${dataFile}.${split}.jsonl`));
}
