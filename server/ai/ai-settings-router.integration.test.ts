import { beforeAll, describe, expect, it } from "vitest";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../prisma/factories";
import { financePolicy } from "../../prisma/factories/governance";
import { Prisma } from "../db/generated/client";
import { withScope } from "../db/tenancy";
import { auditEntries } from "../testing/integration";
import { callerFor } from "../testing/callers";
import { createWorkflow } from "../workflows/workflow-service";
import { budgetOverview } from "./budget-service";

type Person = { id: string; email: string };
let owner: Person;
let admin: Person;
const denied = {} as Record<"builder" | "approver" | "operator" | "auditor", Person>;
let org: { id: string; slug: string };
let other: { id: string; slug: string; owner: Person; workflowId: string };
let workflowId: string;

async function workflowIn(orgId: string, author: Person, name: string): Promise<string> {
  const created = await createWorkflow(
    { orgId, userId: author.id, actor: { type: "human", id: author.id, label: author.email } },
    { name, templateKey: "support-triage", policy: financePolicy() },
  );
  return created.workflowId;
}

beforeAll(async () => {
  owner = await createUser({ email: uniqueEmail("ais-owner") });
  org = await createOrgWithOwner(owner, "AI Settings Org");
  admin = await createUser({ email: uniqueEmail("ais-admin") });
  await addMember({ orgId: org.id, user: admin, role: "admin" });
  for (const role of ["builder", "approver", "operator", "auditor"] as const) {
    denied[role] = await createUser({ email: uniqueEmail(`ais-${role}`) });
    await addMember({ orgId: org.id, user: denied[role], role });
  }
  workflowId = await workflowIn(org.id, owner, "Support triage");
  const otherOwner = await createUser({ email: uniqueEmail("ais-other") });
  const otherOrg = await createOrgWithOwner(otherOwner, "Other AI Settings Org");
  other = { ...otherOrg, owner: otherOwner, workflowId: await workflowIn(otherOrg.id, otherOwner, "Theirs") };
});

