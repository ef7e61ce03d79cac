import { describe, expect, it } from "vitest";
import { composeQuote, composeVariant, length, pickQuotes, sentencesOf, truncateWords } from "./compose-variant";

const parts = {
  title: "Handrail Cloud is here",
  sentences: [
    "Small teams can now automate invoices and leads while people stay in control.",
    "Every change is logged and can be rolled back.",
  ],
  url: "https://example.com/blog/handrail-cloud",
  hashtags: ["automation", "ai"],
};

describe("composeVariant", () => {
  it("keeps everything when the platform has room", () => {
    const v = composeVariant("linkedin", 3000, parts);
    expect(v).toEqual({
      body: `Handrail Cloud is here\n\n${parts.sentences.join(" ")}\n\n${parts.url}\n\n#automation #ai`,
      fits: true,
      shortened: [],
    });
  });

  it("gives up hashtags, then sentences, then cuts at a word, never exceeding the limit", () => {
    for (const max of [170, 140, 100, 80, 64]) {
      const v = composeVariant("x", max, parts);
      expect(v.fits).toBe(true);
      expect(length(v.body)).toBeLessThanOrEqual(max);
      expect(v.body).toContain(parts.url);
    }
    expect(composeVariant("x", 170, parts).shortened).toEqual(["hashtags", "1 sentence"]);
    expect(composeVariant("x", 100, parts).shortened).toEqual(["hashtags", "the text"]);
    expect(composeVariant("x", 140, parts).body).toMatch(/…\n\nhttps/);
  });

  it("says it cannot fit when even a shortened title and the link are too long", () => {
    const v = composeVariant("x", 30, parts);
    expect(v.fits).toBe(false);
    expect(length(v.body)).toBeGreaterThan(30);
  });

  it("uses 'Link in bio' on Instagram and 'Read more' in a newsletter", () => {
    expect(composeVariant("instagram", 2200, parts).body).toContain("Link in bio.");
    expect(composeVariant("instagram", 2200, parts).body).not.toContain("https://");
    expect(composeVariant("newsletter", 5000, parts).body).toContain(`Read more: ${parts.url}`);
  });

  it("counts an emoji as one character", () => {
    expect(length("🚀🚀")).toBe(2);
    expect(truncateWords("one two three four", 10, 3)).toBe("one two…");
    expect(truncateWords("one two three four", 10, 9)).toBeNull();
  });
});

describe("quotes", () => {
  const body = `We are launching today. "We finally trust automation," said Maria Lopez, CFO of Nordlicht. Our customers saved eleven hours a week in the pilot. It works. This is why we built it for small teams everywhere.`;

  it("prefers quoted and numeric sentences, skips short and context-dependent ones", () => {
    expect(pickQuotes(sentencesOf(body), 3)).toEqual([
      '"We finally trust automation," said Maria Lopez, CFO of Nordlicht.',
      "Our customers saved eleven hours a week in the pilot.",
    ]);
  });

  it("wraps a plain sentence in quotation marks and refuses one that does not fit", () => {
    expect(composeQuote("x", 280, "People stay in control.", "https://e.x/a")).toBe(
      "“People stay in control.”\n\nhttps://e.x/a",
    );
    expect(composeQuote("x", 20, "People stay in control of everything.", "https://e.x/a")).toBeNull();
  });
});
