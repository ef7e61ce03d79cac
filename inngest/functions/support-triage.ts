import { randomUUID } from "node:crypto";
import { inngest } from "../client";
import { ticketReceived } from "../events";
import { beginIntakeRun, governActions, governedFlowControl } from "./govern-actions";
import { runAiStep } from "@/server/ai/run-ai-step";
import { withScope } from "@/server/db/tenancy";
import { env } from "@/server/env";
import { setRunStatus } from "@/server/runs/run-service";
import { computeStep, loadIntakeItem, pinnedVersion } from "@/server/templates/run-steps";
import { matchKnowledgeBase } from "@/server/templates/support-triage/kb-match";
import {
  autoAnswers,
  planSentReply,
  planTriage,
  type Classified,
} from "@/server/templates/support-triage/plan-actions";
import { SUPPORT_RULES_VERSION } from "@/server/templates/support-triage/prompts";
import { detectRefund } from "@/server/templates/support-triage/refund";
import { routeTicket, skillFor } from "@/server/templates/support-triage/routing";
import { ZSupportTriageSettings } from "@/server/templates/support-triage/settings";
import {
  createTicketFromItem,
  helpdeskContext,
  notifyUrgentTicket,
  SLA_HOURS,
} from "@/server/templates/support-triage/ticket-steps";

type AiOutcome = Awaited<ReturnType<typeof runAiStep>>;
const label = (outcome: AiOutcome): Classified =>
  outcome.status === "ok" && "label" in outcome.output
    ? { label: outcome.output.label, confidence: outcome.confidence }
    : null;

/**
 * Support triage: the intake item becomes a helpdesk ticket (directly: it is data arriving); AI
 * classifies category, urgency and sentiment; rules pick the skill, queue and agent, match the
 * knowledge base and read any refund asked for; urgent tickets alert people at once (suggest and
 * auto modes); then triage, the reply (sent from the knowledge base only in auto mode above the
 * threshold, else an internal suggestion) and the refund are governed.
 */
