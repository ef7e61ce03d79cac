import { describe, expect, it } from "vitest";
import { redact, restore } from "./redaction";

describe("PII redaction", () => {
  const text =
    "Hi Sam, my name is Maria Lopez. Email maria.lopez@example.com or call +44 20 7946 0958. " +
    "Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, SSN 123-45-6789. Regards, Tom";

  it("removes emails, phones, cards, bank numbers, national ids and names", () => {
    const { text: out, map } = redact(text);
    for (const secret of [
      "maria.lopez@example.com",
      "7946",
      "4111 1111",
      "DE89",
      "123-45-6789",
      "Maria Lopez",
      "Tom",
      "Sam",
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain("[EMAIL_1]");
    expect(out).toContain("[CARD_1]");
    expect(Object.values(map)).toContain("maria.lopez@example.com");
  });

  it("is reversible, deeply, inside a model's structured answer", () => {
    const { text: out, map } = redact(text);
    expect(restore(out, map)).toBe(text);
    const answer = { reply: { body: "Dear [PERSON_2], we wrote to [EMAIL_1]." }, tags: ["[CARD_1]"] };
    const restored = restore(answer, map);
    expect(restored.reply.body).toContain("maria.lopez@example.com");
    expect(restored.tags[0]).toBe("4111 1111 1111 1111");
  });

  it("gives the same value the same placeholder across texts sharing a map", () => {
    const first = redact("write to a@b.io");
    const second = redact("again a@b.io and c@d.io", first.map);
    expect(second.text).toBe("again [EMAIL_1] and [EMAIL_2]");
  });
});
