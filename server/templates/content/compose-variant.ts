import type { RecordData } from "@/server/records/record-types";

export type Platform = RecordData<"content.channel">["platform"];

/** Characters as people and platforms count them (code points, so an emoji is one). */
export const length = (text: string) => [...text].length;

export type VariantParts = {
  title: string;
  /** The article's message, sentence by sentence, most important first. */
  sentences: string[];
  url: string | null;
  hashtags: string[];
};

export type FittedVariant = {
  body: string;
  /** False: even the shortest form is over the limit (the post is never scheduled). */
  fits: boolean;
  /** What was given up to fit, for the approver and the run log. */
  shortened: string[];
};

/** Instagram captions carry no links; everything else ends with the article's link. */
function linkLine(platform: Platform, url: string | null): string | null {
  if (!url) return null;
  if (platform === "instagram") return "Link in bio.";
  if (platform === "newsletter") return `Read more: ${url}`;
  return url;
}

function render(platform: Platform, title: string, text: string, url: string | null, hashtags: string[]) {
  const tags = hashtags.map((t) => `#${t}`).join(" ");
  return [title, text, linkLine(platform, url), tags].filter((p) => p && p.length > 0).join("\n\n");
}

/** Cuts at a word boundary and marks the cut; null when fewer than `min` characters would remain. */
export function truncateWords(text: string, max: number, min: number): string | null {
  if (length(text) <= max) return text;
  const chars = [...text].slice(0, Math.max(0, max - 1)).join("");
  const cut = chars.replace(/\s+\S*$/, "").replace(/[\s,;:.\-–]+$/, "");
  return length(cut) >= min ? `${cut}…` : null;
}

const MIN_TEXT = 40;
const MIN_TITLE = 20;

/**
 * A platform variant within the channel's limit. Gives up, in order: hashtags, trailing
 * sentences, the end of the first sentence (cut at a word), the text, the end of the title.
 * When even a shortened title with the link is too long, the full variant comes back with
 * `fits: false`: it goes to a person and is never scheduled over the limit.
 */
export function composeVariant(platform: Platform, maxLength: number, parts: VariantParts): FittedVariant {
  const { title, sentences, url, hashtags } = parts;
  const full = render(platform, title, sentences.join(" "), url, hashtags);
  const tries: { body: string | null; shortened: string[] }[] = [{ body: full, shortened: [] }];
  const dropped = hashtags.length ? ["hashtags"] : [];
  for (let n = sentences.length; n >= 1; n -= 1) {
    const cut = sentences.length - n;
    tries.push({
      body: render(platform, title, sentences.slice(0, n).join(" "), url, []),
      shortened: [...dropped, ...(cut ? [`${cut} sentence${cut > 1 ? "s" : ""}`] : [])],
    });
  }
  const first = sentences[0];
  if (first) {
    const room = maxLength - length(render(platform, title, "", url, [])) - 2;
    const truncated = room > 0 ? truncateWords(first, room, MIN_TEXT) : null;
    if (truncated)
      tries.push({
        body: render(platform, title, truncated, url, []),
        shortened: [...dropped, "the text, cut at a word"],
      });
  }
  tries.push({ body: render(platform, title, "", url, []), shortened: [...dropped, "the text"] });
  const linkRoom = maxLength - length(render(platform, "", "", url, [])) - (url ? 2 : 0);
  const shortTitle = linkRoom > 0 ? truncateWords(title, linkRoom, Math.min(MIN_TITLE, length(title))) : null;
  if (shortTitle)
    tries.push({
      body: render(platform, shortTitle, "", url, []),
      shortened: [...dropped, "the text", "the title's end"],
    });

  for (const t of tries) {
    if (t.body !== null && length(t.body) <= maxLength) return { body: t.body, fits: true, shortened: t.shortened };
  }
  return { body: full, fits: false, shortened: [] };
}

/** A quote pull as a post: the sentence (quoted unless it quotes someone itself) and the link. */
export function composeQuote(
  platform: Platform,
  maxLength: number,
  sentence: string,
  url: string | null,
): string | null {
  const quoted = /["“”]/.test(sentence) ? sentence : `“${sentence.replace(/[.]+$/, "")}.”`;
  const body = [quoted, linkLine(platform, url)].filter(Boolean).join("\n\n");
  return length(body) <= maxLength ? body : null;
}

/** Sentences worth quoting on their own: complete, mid-length, no links; quotes and figures first. */
export function pickQuotes(sentences: readonly string[], count: number): string[] {
  const candidates = sentences
    .map((s, index) => ({ s: s.trim(), index }))
    .filter(({ s }) => length(s) >= 40 && length(s) <= 220 && !/https?:\/\//.test(s) && /[.!?"”]$/.test(s))
    .filter(({ s }) => !/^(and|but|or|so|because|however|this|that|these|it)\b/i.test(s))
    .map(({ s, index }) => ({
      s,
      index,
      score: (/["“”]/.test(s) ? 2 : 0) + (/\d/.test(s) ? 1 : 0) + (length(s) >= 60 && length(s) <= 180 ? 1 : 0),
    }));
  return candidates
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, count)
    .map((c) => c.s);
}

/** Splits text into sentences (the summary and the article body). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?]["”]?)\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 3);
}
