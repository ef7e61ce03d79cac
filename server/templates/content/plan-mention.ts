import type { IntakePayload } from "@/server/intake/intake-payloads";
import type { RecordData } from "@/server/records/record-types";
import { CONTENT_SOURCE, type Proposal } from "./plan-distribution";
import type { ContentSettings } from "./settings";

type ChannelRow = { id: string; data: RecordData<"content.channel"> };
type Sentiment = NonNullable<RecordData<"content.mention">["sentiment"]>;

const handle = (s: string) => s.trim().replace(/^@/, "").toLowerCase();

/** The channel a mention arrived on: its record id, its handle (with or without @) or its name. */
export function resolveChannel(ref: string, channels: readonly ChannelRow[]): ChannelRow | null {
  const wanted = handle(ref);
  const sorted = [...channels].sort((a, b) => a.id.localeCompare(b.id));
  return (
    sorted.find((c) => c.id === ref.trim()) ??
    sorted.find((c) => c.data.handle !== null && handle(c.data.handle) === wanted) ??
    sorted.find((c) => c.data.name.trim().toLowerCase() === wanted) ??
    null
  );
}

export type MentionPlan = {
  mentionId: string;
  channelId: string | null;
  postId: string | null;
  sentiment: Sentiment | null;
  negative: boolean;
  action: Proposal;
};

/**
 * Stores a reply or mention as a content.mention linked to its channel and post (when the post
 * id names a recorded post), with the AI's sentiment when it is confident enough; otherwise
 * the sentiment is left for a person to set.
 */
export function planMention(input: {
  mention: IntakePayload<"mention">;
  mentionId: string;
  channel: ChannelRow | null;
  postExists: boolean;
  sentiment: { label: string; confidence: number } | null;
  settings: ContentSettings;
  now: Date;
}): MentionPlan {
  const { mention, channel, settings } = input;
  const confident =
    input.sentiment !== null &&
    input.sentiment.confidence >= settings.sentimentMinConfidence &&
    ["negative", "neutral", "positive"].includes(input.sentiment.label);
  const sentiment = confident ? (input.sentiment!.label as Sentiment) : null;
  const postId = input.postExists ? mention.post_id : null;
  const where = channel ? `on ${channel.data.name}` : `on an unknown channel (${mention.channel})`;
  const record: RecordData<"content.mention"> = {
    channel_id: channel?.id ?? null,
    post_id: postId,
    author: mention.author,
    body: mention.body,
    received_at: input.now.toISOString(),
    sentiment,
    status: "new",
  };
  return {
    mentionId: input.mentionId,
    channelId: record.channel_id,
    postId,
    sentiment,
    negative: sentiment === "negative",
    action: {
      kind: "create_record",
      recordType: "content.mention",
      recordId: input.mentionId,
      field: "*",
      newValue: record,
      reason: [
        `Mention by ${mention.author} ${where}${postId ? `, replying to post ${postId}` : ""}.`,
        sentiment
          ? `Sentiment ${sentiment} (${Math.round(input.sentiment!.confidence * 100)}% confident).`
          : "Sentiment left for a person: the model was not confident enough.",
      ].join(" "),
      // Storing what arrived is certain; the sentiment is only stored when the model is confident.
      confidence: sentiment ? input.sentiment!.confidence : 1,
      source: CONTENT_SOURCE,
    },
  };
}
