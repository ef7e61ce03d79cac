import { MockLanguageModelV4 } from "ai/test";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../prisma/factories";
import { financePolicy } from "../../prisma/factories/governance";
import { withScope } from "../db/tenancy";
import { auditEntries } from "../testing/integration";
import { callerFor, withAdminClient } from "../testing/callers";
import { createWorkflow } from "../workflows/workflow-service";
import { runOrgTask } from "./ai-service";

type Person = { id: string; email: string };
let owner: Person;
let builder: Person;
let approver: Person;
let org: { id: string; slug: string };
let otherOrg: { id: string; slug: string };

function reply(json: unknown) {
  return {
    content: [{ type: "text" as const, text: JSON.stringify(json) }],
    finishReason: { unified: "stop" as const, raw: "stop" },
    usage: {
      inputTokens: { total: 400, noCache: 400, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: 60, text: 60, reasoning: undefined },
    },
    warnings: [],
  };
}

async function workflowIn(orgId: string, name: string): Promise<string> {
  const created = await createWorkflow(
    { orgId, userId: owner.id, actor: { type: "human", id: owner.id, label: owner.email } },
    { name, templateKey: "support-triage", policy: financePolicy() },
  );
  return created.workflowId;
}

beforeAll(async () => {
  owner = await createUser({ email: uniqueEmail("ai-owner") });
  org = await createOrgWithOwner(owner, "AI Org");
  builder = await createUser({ email: uniqueEmail("ai-builder") });
  approver = await createUser({ email: uniqueEmail("ai-approver") });
  await addMember({ orgId: org.id, user: builder, role: "builder" });
  await addMember({ orgId: org.id, user: approver, role: "approver", approvalDomains: ["support"] });
  const stranger = await createUser({ email: uniqueEmail("ai-stranger") });
  otherOrg = await createOrgWithOwner(stranger, "Other AI Org");
});

