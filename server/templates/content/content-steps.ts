import { randomUUID } from "node:crypto";
import { runAiStep } from "@/server/ai/run-ai-step";
import { withScope } from "@/server/db/tenancy";
import { ZArticlePayload, ZMentionPayload } from "@/server/intake/intake-payloads";
import { recordStep } from "@/server/runs/run-service";
import { pinnedVersion, RULES_MODEL } from "../run-steps";
import { readRecords } from "../ap-invoice/ap-records";
import { findArticleByUrl, loadChannelContexts } from "./content-records";
import { pickQuotes, sentencesOf } from "./compose-variant";
import { planDistribution, type ArticleReading, type DistributionPlan } from "./plan-distribution";
import { planMention, resolveChannel, type MentionPlan } from "./plan-mention";
import { VARIANT_COMPOSER_VERSION } from "./prompts";
import { readContentSettings } from "./settings";

/** The AI steps read at most this much of an article. */
const AI_TEXT_LIMIT = 20_000;
/** Candidate sentences the quote step asks for, of which the quotable ones are kept. */
const QUOTE_CANDIDATES = 6;

type RunRef = { orgId: string; workflowId: string; runId: string; versionId: string };

async function loadVersion(orgId: string, versionId: string) {
  return withScope({ orgId }, (tx) =>
    tx.workflowVersion.findFirstOrThrow({ where: { id: versionId, orgId }, select: { prompts: true, settings: true } }),
  );
}

/** The intake item's payload (and links the item to the run). */
async function loadIntakePayload(ref: RunRef, intakeItemId: string): Promise<unknown> {
  return withScope({ orgId: ref.orgId }, async (tx) => {
    const row = await tx.intakeItem.findFirst({
      where: { id: intakeItemId, orgId: ref.orgId, workflowId: ref.workflowId },
    });
    if (row && !row.runId) await tx.intakeItem.update({ where: { id: row.id }, data: { runId: ref.runId } });
    return row?.payload ?? null;
  });
}

/**
 * The AI reading of an article: its message in two sentences (unless the author wrote a
 * summary) and quotable sentences; each call is a RunStep with model and prompt version.
 */
export async function readArticleStep(
  ref: RunRef & { intakeItemId: string },
): Promise<{ ok: false; reason: string } | { ok: true; reading: ArticleReading }> {
  const payload = ZArticlePayload.safeParse(await loadIntakePayload(ref, ref.intakeItemId));
  if (!payload.success) return { ok: false, reason: "The intake item is missing or is not an article." };
  const article = payload.data;
  const version = await loadVersion(ref.orgId, ref.versionId);
  const settings = readContentSettings(version.settings);
  const ai = (step: string, maxSentences: number) =>
    runAiStep({
      orgId: ref.orgId,
      runId: ref.runId,
      workflowId: ref.workflowId,
      prompts: version.prompts,
      step,
      request: { kind: "summarise", text: article.body.slice(0, AI_TEXT_LIMIT), maxSentences },
    });

  let summary: ArticleReading["summary"] = null;
  if (!article.summary) {
    const result = await ai("summarise-article", 2);
    if (result.status === "ok" && "summary" in result.output && result.output.summary.trim()) {
      summary = { text: result.output.summary, confidence: result.confidence };
    }
  }
  let quoteCandidates: ArticleReading["quoteCandidates"] = null;
  if (settings.quotesPerArticle > 0) {
    const result = await ai("pull-quotes", QUOTE_CANDIDATES);
    if (result.status === "ok" && "summary" in result.output) {
      const sentences = pickQuotes(sentencesOf(result.output.summary), settings.quotesPerArticle);
      if (sentences.length) quoteCandidates = { sentences, confidence: result.confidence };
    }
  }
  return { ok: true, reading: { summary, quoteCandidates } };
}

/** Loads channels, their post counts and performance, and plans the posts (the run's "plan-distribution" step). */
export async function planDistributionStep(
  ref: RunRef & { intakeItemId: string; reading: ArticleReading },
): Promise<DistributionPlan | null> {
  const t0 = Date.now();
  const payload = ZArticlePayload.safeParse(await loadIntakePayload(ref, ref.intakeItemId));
  if (!payload.success) return null;
  const version = await loadVersion(ref.orgId, ref.versionId);
  const settings = readContentSettings(version.settings);
  const { channels, existing } = await withScope({ orgId: ref.orgId }, async (tx) => ({
    channels: await loadChannelContexts(tx, ref.orgId),
    existing: await findArticleByUrl(tx, ref.orgId, payload.data.url),
  }));
  const plan = planDistribution({
    article: payload.data,
    articleId: existing?.id ?? randomUUID(),
    articleExists: Boolean(existing),
    reading: ref.reading,
    channels,
    settings,
    now: new Date(),
    newId: randomUUID,
  });
  await recordStep(ref.orgId, ref.runId, {
    name: "plan-distribution",
    input: { article: payload.data.title, channels: channels.map((c) => c.id), settings },
    output: { posts: plan.posts, skipped: plan.skipped },
    model: RULES_MODEL,
    promptVersion: pinnedVersion(version.prompts, "content.variants", VARIANT_COMPOSER_VERSION),
    latencyMs: Date.now() - t0,
  });
  return plan;
}

/**
 * Reads a reply or mention, classifies its sentiment (a RunStep), resolves its channel and post
 * and plans the content.mention record.
 */
export async function trackMentionStep(
  ref: RunRef & { intakeItemId: string },
): Promise<
  { ok: false; reason: string } | { ok: true; plan: MentionPlan; channelName: string | null; notify: boolean }
> {
  const payload = ZMentionPayload.safeParse(await loadIntakePayload(ref, ref.intakeItemId));
  if (!payload.success) return { ok: false, reason: "The intake item is missing or is not a mention." };
  const mention = payload.data;
  const version = await loadVersion(ref.orgId, ref.versionId);
  const settings = readContentSettings(version.settings);
  const ai = await runAiStep({
    orgId: ref.orgId,
    runId: ref.runId,
    workflowId: ref.workflowId,
    prompts: version.prompts,
    step: "classify-sentiment",
    request: { kind: "classify", task: "support.sentiment", text: mention.body.slice(0, AI_TEXT_LIMIT) },
  });
  const { channels, postExists } = await withScope({ orgId: ref.orgId }, async (tx) => ({
    channels: await readRecords(tx, ref.orgId, "content.channel"),
    postExists: mention.post_id
      ? (await tx.businessRecord.count({ where: { orgId: ref.orgId, type: "content.post", id: mention.post_id } })) > 0
      : false,
  }));
  const channel = resolveChannel(mention.channel, channels);
  const plan = planMention({
    mention,
    mentionId: randomUUID(),
    channel,
    postExists,
    sentiment:
      ai.status === "ok" && "label" in ai.output ? { label: ai.output.label, confidence: ai.confidence } : null,
    settings,
    now: new Date(),
  });
  return { ok: true, plan, channelName: channel?.data.name ?? null, notify: settings.notifyNegativeMentions };
}
