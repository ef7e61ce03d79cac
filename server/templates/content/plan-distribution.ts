import type { z } from "zod";
import type { ZProposedAction } from "@/server/governance/policy.schemas";
import type { IntakePayload } from "@/server/intake/intake-payloads";
import type { RecordData } from "@/server/records/record-types";
import {
  DEFAULT_SLOTS,
  describeSlot,
  hourOfWeek,
  rankSlots,
  scheduleTimes,
  type PerformanceFigure,
} from "./best-slots";
import { composeQuote, composeVariant, sentencesOf, type Platform } from "./compose-variant";
import { FIRST_POST_FLAG, OVER_LENGTH_FLAG } from "./policy";
import type { ContentSettings } from "./settings";

export type Proposal = Omit<z.input<typeof ZProposedAction>, "currentValue">;

export const CONTENT_SOURCE = "content_distribution";

/** Platforms that take quote pulls (a newsletter carries the article, not its quotes). */
const QUOTE_PLATFORMS: readonly Platform[] = ["x", "linkedin", "facebook", "instagram", "mastodon", "bluesky"];

const PLATFORM_LABELS: Record<Platform, string> = {
  x: "X",
  linkedin: "LinkedIn",
  facebook: "Facebook",
  instagram: "Instagram",
  mastodon: "Mastodon",
  bluesky: "Bluesky",
  newsletter: "Newsletter",
};

export type ChannelContext = {
  id: string;
  data: RecordData<"content.channel">;
  /** Posts already recorded on the channel (0: the next one is its first). */
  priorPosts: number;
  performance: PerformanceFigure[];
};

/** What the AI steps returned: the article's message and candidate quotes, with confidence. */
export type ArticleReading = {
  summary: { text: string; confidence: number } | null;
  quoteCandidates: { sentences: string[]; confidence: number } | null;
};

export type PlannedPost = {
  postId: string;
  channelId: string;
  channel: string;
  kind: "variant" | "quote";
  scheduledFor: string;
  slot: string;
  slotSource: "performance" | "default";
  fits: boolean;
  shortened: string[];
  flags: string[];
};

export type DistributionPlan = {
  articleId: string;
  articleAction: Proposal | null;
  posts: PlannedPost[];
  postActions: Proposal[];
  skipped: { channel: string; what: string; why: string }[];
};

type PlanInput = {
  article: IntakePayload<"article">;
  /** The article's record id: an existing record with the same URL, or a new id. */
  articleId: string;
  articleExists: boolean;
  reading: ArticleReading;
  channels: ChannelContext[];
  settings: ContentSettings;
  now: Date;
  newId: () => string;
};

/**
 * Plans an article's distribution: the article record, one variant per channel fitted to its
 * limit, quote pulls, each scheduled at the channel's best hours from past performance (or
 * platform defaults), flagged for review when the article is sensitive, the channel has never
 * posted, or a variant cannot be fitted. Pure; the function's steps load and propose.
 */
