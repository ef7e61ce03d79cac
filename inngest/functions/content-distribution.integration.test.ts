import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "@/server/testing/integration";
import { hourOfWeek, nextOccurrence } from "@/server/templates/content/best-slots";
import { contentPolicy } from "@/server/templates/content/policy";
import { CONTENT_PROMPTS } from "@/server/templates/content/prompts";
import { ZContentSettings } from "@/server/templates/content/settings";
import { startTemplateHarness } from "./testing/template-harness";

type Harness = Awaited<ReturnType<typeof startTemplateHarness>>;
let harness: Harness;

beforeAll(async () => {
  harness = await startTemplateHarness();
});
afterAll(async () => {
  await harness?.stop();
});

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;

const ARTICLE = {
  title: "Our invoice sync now runs every fifteen minutes",
  url: "https://blog.example.com/invoice-sync",
  body: [
    "Starting today, invoices and payments sync with your accounting tool every fifteen minutes.",
    "Finance teams told us they re-typed the same numbers three times a week.",
    '"We closed the month two days earlier," said Dana Fox, controller at Brightwater.',
    "Every change is logged, so you can see who changed what and undo it.",
  ].join(" "),
};

/** An organisation with a LinkedIn channel that has posted before (with performance figures), in auto mode. */
async function setup(settings: Record<string, unknown> = {}) {
  const org = await harness.newOrg("Content");
  const parsed = ZContentSettings.parse({ quotesPerArticle: 1, ...settings });
  const workflowId = await org.workflow({
    templateKey: "content_distribution",
    policy: contentPolicy(parsed),
    settings: parsed,
    prompts: CONTENT_PROMPTS,
  });
  const linkedin = await org.record("content.channel", {
    name: "Company LinkedIn",
    platform: "linkedin",
    handle: "@brightwater",
    max_length: 3000,
  });
  const pastPost = await org.record("content.post", {
    channel_id: linkedin,
    body: "An earlier post",
    status: "published",
  });
  // Thursday 16:00 UTC does best on this channel, four weeks running; other hours do worse.
  const thisMonday = Date.UTC(2026, 0, 5);
  const figures = [
    { at: thisMonday + 3 * 24 * HOUR_MS + 16 * HOUR_MS, engagements: 120 },
    { at: thisMonday + WEEK_MS + 3 * 24 * HOUR_MS + 16 * HOUR_MS, engagements: 100 },
    { at: thisMonday + 1 * 24 * HOUR_MS + 9 * HOUR_MS, engagements: 40 },
    { at: thisMonday + WEEK_MS + 2 * 24 * HOUR_MS + 12 * HOUR_MS, engagements: 30 },
  ];
  for (const f of figures) {
    await org.record("content.performance", {
      channel_id: linkedin,
      post_id: pastPost,
      posted_at: new Date(f.at).toISOString(),
      impressions: 2000,
      clicks: 10,
      engagements: f.engagements,
    });
  }
  return { org, workflowId, linkedin, pastPost };
}

