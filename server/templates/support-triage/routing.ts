import type { CrmRow } from "../lead-routing/identity";

/** The skill a category needs (the deterministic part of triage). */
export const CATEGORY_SKILLS: Record<string, string> = {
  billing: "billing",
  refund: "billing",
  technical: "technical",
  account_access: "access",
  feature_request: "product",
  how_to: "general",
  other: "general",
};

export function skillFor(category: string): string {
  return CATEGORY_SKILLS[category] ?? "general";
}

const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const str = (v: unknown) => (typeof v === "string" ? v : null);
const byName = (a: CrmRow, b: CrmRow) => (str(a.data.name) ?? "").localeCompare(str(b.data.name) ?? "");

export type TicketRoute = {
  queueId: string | null;
  queueName: string | null;
  agentId: string | null;
  agentName: string | null;
  agentEmails: string[];
  reason: string;
};

/**
 * Queue: the first (by name) whose categories include the category, else whose skills include the
 * skill. Agent: the available agent of that queue with the skill and the fewest open tickets.
 */
export function routeTicket(input: {
  category: string;
  skill: string;
  queues: CrmRow[];
  agents: CrmRow[];
  openTickets: Record<string, number>;
}): TicketRoute {
  const queues = [...input.queues].sort(byName);
  const queue =
    queues.find((q) => strs(q.data.categories).includes(input.category)) ??
    queues.find((q) => strs(q.data.skills).includes(input.skill));
  if (!queue) {
    return {
      queueId: null,
      queueName: null,
      agentId: null,
      agentName: null,
      agentEmails: [],
      reason: `No queue takes ${input.category} tickets.`,
    };
  }
  const members = input.agents.filter((a) => a.data.queue === queue.id);
  const skilled = members
    .filter((a) => a.data.available !== false && strs(a.data.skills).includes(input.skill))
    .sort((a, b) => (input.openTickets[a.id] ?? 0) - (input.openTickets[b.id] ?? 0) || byName(a, b));
  const agent = skilled[0] ?? null;
  const queueName = str(queue.data.name) ?? queue.id;
  return {
    queueId: queue.id,
    queueName,
    agentId: agent?.id ?? null,
    agentName: agent ? str(agent.data.name) : null,
    agentEmails: members.map((a) => str(a.data.email)).filter((e): e is string => Boolean(e)),
    reason: agent
      ? `${queueName} takes ${input.category}; ${str(agent.data.name)} has the ${input.skill} skill and the fewest open tickets.`
      : `${queueName} takes ${input.category}; no available agent has the ${input.skill} skill, so it waits in the queue.`,
  };
}
