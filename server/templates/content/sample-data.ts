import type { SampleItem, SampleRecord } from "../template-types";
import { seededFaker, slugify } from "../seeded-faker";
import { PLATFORM_LIMITS, type ContentSettings } from "./settings";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const today = () => Math.floor(Date.now() / DAY_MS) * DAY_MS;

export const channelKey = (name: string) => `channel:${slugify(name)}`;

/** The channels of the settings, as content.channel records. */
export function contentSetupRecords(settings: ContentSettings): SampleRecord[] {
  return settings.channels.map((c) => ({
    type: "content.channel" as const,
    externalId: channelKey(c.name),
    data: {
      name: c.name,
      platform: c.platform,
      handle: c.handle,
      max_length: c.maxLength ?? PLATFORM_LIMITS[c.platform],
      active: true,
    },
  }));
}

const PAST_POSTS_PER_CHANNEL = 8;

/**
 * A past article and, per channel, eight published posts with their performance: one hour of
 * the week clearly does best on each channel, so the first run schedules there.
 */
export function contentSampleData({ seed, settings }: { seed: number; settings: ContentSettings }): SampleRecord[] {
  const faker = seededFaker(seed + 60);
  const product = faker.commerce.productName();
  const articleKey = "article:sample-launch";
  const records: SampleRecord[] = [
    {
      type: "content.article",
      externalId: articleKey,
      data: {
        title: `Introducing ${product}`,
        url: `https://blog.example.com/${slugify(product)}`,
        summary: `${product} is here: less busywork for small teams.`,
        body: `${product} is here. ${faker.company.catchPhrase()}. Teams told us they spend hours on busywork; this is our answer.`,
        sensitivity: [],
        published_at: new Date(today() - 60 * DAY_MS).toISOString(),
      },
    },
  ];
  settings.channels.forEach((channel, c) => {
    const key = channelKey(channel.name);
    // Monday 00:00 UTC of the current week, minus whole weeks: the best hour is the same every week.
    const monday = today() - ((new Date(today()).getUTCDay() + 6) % 7) * DAY_MS;
    const bestHour = (3 + c) * 24 + 15; // Thursday 15:00, Friday 15:00, ...
    for (let i = 0; i < PAST_POSTS_PER_CHANNEL; i++) {
      const best = i % 2 === 0;
      const hour = best ? bestHour : faker.number.int({ min: 0, max: 6 }) * 24 + faker.number.int({ min: 7, max: 20 });
      const postedAt = new Date(monday - (i + 1) * 7 * DAY_MS + hour * HOUR_MS).toISOString();
      const postKey = `post:${slugify(channel.name)}:${i}`;
      const impressions = faker.number.int({ min: 800, max: 5000 });
      const engagements = best ? faker.number.int({ min: 90, max: 140 }) : faker.number.int({ min: 5, max: 60 });
      records.push(
        {
          type: "content.post",
          externalId: postKey,
          data: {
            channel_id: key,
            article_id: articleKey,
            body: `${faker.company.catchPhrase()}. ${faker.hacker.phrase()}`.slice(
              0,
              PLATFORM_LIMITS[channel.platform],
            ),
            kind: "variant",
            scheduled_for: postedAt,
            status: "published",
          },
          refs: {
            channel_id: { type: "content.channel", externalId: key },
            article_id: { type: "content.article", externalId: articleKey },
          },
        },
        {
          type: "content.performance",
          externalId: `performance:${postKey}`,
          data: {
            channel_id: key,
            post_id: postKey,
            posted_at: postedAt,
            impressions,
            clicks: Math.round(engagements * 0.4),
            engagements,
          },
          refs: {
            channel_id: { type: "content.channel", externalId: key },
            post_id: { type: "content.post", externalId: postKey },
          },
        },
      );
    }
  });
  return records;
}

/** Items worth a first run: an ordinary article, a pricing article (review), a negative and a positive mention. */
export function contentSampleItems({ seed, settings }: { seed: number; settings: ContentSettings }): SampleItem[] {
  const faker = seededFaker(seed + 61);
  const product = faker.commerce.productName();
  const customer = faker.company.name();
  const person = faker.person.fullName();
  const channel = settings.channels[0]!;
  const article = (key: string, payload: Record<string, unknown>): SampleItem => {
    const sourceId = `sample-article-${seed}-${key}`;
    return { kind: "article", sourceId, payload: { source_id: sourceId, ...payload } };
  };
  const mention = (key: string, body: string): SampleItem => {
    const sourceId = `sample-mention-${seed}-${key}`;
    return {
      kind: "mention",
      sourceId,
      payload: {
        source_id: sourceId,
        channel: channel.handle ?? channel.name,
        author: faker.internet.username(),
        body,
      },
    };
  };
  return [
    article("sync", {
      title: `${product} now syncs with your accounting tool`,
      url: `https://blog.example.com/${slugify(product)}-sync`,
      body: [
        `Starting today, ${product} syncs invoices and payments with your accounting tool in both directions.`,
        `Small finance teams told us they re-typed the same numbers three times a week.`,
        `"We closed the month two days earlier," said ${person}, controller at ${customer}.`,
        `The sync runs every fifteen minutes and every change is logged, so you can see who changed what and undo it.`,
        `Turn it on under Settings, Integrations.`,
      ].join(" "),
      sensitivity: [],
    }),
    article("pricing", {
      title: "Simpler plans and pricing for next year",
      url: "https://blog.example.com/pricing-next-year",
      body: [
        "Next year we move from five plans to three, and every plan includes unlimited workflows.",
        "Existing customers keep their current price for twelve months.",
        "Teams on the annual plan save twenty percent compared with paying monthly.",
      ].join(" "),
      sensitivity: ["pricing"],
    }),
    mention(
      "negative",
      `The latest update broke our invoice sync and support has not replied in two days. Very disappointed.`,
    ),
    mention("positive", `Great write-up! The new sync saved our team hours this week, thank you.`),
  ];
}
