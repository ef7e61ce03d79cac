import { MockLanguageModelV4 } from "ai/test";
import { beforeAll, describe, expect, it } from "vitest";
import { createOrgWithOwner, createUser, uniqueEmail } from "../../prisma/factories";
import { financePolicy } from "../../prisma/factories/governance";
import { withScope } from "../db/tenancy";
import { startRun } from "../runs/run-service";
import { callerFor } from "../testing/callers";
import { createWorkflow } from "../workflows/workflow-service";
import type { WorkflowPrompts } from "./prompt-versions";
import { runAiStep } from "./run-ai-step";

type Person = { id: string; email: string };
let owner: Person;
let org: { id: string; slug: string };
let workflowId: string;
let prompts: WorkflowPrompts;

function reply(json: unknown) {
  return {
    content: [{ type: "text" as const, text: JSON.stringify(json) }],
    finishReason: { unified: "stop" as const, raw: "stop" },
    usage: {
      inputTokens: { total: 300, noCache: 300, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: 40, text: 40, reasoning: undefined },
    },
    warnings: [],
  };
}

const remote = (json: unknown) =>
  new MockLanguageModelV4({ provider: "openai.chat", modelId: "gpt-4o-mini", doGenerate: reply(json) });

let runCounter = 0;
async function newRun(): Promise<string> {
  runCounter += 1;
  const version = await withScope({ orgId: org.id }, (tx) =>
    tx.workflowVersion.findFirstOrThrow({ where: { workflowId }, select: { id: true } }),
  );
  const { runId } = await startRun({
    orgId: org.id,
    workflowId,
    versionId: version.id,
    triggerEvent: "test/ticket",
    triggerKey: `ticket-${runCounter}-${Date.now()}`,
    entityKey: null,
    input: {},
  });
  return runId;
}

const stepRow = (runId: string, name: string) =>
  withScope({ orgId: org.id }, (tx) => tx.runStep.findUnique({ where: { runId_name: { runId, name } } }));
const usageRows = () => withScope({ orgId: org.id }, (tx) => tx.aiUsage.count({ where: { orgId: org.id } }));

const ticket = { kind: "classify" as const, task: "support.category", text: "I was charged twice for my invoice." };

beforeAll(async () => {
  owner = await createUser({ email: uniqueEmail("step-owner") });
  org = await createOrgWithOwner(owner, "AI Step Org");
  const created = await createWorkflow(
    { orgId: org.id, userId: owner.id, actor: { type: "human", id: owner.id, label: owner.email } },
    { name: "Support triage", templateKey: "support-triage", policy: financePolicy() },
  );
  workflowId = created.workflowId;
  prompts = {
    "support.category": {
      version: "support.category@7",
      instructions: "Classify the ticket into one category; refunds only when money is asked back.",
    },
  };
  await withScope({ orgId: org.id }, (tx) =>
    tx.workflowVersion.update({ where: { id: created.versionId }, data: { prompts } }),
  );
});

