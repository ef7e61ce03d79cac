import { z } from "zod";
import { RECORD_TYPES } from "@/server/records/record-types";
import { ZApprovals, ZThresholds } from "../shared-settings";

const PLATFORMS = RECORD_TYPES["content.channel"].schema.shape.platform.options;

/** Each platform's own limit (characters), the wizard's starting value. */
export const PLATFORM_LIMITS: Record<(typeof PLATFORMS)[number], number> = {
  x: 280,
  linkedin: 3000,
  facebook: 2000,
  instagram: 2200,
  mastodon: 500,
  bluesky: 300,
  newsletter: 10_000,
};

const ZTimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "Enter a time zone such as Europe/Berlin or America/New_York.");

const ZTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_-]+$/, "Use letters, digits, - and _ only.");

const ZChannel = z.object({
  name: z.string().trim().min(1).max(100).meta({ title: "Channel" }),
  platform: z.enum(PLATFORMS).meta({ title: "Platform" }),
  handle: z.string().trim().max(100).nullable().default(null).meta({ title: "Handle", description: "e.g. @yourbrand" }),
  maxLength: z
    .number()
    .int()
    .positive()
    .max(100_000)
    .nullable()
    .default(null)
    .meta({ title: "Length limit", description: "Characters; empty: the platform's own limit." }),
});

/** What the onboarding wizard asks for content distribution (WorkflowVersion.settings). */
export const ZContentSettings = z.object({
  channels: z
    .array(ZChannel)
    .min(1, "at least one channel")
    .max(20)
    .default([
      { name: "Company LinkedIn", platform: "linkedin", handle: null, maxLength: null },
      { name: "Company X", platform: "x", handle: null, maxLength: null },
      { name: "Newsletter", platform: "newsletter", handle: null, maxLength: null },
    ])
    .meta({ title: "Channels", description: "Where articles are posted. Inactive channels are skipped." }),
  quotesPerArticle: z
    .number()
    .int()
    .min(0)
    .max(3, "At most 3.")
    .default(2)
    .meta({ title: "Quote pulls per article", description: "Posted on each social channel after the article." }),
  sensitiveTags: z.array(ZTag).max(20).default(["legal", "pricing", "brand_sensitive"]).meta({
    title: "Sensitive article tags",
    description: "Every post of an article with one of these goes to review.",
  }),
  firstPostNeedsReview: z.boolean().default(true).meta({ title: "Review the first posts on a new channel" }),
  timeZone: ZTimeZone.default("UTC").meta({ title: "Time zone", description: "For the best hours of the week." }),
  minLeadMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60)
    .meta({ title: "Earliest post (minutes after the article arrives)" }),
  minSamplesPerSlot: z
    .number()
    .int()
    .min(1)
    .max(50)
    .default(1)
    .meta({ title: "Past posts an hour needs before it counts as a best slot" }),
  hashtags: z
    .array(ZTag)
    .max(10)
    .default([])
    .meta({ title: "Hashtags", description: "Added when the limit leaves room." }),
  sentimentMinConfidence: z
    .number()
    .min(0)
    .max(1)
    .default(0.7)
    .meta({ title: "Store a mention's sentiment from confidence", description: "Below: a person sets it." }),
  notifyNegativeMentions: z.boolean().default(true).meta({ title: "Notify marketing about negative mentions" }),
  thresholds: ZThresholds.prefault({ act: 0.6, review: 0.3 }),
  approvals: ZApprovals.prefault({ timeoutHours: 24 }),
});

export type ContentSettings = z.output<typeof ZContentSettings>;

export const DEFAULT_CONTENT_SETTINGS: ContentSettings = ZContentSettings.parse({});

export function readContentSettings(raw: unknown): ContentSettings {
  const parsed = ZContentSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_CONTENT_SETTINGS;
}