describe("per-organisation model settings", () => {
  it("defaults to the embedded provider and stores API keys encrypted, never returning them", async () => {
    const caller = callerFor(owner, org.slug);
    expect(await caller.ai.settings()).toMatchObject({ provider: "embedded", hasApiKey: false, redactPii: true });
    const view = await caller.ai.updateSettings({
      provider: "openai",
      model: "gpt-4o-mini",
      apiKey: "sk-test-secret-123",
    });
    expect(view).toEqual({ provider: "openai", model: "gpt-4o-mini", baseUrl: null, hasApiKey: true, redactPii: true });
    expect(JSON.stringify(await caller.ai.settings())).not.toContain("sk-test");
    const stored = await withAdminClient(
      async (c) =>
        (await c.query<{ k: string }>(`SELECT "apiKeyCiphertext" AS k FROM "AiSettings" WHERE "orgId" = $1`, [org.id]))
          .rows[0]?.k,
    );
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain("sk-test");
    // Omitting the key keeps it; null removes it.
    expect((await caller.ai.updateSettings({ provider: "openai", model: "gpt-4o" })).hasApiKey).toBe(true);
    expect((await caller.ai.updateSettings({ provider: "embedded", apiKey: null })).hasApiKey).toBe(false);
    const audits = await auditEntries({ chainKey: org.id, action: "ai.settings_updated" });
    expect(audits.length).toBe(3);
    expect(JSON.stringify(audits)).not.toContain("sk-test");
  });

  it("refuses roles without ai.settings and other organisations' members", async () => {
    await expect(callerFor(builder, org.slug).ai.settings()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(approver, org.slug).ai.updateSettings({ provider: "embedded" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(owner, otherOrg.slug).ai.settings()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("tests the connection: the embedded model answers; an unreachable endpoint's error is reported clearly", async () => {
    const caller = callerFor(owner, org.slug);
    await caller.ai.updateSettings({ provider: "embedded" });
    expect(await caller.ai.testConnection()).toMatchObject({ ok: true, modelId: "handrail-embedded-1" });
    await caller.ai.updateSettings({
      provider: "openai_compatible",
      baseUrl: "http://127.0.0.1:9/v1",
      model: "llama3.1",
    });
    const failed = await caller.ai.testConnection();
    expect(failed).toMatchObject({ ok: false, outcome: "provider_error" });
    expect(failed.message).toMatch(/^Connection failed: /);
    expect(failed.message).toMatch(/connect|fetch|ECONNREFUSED|Cannot/i);
    await caller.ai.updateSettings({ provider: "embedded" });
  });
});

describe("learning from reviewer corrections", () => {
  it("a corrected example changes the next answer on similar text, only for that organisation", async () => {
    const text = "Our tablets at the Leeds depot show the wrong delivery route after the morning sync.";
    const similar = "The tablets at our Leeds depot show the wrong delivery route after the morning sync again.";
    const before = await runOrgTask({ orgId: org.id }, { kind: "classify", task: "support.category", text: similar });
    expect(before.status).toBe("ok");
    const previous = before.status === "ok" ? (before.output as { label: string }).label : "";
    const corrected = previous === "other" ? "technical" : "other";

    await callerFor(approver, org.slug).ai.addExample({ task: "support.category", text, label: corrected });
    const after = await runOrgTask({ orgId: org.id }, { kind: "classify", task: "support.category", text: similar });
    expect(after.status === "ok" && after.output).toEqual({ label: corrected });
    expect(after.status === "ok" && after.rationale).toMatch(/reviewer-corrected/);

    const elsewhere = await runOrgTask(
      { orgId: otherOrg.id },
      { kind: "classify", task: "support.category", text: similar },
    );
    expect(elsewhere.status === "ok" && elsewhere.output).toEqual({ label: previous });
    expect(await auditEntries({ chainKey: org.id, action: "ai.example_added" })).toHaveLength(1);
  });

  it("a corrected extraction is applied to later invoices from the same source", async () => {
    const invoice = (n: string) =>
      `Acme Supplies\nInvoice No. ${n}\nDate: 2026-01-05\nDue date: 2026-02-04\nTotal due: $120.00`;
    const first = await runOrgTask(
      { orgId: org.id },
      { kind: "extract", task: "invoice.extract", text: invoice("A-1001") },
    );
    expect(first.status === "ok" && (first.output as { fields: { vendor: string } }).fields.vendor).toBe(
      "Acme Supplies",
    );
    await callerFor(approver, org.slug).ai.addExample({
      task: "invoice.extract",
      text: invoice("A-1001"),
      fields: { vendor: "Acme Supplies Ltd" },
    });
    const next = await runOrgTask(
      { orgId: org.id },
      { kind: "extract", task: "invoice.extract", text: invoice("A-1002") },
    );
    expect(
      next.status === "ok" && (next.output as { fields: { vendor: string; invoice_number: string } }).fields,
    ).toMatchObject({ vendor: "Acme Supplies Ltd", invoice_number: "A-1002" });
  });

  it("refuses labels outside the task's list", async () => {
    await expect(
      callerFor(approver, org.slug).ai.addExample({ task: "support.category", text: "x", label: "approve_refund" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("budgets", () => {
  it("a call that would exceed the budget is not made, goes to review, and alerts the owner once", async () => {
    const budgetOrg = await createOrgWithOwner(owner, "Budget Org");
    const wf1 = await workflowIn(budgetOrg.id, "Triage one");
    const wf2 = await workflowIn(budgetOrg.id, "Triage two");
    await callerFor(owner, budgetOrg.slug).ai.setBudget({ workflowId: wf1, period: "day", maxTokens: 1000 });
    const model = new MockLanguageModelV4({
      provider: "openai.chat",
      modelId: "gpt-4o-mini",
      doGenerate: reply({ label: "billing", confidence: 0.9, rationale: "invoice" }),
    });
    const ctx = { orgId: budgetOrg.id, workflowId: wf1, model };
    const request = { kind: "classify" as const, task: "support.category", text: "Please resend the invoice." };

    const first = await runOrgTask(ctx, request);
    expect(first.status).toBe("ok");
    expect(first.costUsd).toBeGreaterThan(0);
    const second = await runOrgTask(ctx, request);
    expect(second.status).toBe("ok");
    const third = await runOrgTask(ctx, request);
    expect(third).toMatchObject({ status: "needs_review", reason: "budget_exceeded", attempts: 0 });
    const fourth = await runOrgTask(ctx, request);
    expect(fourth.status).toBe("needs_review");
    expect(model.doGenerateCalls).toHaveLength(2);

    // Other workflows are not capped by the first one's budget.
    expect((await runOrgTask({ ...ctx, workflowId: wf2 }, request)).status).toBe("ok");

    const alerts = await auditEntries({ chainKey: budgetOrg.id, action: "ai.budget_exceeded" });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ actorType: "system", outcome: "denied" });
    const usage = await withScope({ orgId: budgetOrg.id }, (tx) =>
      tx.aiUsage.count({ where: { orgId: budgetOrg.id } }),
    );
    expect(usage).toBe(3);
  });

  it("caps money as well as tokens, per organisation per month", async () => {
    const moneyOrg = await createOrgWithOwner(owner, "Money Org");
    await callerFor(owner, moneyOrg.slug).ai.setBudget({ period: "month", maxCostUsd: 0.0001 });
    const model = new MockLanguageModelV4({
      provider: "openai.chat",
      modelId: "gpt-4o",
      doGenerate: reply({ label: "billing", confidence: 0.9, rationale: "x" }),
    });
    const result = await runOrgTask(
      { orgId: moneyOrg.id, model },
      { kind: "classify", task: "support.category", text: "invoice please" },
    );
    expect(result).toMatchObject({ status: "needs_review", reason: "budget_exceeded" });
    expect(model.doGenerateCalls).toHaveLength(0);
  });
});

describe("PII redaction before external providers", () => {
  it("sends placeholders out and restores the originals in the answer", async () => {
    const model = new MockLanguageModelV4({
      provider: "openai.chat",
      modelId: "gpt-4o-mini",
      doGenerate: reply({ summary: "[PERSON_1] ([EMAIL_1]) cannot log in.", confidence: 0.8, rationale: "short" }),
    });
    const text = "Hi, my name is Maria Lopez and I cannot log in. Reach me at maria@example.com or +44 20 7946 0958.";
    const result = await runOrgTask({ orgId: org.id, model }, { kind: "summarise", text });
    const sent = JSON.stringify(model.doGenerateCalls[0]?.prompt);
    expect(sent).not.toContain("maria@example.com");
    expect(sent).not.toContain("Maria Lopez");
    expect(sent).not.toContain("7946");
    expect(result.status === "ok" && result.output).toEqual({
      summary: "Maria Lopez (maria@example.com) cannot log in.",
    });
  });
});
