import type { ActionProposal } from "../lead-routing/plan-actions";
import { emailDomain } from "../free-mail-domains";
import type { KbMatch } from "./kb-match";
import type { RefundRequest } from "./refund";
import type { TicketRoute } from "./routing";

export type Classified = { label: string; confidence: number } | null;

export type TicketFacts = {
  ticketId: string;
  ticket: { subject: string; body: string; customer_email: string | null; customer_tier: string };
  category: Classified;
  urgency: Classified;
  sentiment: Classified;
  skill: string;
  route: TicketRoute;
  kb: KbMatch | null;
  refund: RefundRequest | null;
  draft: { body: string; confidence: number } | null;
  mode: string;
  kbAutoAnswer: number;
  teamName: string;
  ids: { email: string; reply: string };
};

const round = (n: number) => Math.round(n * 100) / 100;

/** Flags that send a public reply or a refund to a person: VIP customers and angry ones. */
export function customerFlags(facts: Pick<TicketFacts, "ticket" | "sentiment">): string[] {
  return [
    ...(facts.ticket.customer_tier === "vip" ? ["vip"] : []),
    ...(facts.sentiment?.label === "negative" ? ["negative_sentiment"] : []),
  ];
}

/** Whether the knowledge-base answer goes to the customer on its own (auto mode, above threshold). */
export function autoAnswers(facts: Pick<TicketFacts, "kb" | "mode" | "kbAutoAnswer" | "ticket">): boolean {
  return Boolean(
    facts.kb && facts.ticket.customer_email && facts.mode === "auto" && facts.kb.score >= facts.kbAutoAnswer,
  );
}

/**
 * Triage as actions on the ticket: category, urgency, sentiment, skill, queue and agent; the
 * knowledge-base answer (sent in auto mode above the threshold, else kept as an internal
 * suggestion); the refund or credit asked for, with its amount, so the policy's amount tiers decide.
 */
export function planTriage(facts: TicketFacts): ActionProposal[] {
  const actions: ActionProposal[] = [];
  const write = (field: string, newValue: unknown, confidence: number, reason: string): ActionProposal => ({
    kind: "field_write",
    recordType: "helpdesk.ticket",
    recordId: facts.ticketId,
    field,
    newValue,
    confidence: round(confidence),
    reason,
  });
  const { category, urgency, sentiment, route } = facts;
  if (category) {
    actions.push(write("category", category.label, category.confidence, `Classified as ${category.label}.`));
    actions.push(
      write("skill", facts.skill, category.confidence, `${category.label} tickets need the ${facts.skill} skill.`),
    );
    if (route.queueId) actions.push(write("queue", route.queueId, category.confidence, route.reason));
    if (route.agentId) actions.push(write("assignee", route.agentId, category.confidence, route.reason));
  }
  if (urgency) actions.push(write("urgency", urgency.label, urgency.confidence, `Urgency ${urgency.label}.`));
  if (sentiment)
    actions.push(write("sentiment", sentiment.label, sentiment.confidence, `Sentiment ${sentiment.label}.`));

  const flags = customerFlags(facts);
  const email = facts.ticket.customer_email;
  if (facts.kb && email && autoAnswers(facts)) {
    actions.push({
      kind: "outbound_message",
      recordType: "outbound.email",
      recordId: facts.ids.email,
      field: "*",
      newValue: {
        to: email,
        subject: `Re: ${facts.ticket.subject}`,
        text: `${facts.kb.answer}\n\n${facts.teamName}`,
        related_type: "helpdesk.ticket",
        related_id: facts.ticketId,
        kb_answer_id: facts.kb.answerId,
      },
      reason: `Routine question answered from the knowledge base. ${facts.kb.reason}`,
      confidence: facts.kb.score,
      accountFlags: flags,
      subjects: [email, emailDomain(email)],
    });
  } else if (facts.kb || facts.draft) {
    actions.push({
      kind: "create_record",
      recordType: "helpdesk.reply",
      recordId: facts.ids.reply,
      field: "*",
      newValue: {
        ticket_id: facts.ticketId,
        body: facts.kb ? facts.kb.answer : facts.draft!.body,
        author: "Handrail (suggested reply)",
        public: false,
        kb_answer_id: facts.kb?.answerId ?? null,
      },
      reason: facts.kb
        ? `Suggested answer for the agent (not sent: ${facts.mode === "auto" ? `match ${facts.kb.score} is below ${facts.kbAutoAnswer}` : `${facts.mode} mode`}). ${facts.kb.reason}`
        : "Suggested reply for the agent (internal note, not sent).",
      confidence: round(facts.kb ? facts.kb.score : facts.draft!.confidence),
    });
  }
  if (facts.refund) {
    actions.push({
      ...write(
        "refund_amount",
        facts.refund.amount,
        category?.label === "refund" ? Math.max(category.confidence, 0.85) : 0.75,
        `The customer asks for a ${facts.refund.kind} of ${facts.refund.evidence}.`,
      ),
      amount: facts.refund.amount,
      accountFlags: flags,
    });
  }
  return actions;
}

/** After the knowledge-base answer went out: the public reply on the ticket. */
export function planSentReply(input: {
  ticketId: string;
  replyId: string;
  body: string;
  kbAnswerId: string;
  sentAt: string;
}): ActionProposal {
  return {
    kind: "create_record",
    recordType: "helpdesk.reply",
    recordId: input.replyId,
    field: "*",
    newValue: {
      ticket_id: input.ticketId,
      body: input.body,
      author: "Handrail (knowledge base)",
      public: true,
      kb_answer_id: input.kbAnswerId,
      sent_at: input.sentAt,
    },
    reason: "Records the knowledge-base answer sent to the customer.",
    confidence: 0.99,
  };
}