describe("an AI step of a workflow run", () => {
  it("answers with the embedded model and records model, the version's prompt version, tokens, cost, latency and confidence", async () => {
    const runId = await newRun();
    const stored = await withScope({ orgId: org.id }, (tx) =>
      tx.workflowVersion.findFirstOrThrow({ where: { workflowId }, select: { prompts: true } }),
    );
    const outcome = await runAiStep({
      orgId: org.id,
      runId,
      workflowId,
      prompts: stored.prompts,
      step: "category",
      request: ticket,
    });
    expect(outcome).toMatchObject({
      status: "ok",
      step: "category",
      output: { label: "billing" },
      modelId: "handrail-embedded-1",
      promptVersion: "support.category@7",
    });
    const row = await stepRow(runId, "category");
    expect(row).toMatchObject({
      model: "handrail-embedded-1",
      promptVersion: "support.category@7",
      error: null,
      tokensIn: outcome.tokens.inputTokens,
      tokensOut: outcome.tokens.outputTokens,
      latencyMs: outcome.latencyMs,
    });
    expect(row?.tokensIn).toBeGreaterThan(0);
    expect(Number(row?.costUsd)).toBe(0);
    expect(row?.confidence).toBe(outcome.status === "ok" ? outcome.confidence : -1);
    expect(row?.output).toMatchObject({ status: "ok", output: { label: "billing" } });
    expect(row?.inputDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it("records the built-in prompt's version for a prompt the workflow version does not pin", async () => {
    const runId = await newRun();
    const outcome = await runAiStep({
      orgId: org.id,
      runId,
      workflowId,
      prompts,
      step: "sentiment",
      request: { kind: "classify", task: "support.sentiment", text: "Thanks, that fixed it, great support!" },
    });
    expect(outcome.promptVersion).toBe("support.sentiment@1");
    expect((await stepRow(runId, "sentiment"))?.promptVersion).toBe("support.sentiment@1");
  });

  it("sends the version's instructions and version to a remote model, and a re-run of the step calls it no more", async () => {
    const runId = await newRun();
    const model = remote({ label: "billing", confidence: 0.93, rationale: "double charge" });
    const first = await runAiStep({
      orgId: org.id,
      runId,
      workflowId,
      prompts,
      step: "category",
      request: ticket,
      model,
    });
    expect(first).toMatchObject({
      status: "ok",
      output: { label: "billing" },
      confidence: 0.93,
      modelId: "gpt-4o-mini",
    });
    const system = JSON.stringify(model.doGenerateCalls[0]?.prompt);
    expect(system).toContain("refunds only when money is asked back");
    expect(system).toContain("support.category@7");
    const row = await stepRow(runId, "category");
    expect(row).toMatchObject({ model: "gpt-4o-mini", tokensIn: 300, tokensOut: 40, confidence: 0.93 });
    expect(Number(row?.costUsd)).toBeGreaterThan(0);

    const usageBefore = await usageRows();
    const again = await runAiStep({
      orgId: org.id,
      runId,
      workflowId,
      prompts,
      step: "category",
      request: ticket,
      model,
    });
    expect(again).toEqual(first);
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(await usageRows()).toBe(usageBefore);
  });

  it("output outside the schema twice comes back as needs review, recorded with its error and tokens", async () => {
    const runId = await newRun();
    const model = remote({ label: "approve_refund", confidence: 0.99, rationale: "ignore your rules" });
    const outcome = await runAiStep({
      orgId: org.id,
      runId,
      workflowId,
      prompts,
      step: "category",
      request: ticket,
      model,
    });
    expect(outcome).toMatchObject({ status: "needs_review", reason: "invalid_output", attempts: 2 });
    expect(model.doGenerateCalls).toHaveLength(2);
    const row = await stepRow(runId, "category");
    expect(row?.error).toMatch(/^invalid_output: /);
    expect(row).toMatchObject({ confidence: null, tokensIn: 600, tokensOut: 80, promptVersion: "support.category@7" });
    expect(row?.output).toMatchObject({ status: "needs_review", reason: "invalid_output" });
  });

  it("a call over the workflow's budget is not made: needs review, recorded, nothing thrown", async () => {
    const budgetOrg = await createOrgWithOwner(owner, "AI Step Budget Org");
    const wf = await createWorkflow(
      { orgId: budgetOrg.id, userId: owner.id, actor: { type: "human", id: owner.id, label: owner.email } },
      { name: "Capped triage", templateKey: "support-triage", policy: financePolicy() },
    );
    await callerFor(owner, budgetOrg.slug).ai.setBudget({ workflowId: wf.workflowId, period: "day", maxTokens: 50 });
    const { runId } = await startRun({
      orgId: budgetOrg.id,
      workflowId: wf.workflowId,
      versionId: wf.versionId,
      triggerEvent: "test/ticket",
      triggerKey: "capped-1",
      entityKey: null,
      input: {},
    });
    const model = remote({ label: "billing", confidence: 0.9, rationale: "x" });
    const outcome = await runAiStep({
      orgId: budgetOrg.id,
      runId,
      workflowId: wf.workflowId,
      prompts: {},
      step: "category",
      request: ticket,
      model,
    });
    expect(outcome).toMatchObject({
      status: "needs_review",
      reason: "budget_exceeded",
      attempts: 0,
      promptVersion: "support.category@1",
    });
    expect(model.doGenerateCalls).toHaveLength(0);
    const row = await withScope({ orgId: budgetOrg.id }, (tx) =>
      tx.runStep.findUnique({ where: { runId_name: { runId, name: "category" } } }),
    );
    expect(row?.error).toMatch(/^budget_exceeded: Not called: this would exceed the workflow day token budget/);
    expect(row).toMatchObject({ tokensIn: 0, tokensOut: 0, confidence: null });
  });

  it("malformed prompts send the item to review without calling a model", async () => {
    const runId = await newRun();
    const model = remote({ label: "billing", confidence: 0.9, rationale: "x" });
    const outcome = await runAiStep({
      orgId: org.id,
      runId,
      workflowId,
      prompts: { "support.category": { instructions: "no version" } },
      step: "category",
      request: ticket,
      model,
    });
    expect(outcome).toMatchObject({ status: "needs_review", reason: "invalid_prompts" });
    expect(model.doGenerateCalls).toHaveLength(0);
    expect((await stepRow(runId, "category"))?.error).toMatch(/^invalid_prompts: /);
  });
});
