import { execFileSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { fillSignIn, PASSWORD } from "./support/ui";

// Owners set this up from a phone too: every spec runs at 375 px wide.
test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

type Person = { email: string };
type Seeded = { slug: string; owner: Person; approver: Person; auditor: Person; workflowName: string };

/**
 * An organisation with an owner, an approver, an auditor, one workflow and some AI spend today,
 * made through the server's own factories in a child process with the test database's env.
 */
function seed(): Seeded {
  const script = `
    const tag = Math.random().toString(36).slice(2, 8);
    Promise.all([
      import("./prisma/factories/index.ts"),
      import("./prisma/factories/governance.ts"),
      import("./server/workflows/workflow-service.ts"),
      import("./server/db/tenancy.ts"),
      import("./server/db/generated/client.ts"),
    ]).then(async ([f, g, w, t, p]) => {
      const person = (role) => f.createUser({ email: role + "-" + tag + "@example.test", name: role, password: ${JSON.stringify(PASSWORD)} });
      const owner = await person("owner");
      const org = await f.createOrgWithOwner(owner, "AI Settings " + tag);
      const approver = await person("approver");
      await f.addMember({ orgId: org.id, user: approver, role: "approver", approvalDomains: ["support"] });
      const auditor = await person("auditor");
      await f.addMember({ orgId: org.id, user: auditor, role: "auditor" });
      const workflowName = "Support triage " + tag;
      const { workflowId } = await w.createWorkflow(
        { orgId: org.id, userId: owner.id, actor: { type: "human", id: owner.id, label: owner.email } },
        { name: workflowName, templateKey: "support-triage", policy: g.financePolicy() },
      );
      await t.withScope({ orgId: org.id }, (tx) =>
        tx.aiUsage.create({ data: { orgId: org.id, workflowId, task: "support.category", modelId: "gpt-4o-mini",
          inputTokens: 1200, outputTokens: 300, costUsd: new p.Prisma.Decimal("0.25") } }),
      );
      process.stdout.write("\\n" + JSON.stringify({ slug: org.slug, owner: { email: owner.email },
        approver: { email: approver.email }, auditor: { email: auditor.email }, workflowName }) + "\\n");
      process.exit(0);
    });`;
  const out = execFileSync("npx", ["tsx", "-e", script], {
    env: process.env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").pop() ?? "") as Seeded;
}

async function signIn(page: Page, email: string, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await fillSignIn(page, email, PASSWORD);
  // Password hashing is deliberately slow, and this machine's two cores are shared.
  await expect(page).toHaveURL(new RegExp(`${path}$`), { timeout: 30_000 });
}

async function fitsTheScreen(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function newPhone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

test("an owner picks a provider, sees a failed connection clearly, and sets budgets against usage", async ({
  page,
}) => {
  const s = seed();
  const aiPath = `/o/${s.slug}/settings/ai`;

  // The settings page links to the AI page for someone allowed to open it.
  await signIn(page, s.owner.email, `/o/${s.slug}/settings`);
  await expect(page.locator(`a[href="${aiPath}"]`)).toBeVisible();
  await page.goto(aiPath);

  // The embedded default answers the connection test.
  await expect(page.getByTestId("ai-provider")).toHaveValue("embedded");
  await expect(page.getByTestId("ai-embedded-note")).toBeVisible();
  await expect(page.getByTestId("ai-test-connection")).toBeEnabled();
  await page.getByTestId("ai-test-connection").click();
  await expect(page.getByTestId("ai-test-result")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("ai-test-message")).toContainText("handrail-embedded-1");
  await fitsTheScreen(page);

  // An OpenAI-compatible endpoint needs a base URL: the form says so before anything is sent.
  await page.getByTestId("ai-provider").selectOption("openai_compatible");
  await expect(page.getByTestId("ai-test-connection")).toBeDisabled();
  await page.getByTestId("ai-settings-save").click();
  await expect(page.getByTestId("ai-base-url-error")).toContainText("needs a base URL");
  await page.getByTestId("ai-base-url").fill("not a url");
  await page.getByTestId("ai-settings-save").click();
  await expect(page.getByTestId("ai-base-url-error")).toContainText("http:// or https://");

  // Nothing listens on port 9 here: the provider's own error comes back, readable.
  await page.getByTestId("ai-base-url").fill("http://127.0.0.1:9/v1");
  await page.getByTestId("ai-model").fill("llama3.1");
  await page.getByTestId("ai-api-key").fill("sk-local-test-secret-123");
  await page.getByTestId("ai-settings-save").click();
  await expect(page.getByTestId("ai-settings-saved")).toBeVisible();
  await expect(page.getByTestId("ai-key-status")).toHaveText("A key is set");
  await expect(page.getByTestId("ai-api-key")).toHaveCount(0);
  await page.getByTestId("ai-test-connection").click();
  const failed = page.getByTestId("ai-test-result");
  await expect(failed).toHaveAttribute("data-ok", "false", { timeout: 20_000 });
  await expect(failed).toContainText("The provider could not be reached");
  await expect(page.getByTestId("ai-test-message")).toContainText("Connection failed:");
  await expect(page.getByTestId("ai-test-message")).toContainText(/ECONNREFUSED|connect|fetch/i);

  // After a reload the settings are the saved ones, and the key is never sent back.
  await page.reload();
  await expect(page.getByTestId("ai-provider")).toHaveValue("openai_compatible");
  await expect(page.getByTestId("ai-base-url")).toHaveValue("http://127.0.0.1:9/v1");
  await expect(page.getByTestId("ai-model")).toHaveValue("llama3.1");
  await expect(page.getByTestId("ai-key-status")).toHaveText("A key is set");
  expect(await page.content()).not.toContain("sk-local-test-secret-123");

  // PII redaction off, then the key removed.
  await expect(page.getByTestId("ai-redact-toggle")).toHaveAttribute("aria-checked", "true");
  await page.getByTestId("ai-redact-toggle").click();
  await page.getByTestId("ai-key-clear").click();
  await expect(page.getByTestId("ai-key-status")).toHaveText("Will be removed when you save");
  await page.getByTestId("ai-settings-save").click();
  await expect(page.getByTestId("ai-settings-saved")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("ai-redact-toggle")).toHaveAttribute("aria-checked", "false");
  await expect(page.getByTestId("ai-key-status")).toHaveCount(0);
  await expect(page.getByTestId("ai-api-key")).toHaveValue("");

  // Budgets: none yet, and today's spend is shown.
  await expect(page.getByTestId("ai-budgets-empty")).toBeVisible();
  await expect(page.getByTestId("ai-usage-day")).toContainText("1,500 tokens");
  await expect(page.getByTestId("ai-usage-day")).toContainText("$0.25");

  // A budget with no cap, or a cap that is not a number, is refused on the spot.
  await page.getByTestId("ai-budget-new-save").click();
  await expect(page.getByTestId("ai-budget-new-form-error")).toContainText("Set a token cap, a spend cap, or both.");
  await page.getByTestId("ai-budget-new-tokens").fill("lots");
  await page.getByTestId("ai-budget-new-save").click();
  await expect(page.getByTestId("ai-budget-new-tokens-error")).toContainText("whole number");

  // The organisation, per day: 10,000 tokens.
  await page.getByTestId("ai-budget-new-tokens").fill("10,000");
  await page.getByTestId("ai-budget-new-save").click();
  const orgBudget = page.getByTestId("ai-budget").filter({ hasText: "Whole organisation" });
  await expect(orgBudget.getByTestId("ai-budget-tokens-text")).toHaveText("1,500 tokens of 10,000 tokens");

  // The workflow, per month: $5.
  await page.getByTestId("ai-budget-new-scope").selectOption({ label: `Workflow: ${s.workflowName}` });
  await page.getByTestId("ai-budget-new-period").selectOption("month");
  await page.getByTestId("ai-budget-new-cost").fill("5");
  await page.getByTestId("ai-budget-new-save").click();
  const workflowBudget = page.getByTestId("ai-budget").filter({ hasText: s.workflowName });
  await expect(workflowBudget).toContainText("per month");
  await expect(workflowBudget.getByTestId("ai-budget-cost-text")).toHaveText("$0.25 of $5.00");
  await expect(workflowBudget.getByTestId("ai-budget-tokens")).toHaveCount(0);
  await fitsTheScreen(page);

  // Edit the organisation's cap; remove the workflow's.
  await orgBudget.getByTestId("ai-budget-edit").click();
  await orgBudget.getByRole("textbox", { name: "Token cap" }).fill("20000");
  await orgBudget.getByRole("button", { name: "Save budget" }).click();
  await expect(orgBudget.getByTestId("ai-budget-tokens-text")).toHaveText("1,500 tokens of 20,000 tokens");
  await workflowBudget.getByTestId("ai-budget-remove").click();
  await workflowBudget.getByTestId("ai-budget-remove-confirm").click();
  await expect(page.getByTestId("ai-budget")).toHaveCount(1);

  await page.reload();
  await expect(page.getByTestId("ai-budget")).toHaveCount(1);
  await expect(page.getByTestId("ai-budget-tokens-text")).toHaveText("1,500 tokens of 20,000 tokens");
});

test("an approver and an auditor cannot open AI settings, in the page or through the API", async ({ browser }) => {
  const s = seed();
  const aiPath = `/o/${s.slug}/settings/ai`;
  for (const person of [s.approver, s.auditor]) {
    const { context, page } = await newPhone(browser);
    await signIn(page, person.email, aiPath);
    await expect(page.getByTestId("forbidden-state")).toBeVisible();
    await expect(page.getByTestId("ai-settings")).toHaveCount(0);
    await expect(page.getByTestId("ai-provider-form")).toHaveCount(0);

    const settings = await page.request.get(`/api/trpc/ai.settings`, { headers: { "x-handrail-org": s.slug } });
    expect(settings.status()).toBe(403);
    const update = await page.request.post(`/api/trpc/ai.updateSettings`, {
      headers: { "x-handrail-org": s.slug, "content-type": "application/json" },
      data: { json: { provider: "openai", apiKey: "sk-stolen" } },
    });
    expect(update.status()).toBe(403);
    await context.close();
  }
});