describe("content distribution through the local executor", () => {
  it("schedules a variant and a quote pull at the channel's best hour from past performance", async () => {
    const { org, workflowId, linkedin } = await setup();
    const sentAt = Date.now();
    const { eventId } = await org.intake(workflowId, "article", ARTICLE);
    expect((await harness.engine.finished(eventId, 60_000)).status).toBe("Completed");

    const [article] = await org.records("content.article");
    expect(article?.data).toMatchObject({ title: ARTICLE.title, url: ARTICLE.url });
    const posts = (await org.records("content.post")).filter((p) => p.data.article_id === article?.id);
    expect(posts.map((p) => [p.data.kind, p.data.status, p.data.channel_id])).toEqual([
      ["variant", "scheduled", linkedin],
      ["quote", "scheduled", linkedin],
    ]);
    const variantAt = new Date(String(posts[0]?.data.scheduled_for));
    const thursday16 = 3 * 24 + 16;
    expect(hourOfWeek(variantAt, "UTC")).toBe(thursday16);
    // The next Thursday 16:00 at least an hour (the default lead) after the article arrived.
    const earliest = nextOccurrence(thursday16, new Date(sentAt + HOUR_MS), "UTC").getTime();
    expect([earliest, earliest + WEEK_MS]).toContain(variantAt.getTime());
    expect(String(posts[0]?.data.body)).toContain(ARTICLE.url);
    expect(String(posts[1]?.data.body)).toContain("We closed the month two days earlier");

    const run = await org.run(workflowId);
    expect(run.steps.find((s) => s.name === "summarise-article")).toMatchObject({
      model: "handrail-embedded-1",
      promptVersion: "content.summarise@1",
    });
    const created = await auditEntries({ chainKey: org.orgId, action: "action.executed" });
    expect(created.filter((e) => e.targetType === "content.post")).toHaveLength(2);
  }, 90_000);

  it("keeps a variant that cannot fit the channel's limit as an unscheduled draft, after review", async () => {
    const { org, workflowId } = await setup({ quotesPerArticle: 0 });
    const tiny = await org.record("content.channel", { name: "Tiny", platform: "x", handle: "@tiny", max_length: 40 });
    await org.record("content.post", { channel_id: tiny, body: "hello", status: "published" });
    const { eventId } = await org.intake(workflowId, "article", ARTICLE);

    const review = await org.pendingApproval(workflowId, "content.post");
    expect(review.action.newValue).toMatchObject({ channel_id: tiny, status: "draft", scheduled_for: null });
    expect(review.action.reason).toMatch(/Over the 40-character limit/);
    expect(review.action.decisionReasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: "The account is flagged over_length." })]),
    );
    await org.decide(review.id, true);
    expect((await harness.engine.finished(eventId, 60_000)).status).toBe("Completed");
    const onTiny = (await org.records("content.post")).filter((p) => p.data.channel_id === tiny && p.data.article_id);
    expect(onTiny.map((p) => [p.data.status, p.data.scheduled_for])).toEqual([["draft", null]]);
    expect(
      (await org.records("content.post")).some(
        (p) => p.data.status === "scheduled" && String(p.data.body).length > 40 && p.data.channel_id === tiny,
      ),
    ).toBe(false);
  }, 90_000);

  it("sends every post of a brand-sensitive article to review and posts nothing a person rejects", async () => {
    const { org, workflowId } = await setup({ quotesPerArticle: 0 });
    const { eventId } = await org.intake(workflowId, "article", { ...ARTICLE, sensitivity: ["legal"] });
    const review = await org.pendingApproval(workflowId, "content.post");
    expect(review.action.decisionReasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: "The account is flagged legal." })]),
    );
    await org.decide(review.id, false);
    expect((await harness.engine.finished(eventId, 60_000)).status).toBe("Completed");
    expect((await org.records("content.post")).filter((p) => p.data.article_id)).toEqual([]);
  }, 90_000);

  it("sends the first posts on a channel that never posted to review", async () => {
    const { org, workflowId } = await setup({ quotesPerArticle: 0 });
    const fresh = await org.record("content.channel", {
      name: "Aardvark Mastodon",
      platform: "mastodon",
      max_length: 500,
    });
    await org.intake(workflowId, "article", ARTICLE);
    const review = await org.pendingApproval(workflowId, "content.post");
    expect(review.action.newValue).toMatchObject({ channel_id: fresh, status: "scheduled" });
    expect(review.action.decisionReasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: "The account is flagged first_post_on_channel." })]),
    );
    await org.decide(review.id, false);
  }, 90_000);

  it("tracks a negative mention on its channel and post, and tells marketing", async () => {
    const { org, workflowId, linkedin, pastPost } = await setup();
    const { eventId } = await org.intake(workflowId, "mention", {
      channel: "@Brightwater",
      author: "sam_k",
      body: "The latest update broke our invoice sync and support has not replied in two days. Very disappointed.",
      post_id: pastPost,
    });
    expect((await harness.engine.finished(eventId, 60_000)).status).toBe("Completed");
    const [mention] = await org.records("content.mention");
    expect(mention?.data).toMatchObject({
      channel_id: linkedin,
      post_id: pastPost,
      author: "sam_k",
      sentiment: "negative",
      status: "new",
    });
    const notices = await harness.withScope({ orgId: org.orgId }, (tx) =>
      tx.notificationLog.findMany({ where: { orgId: org.orgId, kind: "mention.negative" } }),
    );
    // Owner, admin and the two marketing approvers.
    expect(notices.map((n) => n.status).sort()).toEqual(["sent", "sent", "sent", "sent"]);
    expect((await org.run(workflowId)).steps.find((s) => s.name === "classify-sentiment")?.promptVersion).toBe(
      "content.mention-sentiment@1",
    );
  }, 90_000);
});