describe("who may configure AI", () => {
  const calls = {
    settings: (c: ReturnType<typeof callerFor>) => c.ai.settings(),
    updateSettings: (c: ReturnType<typeof callerFor>) => c.ai.updateSettings({ provider: "embedded" }),
    testConnection: (c: ReturnType<typeof callerFor>) => c.ai.testConnection(),
    budgets: (c: ReturnType<typeof callerFor>) => c.ai.budgets(),
    setBudget: (c: ReturnType<typeof callerFor>) => c.ai.setBudget({ period: "day", maxTokens: 10 }),
    removeBudget: (c: ReturnType<typeof callerFor>) => c.ai.removeBudget({ id: "nope" }),
  };

  it.each(["builder", "approver", "operator", "auditor"] as const)(
    "refuses a %s every settings and budget procedure, and audits the denial",
    async (role) => {
      const caller = callerFor(denied[role], org.slug);
      for (const [name, call] of Object.entries(calls)) {
        await expect(call(caller), name).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      const denials = await auditEntries({ chainKey: org.id, action: "access.denied", actorId: denied[role].id });
      expect(denials.map((d) => (d.data as { procedure: string }).procedure).sort()).toEqual(
        Object.keys(calls)
          .map((n) => `ai.${n}`)
          .sort(),
      );
    },
  );

  it("answers NOT_FOUND to members of another organisation and UNAUTHORIZED without a session", async () => {
    for (const [name, call] of Object.entries(calls)) {
      await expect(call(callerFor(other.owner, org.slug)), name).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(call(callerFor(null, org.slug)), name).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
  });

  it("lets an admin change the provider and read budgets", async () => {
    const caller = callerFor(admin, org.slug);
    expect((await caller.ai.updateSettings({ provider: "anthropic", model: "claude-haiku-4-5" })).provider).toBe(
      "anthropic",
    );
    expect((await caller.ai.budgets()).workflows).toEqual([{ id: workflowId, name: "Support triage" }]);
    await caller.ai.updateSettings({ provider: "embedded" });
  });

  it("refuses an OpenAI-compatible provider without a base URL, naming the field", async () => {
    await expect(
      callerFor(owner, org.slug).ai.updateSettings({ provider: "openai_compatible", model: "llama3.1" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("baseUrl") as unknown });
  });
});

describe("budgets with their usage", () => {
  it("starts empty, then shows each budget against what its scope spent this UTC day or month", async () => {
    const caller = callerFor(owner, org.slug);
    expect(await caller.ai.budgets()).toMatchObject({
      budgets: [],
      usage: { day: { tokens: 0, costUsd: 0 }, month: { tokens: 0, costUsd: 0 } },
    });
    await caller.ai.setBudget({ period: "day", maxTokens: 10_000 });
    await caller.ai.setBudget({ workflowId, period: "month", maxCostUsd: 5 });

    const now = new Date("2026-03-15T12:00:00Z");
    const usage = (at: string, workflow: string | null, tokens: number, cost: string) => ({
      orgId: org.id,
      workflowId: workflow,
      task: "support.category",
      modelId: "gpt-4o-mini",
      inputTokens: tokens,
      outputTokens: 10,
      costUsd: new Prisma.Decimal(cost),
      createdAt: new Date(at),
    });
    await withScope({ orgId: org.id }, (tx) =>
      tx.aiUsage.createMany({
        data: [
          usage("2026-03-15T09:00:00Z", null, 100, "0.01"), // today, no workflow
          usage("2026-03-15T00:00:00Z", workflowId, 200, "0.02"), // today, the workflow
          usage("2026-03-14T23:59:59Z", workflowId, 400, "0.04"), // this month, not today
          usage("2026-02-28T12:00:00Z", workflowId, 800, "0.08"), // last month
        ],
      }),
    );
    const overview = await withScope({ orgId: org.id }, (tx) => budgetOverview(tx, org.id, now));
    expect(overview.usage).toEqual({ day: { tokens: 320, costUsd: 0.03 }, month: { tokens: 730, costUsd: 0.07 } });
    expect(overview.budgets).toEqual([
      expect.objectContaining({
        workflowId: null,
        workflowName: null,
        period: "day",
        maxTokens: 10_000,
        used: { tokens: 320, costUsd: 0.03 },
      }),
      expect.objectContaining({
        workflowId,
        workflowName: "Support triage",
        period: "month",
        maxCostUsd: 5,
        used: { tokens: 620, costUsd: 0.06 },
      }),
    ]);
  });

  it("replaces the cap for the same scope and period instead of adding another", async () => {
    const caller = callerFor(owner, org.slug);
    const first = await caller.ai.setBudget({ workflowId, period: "day", maxTokens: 500 });
    const second = await caller.ai.setBudget({ workflowId, period: "day", maxTokens: 900, maxCostUsd: 1.5 });
    expect(second.id).toBe(first.id);
    const budget = (await caller.ai.budgets()).budgets.find((b) => b.id === first.id);
    expect(budget).toMatchObject({ maxTokens: 900, maxCostUsd: 1.5 });
  });

  it("refuses a budget with no cap, and one for a workflow the organisation does not have", async () => {
    const caller = callerFor(owner, org.slug);
    await expect(caller.ai.setBudget({ period: "day" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.ai.setBudget({ period: "day", maxTokens: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.ai.setBudget({ workflowId: other.workflowId, period: "day", maxTokens: 10 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("removes a budget with an audit entry; another organisation's budget cannot be removed", async () => {
    const caller = callerFor(owner, org.slug);
    const { id } = await caller.ai.setBudget({ period: "month", maxTokens: 1_000_000 });
    await caller.ai.removeBudget({ id });
    expect((await caller.ai.budgets()).budgets.map((b) => b.id)).not.toContain(id);
    const removed = await auditEntries({ chainKey: org.id, action: "ai.budget_removed" });
    expect(removed.at(-1)).toMatchObject({ targetId: id, data: { workflowId: null, period: "month" } });

    const theirs = await callerFor(other.owner, other.slug).ai.setBudget({ period: "day", maxTokens: 10 });
    await expect(caller.ai.removeBudget({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await callerFor(other.owner, other.slug).ai.budgets()).budgets).toHaveLength(1);
  });
});
