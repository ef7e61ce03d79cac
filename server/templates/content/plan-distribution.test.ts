import { describe, expect, it } from "vitest";
import { decideAction } from "@/server/governance/governance-gate";
import { ZProposedAction } from "@/server/governance/policy.schemas";
import { ZArticlePayload } from "@/server/intake/intake-payloads";
import type { RecordData } from "@/server/records/record-types";
import { planDistribution, type ChannelContext } from "./plan-distribution";
import { planMention, resolveChannel } from "./plan-mention";
import { contentPolicy } from "./policy";
import { DEFAULT_CONTENT_SETTINGS, ZContentSettings } from "./settings";

const article = ZArticlePayload.parse({
  title: "Handrail Cloud is here",
  url: "https://example.com/blog/handrail-cloud",
  body: `Small teams can now automate invoices and leads while people stay in control. Every change is logged and can be rolled back. "We finally trust automation," said Maria Lopez, CFO of Nordlicht.`,
});

const channel = (id: string, data: Partial<RecordData<"content.channel">>, extra: Partial<ChannelContext> = {}) => ({
  id,
  data: { name: id, platform: "linkedin" as const, handle: null, max_length: 3000, active: true, ...data },
  priorPosts: 5,
  performance: [],
  ...extra,
});

let n = 0;
const plan = (over: Partial<Parameters<typeof planDistribution>[0]> = {}) =>
  planDistribution({
    article,
    articleId: "art",
    articleExists: false,
    reading: {
      summary: {
        text: "Small teams can now automate invoices and leads while people stay in control.",
        confidence: 0.8,
      },
      quoteCandidates: {
        sentences: ['"We finally trust automation," said Maria Lopez, CFO of Nordlicht.'],
        confidence: 0.7,
      },
    },
    channels: [channel("linkedin", {})],
    settings: DEFAULT_CONTENT_SETTINGS,
    now: new Date("2026-03-02T10:00:00Z"),
    newId: () => `post-${++n}`,
    ...over,
  });

const policy = (settings = DEFAULT_CONTENT_SETTINGS) => ({ mode: "auto" as const, ...contentPolicy(settings) });
const decide = (raw: unknown, settings = DEFAULT_CONTENT_SETTINGS) =>
  decideAction(policy(settings), ZProposedAction.parse({ ...(raw as object), currentValue: null }));

describe("planDistribution", () => {
  it("records the article, then a variant and a quote per channel at the best slots", () => {
    const p = plan({
      channels: [
        channel(
          "linkedin",
          {},
          {
            performance: [
              { posted_at: "2026-02-24T14:00:00Z", engagements: 90 },
              { posted_at: "2026-02-25T09:00:00Z", engagements: 20 },
            ],
          },
        ),
      ],
    });
    expect(p.articleAction).toMatchObject({ recordType: "content.article", recordId: "art" });
    expect(p.posts.map((x) => [x.kind, x.slot, x.slotSource])).toEqual([
      ["variant", "Tue 14:00", "performance"],
      ["quote", "Tue 14:00", "performance"],
    ]);
    // A day or more after the variant, the sooner of the two known hours: the next Tuesday.
    expect(p.posts[1]?.scheduledFor).toBe("2026-03-10T14:00:00.000Z");
    expect(p.postActions[0]?.newValue).toMatchObject({
      channel_id: "linkedin",
      article_id: "art",
      kind: "variant",
      scheduled_for: "2026-03-03T14:00:00.000Z",
      status: "scheduled",
    });
    expect(p.postActions.every((a) => decide(a).decision === "auto")).toBe(true);
  });

  it("falls back to the platform's default hours without performance data", () => {
    const p = plan({ channels: [channel("x", { platform: "x", max_length: 280 })] });
    expect(p.posts[0]).toMatchObject({ slot: "Wed 12:00", slotSource: "default" });
  });

  it("keeps an unfittable variant as a draft, unscheduled, for review", () => {
    const p = plan({
      article: { ...article, title: "A very long title that will never fit in a tiny channel limit at all" },
      channels: [channel("tiny", { platform: "x", max_length: 40 })],
    });
    expect(p.posts[0]).toMatchObject({ fits: false, flags: ["over_length"] });
    expect(p.postActions[0]?.newValue).toMatchObject({ status: "draft", scheduled_for: null });
    expect(decide(p.postActions[0]).decision).toBe("approve_one");
    expect(p.skipped).toHaveLength(1);
  });

  it("sends posts of a sensitive article, and first posts on a channel, to review", () => {
    const sensitive = plan({ article: { ...article, sensitivity: ["Pricing"] } });
    expect(sensitive.posts.every((x) => x.flags.includes("pricing"))).toBe(true);
    expect(decide(sensitive.postActions[0]).reasons.map((r) => r.code)).toEqual(["account_flag"]);
    const first = plan({ channels: [channel("new", {}, { priorPosts: 0 })] });
    expect(first.posts.every((x) => x.flags.includes("first_post_on_channel"))).toBe(true);
    expect(decide(first.postActions[0]).decision).toBe("approve_one");
    const custom = ZContentSettings.parse({ sensitiveTags: ["crisis"], firstPostNeedsReview: false });
    const untagged = plan({
      article: { ...article, sensitivity: ["pricing"] },
      channels: [channel("new", {}, { priorPosts: 0 })],
      settings: custom,
    });
    expect(untagged.posts[0]?.flags).toEqual([]);
  });

  it("uses the author's summary when there is one, and skips inactive channels", () => {
    const p = plan({
      article: { ...article, summary: "Written by the author." },
      channels: [channel("a", { active: false }), channel("b", {})],
      settings: ZContentSettings.parse({ quotesPerArticle: 0 }),
    });
    expect(p.posts.map((x) => x.channelId)).toEqual(["b"]);
    expect(String((p.postActions[0]?.newValue as { body: string }).body)).toContain("Written by the author.");
    expect(p.postActions[0]?.confidence).toBe(1);
  });
});

describe("planMention", () => {
  const channels = [channel("c1", { name: "Company LinkedIn", handle: "@handrail" })];

  it("resolves the channel by id, handle or name", () => {
    expect(resolveChannel("c1", channels)?.id).toBe("c1");
    expect(resolveChannel("Handrail", channels)?.id).toBe("c1");
    expect(resolveChannel("company linkedin", channels)?.id).toBe("c1");
    expect(resolveChannel("@someone", channels)).toBeNull();
  });

  it("stores the sentiment only when the model is confident", () => {
    const base = {
      mention: { channel: "@handrail", author: "sam", body: "Terrible update", post_id: "p1" },
      mentionId: "m1",
      channel: channels[0]!,
      postExists: true,
      settings: DEFAULT_CONTENT_SETTINGS,
      now: new Date("2026-03-02T10:00:00Z"),
    };
    const sure = planMention({ ...base, sentiment: { label: "negative", confidence: 0.95 } });
    expect(sure).toMatchObject({ negative: true, sentiment: "negative", channelId: "c1", postId: "p1" });
    expect(decide(sure.action).decision).toBe("auto");
    const unsure = planMention({ ...base, postExists: false, sentiment: { label: "negative", confidence: 0.5 } });
    expect(unsure).toMatchObject({ negative: false, sentiment: null, postId: null });
    expect(unsure.action.confidence).toBe(1);
  });
});
