import { describe, expect, it } from "vitest";
import { KB_ANSWERS } from "./sample-data";
import { matchKnowledgeBase } from "./kb-match";
import { detectRefund } from "./refund";
import { routeTicket, skillFor } from "./routing";

const row = (id: string, data: Record<string, unknown>) => ({ id, data });
const kb = KB_ANSWERS.map((a) => row(a.key, { ...a, keywords: [...a.keywords] }));

describe("knowledge-base match", () => {
  it("finds the answer a routine question asks for", () => {
    const m = matchKnowledgeBase({
      text: "I forgot my password, how do I reset my password?",
      category: "account_access",
      answers: kb,
    });
    expect(m?.answerId).toBe("reset-password");
    expect(m!.score).toBeGreaterThanOrEqual(0.8);
  });

  it("scores an unrelated ticket low", () => {
    const m = matchKnowledgeBase({ text: "The whole app is down for all users", category: "technical", answers: kb });
    expect(m?.score ?? 0).toBeLessThan(0.5);
  });
});

describe("refund detection", () => {
  it("reads the amount asked for", () => {
    expect(detectRefund("Please refund $1,250.50 for the unused seats", "billing")).toMatchObject({
      amount: 1250.5,
      currency: "USD",
      kind: "refund",
    });
    expect(detectRefund("Can we get a credit of 40 EUR?", "billing")).toMatchObject({
      amount: 40,
      currency: "EUR",
      kind: "credit",
    });
  });

  it("ignores amounts that are not a refund request", () => {
    expect(detectRefund("Our plan costs $99 per month, how do I add a user?", "how_to")).toBeNull();
  });
});

describe("queue and agent routing", () => {
  const queues = [
    row("q1", { name: "Billing", categories: ["billing", "refund"], skills: ["billing"] }),
    row("q2", { name: "Technical", categories: ["technical"], skills: ["technical"] }),
  ];
  const agents = [
    row("a1", { name: "Ann", email: "ann@x.example", queue: "q1", skills: ["billing"], available: true }),
    row("a2", { name: "Bob", email: "bob@x.example", queue: "q1", skills: ["billing"], available: true }),
    row("a3", { name: "Cy", email: "cy@x.example", queue: "q2", skills: ["technical"], available: false }),
  ];

  it("routes by category to the least busy skilled agent", () => {
    const r = routeTicket({
      category: "refund",
      skill: skillFor("refund"),
      queues,
      agents,
      openTickets: { a1: 3, a2: 1 },
    });
    expect(r).toMatchObject({ queueId: "q1", agentId: "a2" });
    expect(r.agentEmails).toEqual(["ann@x.example", "bob@x.example"]);
  });

  it("leaves a ticket in the queue when no skilled agent is available", () => {
    expect(routeTicket({ category: "technical", skill: "technical", queues, agents, openTickets: {} })).toMatchObject({
      queueId: "q2",
      agentId: null,
    });
  });
});
