/**
 * Writes the labelled example sets that ship with the support-triage and invoice templates.
 * Deterministic (seeded), so re-running reproduces the committed files byte for byte:
 *   npx tsx server/ai/data/generate-data.ts
 * Each task has a `train` set (what the embedded model learns from) and an `eval` set (held out).
 * A quarter of the phrasings appear only in `eval`, so the figures measure generalisation.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { CATEGORY_PHRASES, CLOSERS, OPENERS, type Severity } from "./support-phrases";
import { invoiceItem } from "./invoice-phrases";

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const PRODUCTS = [
  "dashboard",
  "mobile app",
  "API",
  "invoice portal",
  "reporting module",
  "Slack integration",
  "CSV export",
];
const NAMES = ["Priya", "Tom", "Lena", "Marcus", "Aiko", "Fatima", "Jonas", "Chloe", "Diego", "Sam"];
const TIERS = ["free", "pro", "enterprise"] as const;

function fill(r: Rand, text: string): string {
  return text
    .replaceAll("{product}", pick(r, PRODUCTS))
    .replaceAll("{amount}", `$${(10 + Math.floor(r() * 490)).toString()}.${pick(r, ["00", "99", "50"])}`)
    .replaceAll("{n}", String(2 + Math.floor(r() * 40)))
    .replaceAll("{name}", pick(r, NAMES));
}

function urgencyLabel(severity: Severity, tier: (typeof TIERS)[number], slaHours: number): string {
  const levels = ["low", "normal", "high", "urgent"];
  let level = { minor: 0, normal: 1, major: 2, critical: 3 }[severity];
  if (tier === "enterprise" && slaHours <= 4 && level >= 1 && level < 3) level += 1;
  if (tier === "free" && level === 2) level -= 1;
  return levels[level] as string;
}

function supportItems(split: "train" | "eval", count: number, seed: number) {
  const r = rng(seed);
  const items = [];
  for (let i = 0; i < count; i += 1) {
    const category = pick(r, Object.keys(CATEGORY_PHRASES));
    const pool = (CATEGORY_PHRASES[category] ?? []).filter((_, idx) => (split === "eval" ? true : idx % 4 !== 3));
    const phrase = pick(r, pool);
    const sentiment = pick(r, ["negative", "neutral", "positive"] as const);
    const opener = pick(r, OPENERS[sentiment]);
    const closer = pick(r, CLOSERS[sentiment]);
    const tier = pick(r, TIERS);
    const slaHours = tier === "enterprise" ? pick(r, [1, 4, 8]) : tier === "pro" ? pick(r, [8, 24]) : 72;
    const text = fill(r, [opener, phrase.text, closer].filter(Boolean).join(" ")).trim();
    items.push({
      text,
      category,
      sentiment,
      urgency: urgencyLabel(phrase.severity, tier, slaHours),
      context: { tier, slaHours },
    });
  }
  return items;
}

function writeJsonl(file: string, rows: unknown[]): void {
  writeFileSync(path.join(import.meta.dirname, file), rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
}

function main() {
  for (const split of ["train", "eval"] as const) {
    const items = supportItems(split, split === "train" ? 420 : 240, split === "train" ? 11 : 97);
    writeJsonl(
      `support-category.${split}.jsonl`,
      items.map((it) => ({ text: it.text, label: it.category })),
    );
    writeJsonl(
      `support-sentiment.${split}.jsonl`,
      items.map((it) => ({ text: it.text, label: it.sentiment })),
    );
    writeJsonl(
      `support-urgency.${split}.jsonl`,
      items.map((it) => ({ text: it.text, label: it.urgency, context: it.context })),
    );
    const r = rng(split === "train" ? 5 : 71);
    const invoices = Array.from({ length: split === "train" ? 60 : 160 }, () => invoiceItem(r));
    writeJsonl(`invoice-extract.${split}.jsonl`, invoices);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
