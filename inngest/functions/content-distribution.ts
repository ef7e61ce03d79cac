import { inngest } from "../client";
import { articlePublished, mentionReceived } from "../events";
import { beginIntakeRun, governActions, governedFlowControl } from "./govern-actions";
import { setRunStatus } from "@/server/runs/run-service";
import { planDistributionStep, readArticleStep, trackMentionStep } from "@/server/templates/content/content-steps";
import { notifyNegativeMention } from "@/server/templates/content/notify-negative-mention";

const wentThrough = (result: string | undefined) =>
  result === "executed" || result === "shadowed" || result === "already_executed";

/**
 * Content distribution: from a published article, per-channel variants within each platform's
 * limit and quote pulls, scheduled at the channel's best hours from past performance, proposed
 * through the governance gate (brand-sensitive articles and first posts on a channel go to
 * review; a variant that cannot be fitted is kept as a draft and reviewed, never scheduled).
 */
export const contentDistribution = inngest.createFunction(
  { id: "content-distribution", triggers: [articlePublished], ...governedFlowControl() },
  async ({ event, step }) => {
    const { orgId, workflowId, intakeItemId, requesterId } = event.data;
    const started = await beginIntakeRun(step, event);
    if (started.status !== "started") return started;
    const { runId, versionId, timeout } = started;
    const ref = { orgId, workflowId, runId, versionId, intakeItemId };
    const finish = async (output: Record<string, unknown>) => {
      await step.run("finish-run", () => setRunStatus(orgId, runId, "completed", { output }));
      return { status: "completed" as const, runId, ...output };
    };

    const read = await step.run("read-article", () => readArticleStep(ref));
    if (!read.ok) return finish({ outcome: "needs_review", reason: read.reason });
    const plan = await step.run("plan-distribution", () => planDistributionStep({ ...ref, reading: read.reading }));
    if (!plan) return finish({ outcome: "needs_review", reason: "The article could not be read." });

    const govern = (prefix: string, actions: Record<string, unknown>[]) =>
      governActions({ step, orgId, workflowId, runId, requesterId, timeout, actions, prefix });
    if (plan.articleAction) {
      const [article] = await govern("article", [plan.articleAction]);
      if (!wentThrough(article)) return finish({ outcome: "article_not_recorded", article });
    }
    const posts = await govern("post", plan.postActions);
    return finish({
      outcome: "distributed",
      posts: plan.posts.map((p, i) => ({ ...p, result: posts[i] })),
      skipped: plan.skipped,
    });
  },
);

/**
 * Replies and mentions from intake: stored as content.mention linked to the channel and post,
 * sentiment classified; a negative one notifies marketing.
 */
export const contentMentionTracking = inngest.createFunction(
  { id: "content-mention-tracking", triggers: [mentionReceived], ...governedFlowControl() },
  async ({ event, step }) => {
    const { orgId, workflowId, intakeItemId, requesterId } = event.data;
    const started = await beginIntakeRun(step, event);
    if (started.status !== "started") return started;
    const { runId, versionId, timeout } = started;
    const finish = async (output: Record<string, unknown>) => {
      await step.run("finish-run", () => setRunStatus(orgId, runId, "completed", { output }));
      return { status: "completed" as const, runId, ...output };
    };

    const tracked = await step.run("track-mention", () =>
      trackMentionStep({ orgId, workflowId, runId, versionId, intakeItemId }),
    );
    if (!tracked.ok) return finish({ outcome: "needs_review", reason: tracked.reason });
    const { plan } = tracked;
    const [stored] = await governActions({
      step,
      orgId,
      workflowId,
      runId,
      requesterId,
      timeout,
      actions: [plan.action],
      prefix: "mention",
    });
    let notified = null;
    if (stored === "executed" && plan.negative && tracked.notify) {
      notified = await step.run("notify-negative-mention", () =>
        notifyNegativeMention(orgId, {
          id: plan.mentionId,
          author: String((plan.action.newValue as { author: string }).author),
          body: String((plan.action.newValue as { body: string }).body),
          channel: tracked.channelName,
        }),
      );
    }
    return finish({
      outcome: stored === "executed" ? "tracked" : (stored ?? "invalid"),
      mentionId: plan.mentionId,
      sentiment: plan.sentiment,
      channelId: plan.channelId,
      postId: plan.postId,
      notified,
    });
  },
);