export function planDistribution(input: PlanInput): DistributionPlan {
  const { article, settings, reading, now } = input;
  const sensitive = article.sensitivity.map((t) => t.toLowerCase()).filter((t) => settings.sensitiveTags.includes(t));
  const fromAuthor = article.summary ? sentencesOf(article.summary) : null;
  const sentences =
    fromAuthor ?? (reading.summary ? sentencesOf(reading.summary.text) : sentencesOf(article.body).slice(0, 2));
  const textConfidence = fromAuthor || !reading.summary ? 1 : reading.summary.confidence;
  const quotes = reading.quoteCandidates ? reading.quoteCandidates.sentences.slice(0, settings.quotesPerArticle) : [];
  const earliest = new Date(now.getTime() + settings.minLeadMinutes * 60_000);

  const articleAction: Proposal | null = input.articleExists
    ? null
    : {
        kind: "create_record",
        recordType: "content.article",
        recordId: input.articleId,
        field: "*",
        newValue: {
          title: article.title,
          url: article.url ?? null,
          summary: article.summary,
          body: article.body,
          sensitivity: article.sensitivity,
          published_at: now.toISOString(),
        } satisfies RecordData<"content.article">,
        reason: `Published article “${article.title}” recorded for distribution.`,
        confidence: 1,
        source: CONTENT_SOURCE,
      };

  const posts: PlannedPost[] = [];
  const postActions: Proposal[] = [];
  const skipped: DistributionPlan["skipped"] = [];
  const channels = [...input.channels]
    .filter((c) => c.data.active)
    .sort((a, b) => a.data.name.localeCompare(b.data.name) || a.id.localeCompare(b.id));

  for (const channel of channels) {
    const { platform, max_length: max, name } = channel.data;
    const ranked = rankSlots(channel.performance, settings.timeZone, settings.minSamplesPerSlot);
    const slotSource = ranked.length ? "performance" : "default";
    const slots = ranked.length ? ranked.map((r) => r.slot) : DEFAULT_SLOTS[platform];
    const best = ranked[0];
    const slotWhy = best
      ? `its best hour from past posts (${best.meanEngagements} engagements on average over ${best.samples} post${best.samples === 1 ? "" : "s"})`
      : `the ${PLATFORM_LABELS[platform]} default (no past performance yet)`;

    const variant = composeVariant(platform, max, {
      title: article.title,
      sentences,
      url: article.url ?? null,
      hashtags: settings.hashtags,
    });
    const bodies: {
      kind: "variant" | "quote";
      body: string;
      fits: boolean;
      shortened: string[];
      confidence: number;
    }[] = [{ kind: "variant", ...variant, confidence: textConfidence }];
    if (QUOTE_PLATFORMS.includes(platform)) {
      for (const quote of quotes) {
        const body = composeQuote(platform, max, quote, article.url ?? null);
        if (body)
          bodies.push({
            kind: "quote",
            body,
            fits: true,
            shortened: [],
            confidence: reading.quoteCandidates!.confidence,
          });
        else
          skipped.push({ channel: name, what: `quote “${quote.slice(0, 60)}”`, why: `longer than ${max} characters` });
      }
    }
    const times = scheduleTimes(slots, bodies.length, earliest, settings.timeZone);

    bodies.forEach((b, i) => {
      const when = times[i]!;
      const flags = [
        ...sensitive,
        ...(settings.firstPostNeedsReview && channel.priorPosts === 0 ? [FIRST_POST_FLAG] : []),
        ...(b.fits ? [] : [OVER_LENGTH_FLAG]),
      ];
      const postId = input.newId();
      const slot = describeSlot(hourOfWeek(when, settings.timeZone));
      posts.push({
        postId,
        channelId: channel.id,
        channel: name,
        kind: b.kind,
        scheduledFor: when.toISOString(),
        slot,
        slotSource,
        fits: b.fits,
        shortened: b.shortened,
        flags,
      });
      const why = [
        b.kind === "variant"
          ? `${PLATFORM_LABELS[platform]} variant of “${article.title}” for ${name}`
          : `Quote pull from “${article.title}” for ${name}`,
        `scheduled ${slot} (${settings.timeZone}), ${i === 0 ? slotWhy : "the next good hour a day or more later"}.`,
        b.shortened.length ? `Shortened to fit ${max} characters: dropped ${b.shortened.join(", ")}.` : "",
        b.fits
          ? ""
          : `Over the ${max}-character limit even when shortened: kept as a draft, never scheduled, until a person edits it.`,
        sensitive.length ? `The article is tagged ${sensitive.join(", ")}.` : "",
        flags.includes(FIRST_POST_FLAG) ? "First post on this channel." : "",
      ];
      postActions.push({
        kind: "create_record",
        recordType: "content.post",
        recordId: postId,
        field: "*",
        newValue: {
          channel_id: channel.id,
          article_id: input.articleId,
          body: b.body,
          kind: b.kind,
          scheduled_for: b.fits ? when.toISOString() : null,
          status: b.fits ? "scheduled" : "draft",
        } satisfies RecordData<"content.post">,
        reason: why.filter(Boolean).join(" ").slice(0, 2000),
        confidence: b.confidence,
        risk: b.fits ? "low" : "medium",
        accountFlags: flags,
        source: CONTENT_SOURCE,
      });
    });
  }
  return { articleId: input.articleId, articleAction, posts, postActions, skipped };
}
