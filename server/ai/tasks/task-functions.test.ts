import { describe, expect, it } from "vitest";
import { createEmbeddedLanguageModel } from "../embedded/embedded-provider";
import { classify, draft, extract, score, summarise } from "./task-functions";

const call = { model: createEmbeddedLanguageModel() };

describe("task functions on the embedded provider (through generateText + Output.object)", () => {
  it("classifies a ticket with calibrated confidence and full metadata", async () => {
    const result = await classify(call, {
      kind: "classify",
      task: "support.category",
      text: "I was charged twice for my subscription this month, please check my invoice.",
    });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.output.label).toBe("billing");
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.rationale).toMatch(/billing/);
    expect(result.modelId).toBe("handrail-embedded-1");
    expect(result.promptVersion).toBe("support.category@1");
    expect(result.tokens.inputTokens).toBeGreaterThan(0);
    expect(result.costUsd).toBe(0);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("uses tier and SLA for urgency, not text alone", async () => {
    const text = "The API returns 502 bad gateway intermittently.";
    const free = await classify(call, {
      kind: "classify",
      task: "support.urgency",
      text,
      context: { tier: "free", slaHours: 72 },
    });
    const enterprise = await classify(call, {
      kind: "classify",
      task: "support.urgency",
      text,
      context: { tier: "enterprise", slaHours: 1 },
    });
    expect(free.status === "ok" && free.output.label).toBe("normal");
    expect(enterprise.status === "ok" && enterprise.output.label).toBe("urgent");
  });

  it("classifies zero-shot for labels no template ships", async () => {
    const result = await classify(call, {
      kind: "classify",
      task: "custom.topic",
      labels: ["shipping delay", "product quality"],
      text: "My parcel still hasn't arrived after two weeks, where is my delivery?",
    });
    expect(result.status === "ok" && result.output.label).toBe("shipping delay");
    expect(result.status === "ok" && result.confidence).toBeLessThanOrEqual(0.7);
  });

  it("extracts invoice fields as ISO dates, currency code and number", async () => {
    const text =
      "From: Nordlicht GmbH\nInvoice No. NL26/114\nDate: 03.02.2026\nPayment due: 5 March 2026\nPurchase order: PO-55120\nTotal due: 1.234,50 EUR";
    const result = await extract(call, { kind: "extract", task: "invoice.extract", text });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.output.fields).toEqual({
      vendor: "Nordlicht GmbH",
      invoice_number: "NL26/114",
      invoice_date: "2026-02-03",
      due_date: "2026-03-05",
      currency: "EUR",
      total: 1234.5,
      po_number: "PO-55120",
    });
    expect(result.confidence).toBeGreaterThan(0.9);
  });

  it("scores, drafts from a template and summarises", async () => {
    const lead = await score(call, {
      kind: "score",
      text: "I'm the CTO, we have budget approved and need a pilot this month for 120 employees.",
    });
    expect(lead.status === "ok" && lead.output.score).toBe(100);
    const reply = await draft(call, {
      kind: "draft",
      template: "refund",
      variables: { customer_name: "Ana", sla: "24 hours", ticket_ref: "T-9" },
    });
    expect(reply.status === "ok" && reply.output.subject).toBe("Your refund request (T-9)");
    expect(reply.status === "ok" && reply.output.body).toContain("Hi Ana");
    const summary = await summarise(call, {
      kind: "summarise",
      text: "Our dashboard has been slow for a week. Pages take ten seconds to load. The weather is nice. We need the dashboard fixed before the board meeting.",
    });
    expect(summary.status === "ok" && summary.output.summary).toMatch(/dashboard/);
  });
});