export const supportTriage = inngest.createFunction(
  {
    id: "support-triage",
    triggers: [ticketReceived],
    ...governedFlowControl(),
  },
  async ({ event, step }) => {
    const { orgId, workflowId, intakeItemId, requesterId } = event.data;
    const started = await beginIntakeRun(step, event);
    if (started.status !== "started") return started;
    const { runId, versionId, timeout } = started;

    const item = await step.run("load-ticket", () =>
      loadIntakeItem({ orgId, runId, versionId, intakeItemId, kind: "ticket" }),
    );
    const settings = ZSupportTriageSettings.parse(item.settings);
    const rules = pinnedVersion(item.prompts, "support-triage.rules", SUPPORT_RULES_VERSION);
    const compute = <T>(
      name: string,
      input: unknown,
      run: () => Promise<T> | T,
      confidence?: (r: T) => number | null,
    ) => step.run(name, () => computeStep({ orgId, runId, name, version: rules, input, run, confidence }));
    const ai = (name: string, request: Parameters<typeof runAiStep>[0]["request"]) =>
      step.run(name, () => runAiStep({ orgId, runId, workflowId, prompts: item.prompts, step: name, request }));

    const ticket = await compute("create-ticket", { intakeItemId }, () =>
      createTicketFromItem({ orgId, intakeItemId, payload: item.payload }),
    );
    const tier = item.payload.customer_tier ?? "standard";
    const text = `${item.payload.subject}\n\n${item.payload.body}`;
    const category = label(await ai("classify-category", { kind: "classify", task: "support.category", text }));
    const urgency = label(
      await ai("classify-urgency", {
        kind: "classify",
        task: "support.urgency",
        text,
        context: { tier: tier === "vip" ? "enterprise" : tier, slaHours: SLA_HOURS[tier] ?? 24 },
      }),
    );
    const sentiment = label(await ai("classify-sentiment", { kind: "classify", task: "support.sentiment", text }));

    const skill = skillFor(category?.label ?? "other");
    const context = await step.run("load-helpdesk", () => helpdeskContext(orgId));
    const route = await compute("route-ticket", { category: category?.label, skill }, () =>
      routeTicket({
        category: category?.label ?? "other",
        skill,
        queues: context.queues,
        agents: context.agents,
        openTickets: context.openTickets,
      }),
    );
    const kb = await compute(
      "match-knowledge-base",
      { category: category?.label },
      () => matchKnowledgeBase({ text, category: category?.label ?? "other", answers: context.answers }),
      (r) => r?.score ?? null,
    );
    const refund = await compute("detect-refund", { category: category?.label }, () =>
      detectRefund(text, category?.label ?? "other"),
    );

    if (urgency?.label === "urgent") {
      await compute("notify-urgent", { mode: item.mode, queue: route.queueName }, async () => {
        const recipients = [...route.agentEmails, ...settings.urgentNotify];
        // Shadow mode changes nothing and alerts nobody: it records whom it would have told.
        if (item.mode !== "suggest" && item.mode !== "auto") return { notified: [], wouldNotify: recipients };
        const slug = await withScope({ orgId }, (tx) =>
          tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { slug: true } }),
        );
        return notifyUrgentTicket({
          orgId,
          ticketId: ticket.ticketId,
          subject: item.payload.subject,
          queueName: route.queueName,
          recipients,
          link: `${env.APP_URL}/o/${encodeURIComponent(slug.slug)}/records/helpdesk.ticket/${ticket.ticketId}`,
        });
      });
    }

    const facts = {
      ticketId: ticket.ticketId,
      ticket: {
        subject: item.payload.subject,
        body: item.payload.body,
        customer_email: item.payload.from,
        customer_tier: tier,
      },
      category,
      urgency,
      sentiment,
      skill,
      route,
      kb,
      refund,
      mode: item.mode,
      kbAutoAnswer: settings.kbAutoAnswer,
      teamName: settings.teamName,
    };
    const draft =
      kb === null
        ? await ai("draft-reply", {
            kind: "draft",
            template: category?.label ?? "other",
            variables: {
              customer_name: item.payload.from_name?.split(" ")[0] ?? "there",
              agent_name: route.agentName ?? settings.teamName,
              sla: `${SLA_HOURS[tier] ?? 24} hours`,
            },
            text,
          })
        : null;
    const triage = await compute("plan-triage", { category: category?.label, kb: kb?.answerId }, () =>
      planTriage({
        ...facts,
        draft:
          draft?.status === "ok" && "body" in draft.output
            ? { body: draft.output.body, confidence: draft.confidence }
            : null,
        ids: { email: randomUUID(), reply: randomUUID() },
      }),
    );
    const outcomes = await governActions({
      step,
      orgId,
      workflowId,
      runId,
      requesterId,
      timeout,
      actions: triage,
      prefix: "triage",
    });

    const emailIndex = triage.findIndex((a) => a.kind === "outbound_message");
    let replyOutcome: string | null = null;
    if (kb && emailIndex !== -1 && autoAnswers(facts) && outcomes[emailIndex] === "executed") {
      const sent = triage[emailIndex]!;
      const reply = await compute("plan-sent-reply", { email: sent.recordId }, () =>
        planSentReply({
          ticketId: ticket.ticketId,
          replyId: randomUUID(),
          body: (sent.newValue as { text: string }).text,
          kbAnswerId: kb.answerId,
          sentAt: new Date().toISOString(),
        }),
      );
      const [outcome] = await governActions({
        step,
        orgId,
        workflowId,
        runId,
        requesterId,
        timeout,
        actions: [reply],
        prefix: "reply",
      });
      replyOutcome = outcome ?? null;
    }
    const output = { ticketId: ticket.ticketId, triage: outcomes, reply: replyOutcome };
    await step.run("finish-run", () => setRunStatus(orgId, runId, "completed", { output }));
    return { status: "completed", runId, ...output };
  },
);
