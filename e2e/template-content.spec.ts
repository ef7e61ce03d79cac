import { expect, test, type Browser, type Page } from "@playwright/test";
import { auditEntry, createOrganisation, PASSWORD, signUp, uniqueEmail } from "./support/ui";

/**
 * Content distribution end to end, through the UI and the intake API: the wizard creates the
 * workflow (channels, sample posts with performance figures, a first shadow run), the owner
 * switches it to auto, a pricing article arrives with an API key and its posts wait for a
 * marketing approver, who approves one and rejects another; a negative mention is tracked and
 * marketing is told.
 */

test.setTimeout(240_000);

async function inviteApprover(page: Page, browser: Browser, orgName: string, domain: string) {
  const email = uniqueEmail("approver");
  await page.getByTestId("nav-members").click();
  const form = page.getByTestId("invite-form");
  await form.getByTestId("invite-email").fill(email);
  await form.getByTestId("invite-role").selectOption("approver");
  await form.getByTestId(`invite-domain-${domain}`).check();
  await form.getByTestId("invite-submit").click();
  await expect(page.getByTestId("invite-success")).toContainText(email);

  // Desktop: a whole-record proposal is a long JSON value, which the phone card does not wrap yet.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const mate = await context.newPage();
  await mate.goto("/dev/outbox");
  const mail = mate.getByTestId("outbox-mail").filter({ hasText: email }).filter({ hasText: orgName });
  const href = await mail.getByTestId("outbox-link").first().getAttribute("href");
  const invitePath = new URL(href ?? "", "http://link.invalid").pathname;
  await mate.goto(invitePath);
  await mate.getByTestId("invite-sign-up").click();
  await signUp(mate, { name: "Mara Marketing", email, password: PASSWORD, path: "" });
  await expect(mate).toHaveURL(new RegExp(`${invitePath}$`), { timeout: 30_000 });
  await mate.getByTestId("invite-accept").click();
  await expect(mate.getByTestId("overview-role")).toHaveText("Approver");
  return { context, page: mate, email };
}

async function openFromInbox(page: Page, slug: string, text: string | RegExp) {
  const card = page.getByTestId("approval-card").filter({ hasText: text }).first();
  // The inbox shows what waited when it loaded: look again until the run has asked.
  await expect(async () => {
    await page.goto(`/o/${slug}/approvals`);
    await expect(card).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await card.getByTestId("approval-open").click();
  const detail = page.getByTestId("approval-detail");
  await expect(detail.getByTestId("approval-status")).toHaveText("Pending");
  return detail;
}

test("a pricing article's posts wait for marketing; approved posts are scheduled, mentions are tracked", async ({
  page,
  browser,
  request,
}) => {
  const orgName = `Studio ${Date.now()}`;
  await signUp(page, { name: "Owen Owner", email: uniqueEmail("owner") });
  // Sign-up hashes the password (argon2): give a busy machine time.
  await expect(page).toHaveURL(/\/onboarding$/, { timeout: 30_000 });
  const slug = await createOrganisation(page, orgName);
  const approver = await inviteApprover(page, browser, orgName, "marketing");

  // The wizard with its default channels; the first run (a sample article) is a shadow run.
  await page.goto(`/o/${slug}/workflows/new`);
  await page.getByTestId("template-content_distribution").click();
  await expect(page.getByTestId("setting-channels-row")).toHaveCount(3);
  await page.getByTestId("wizard-create").click();
  await expect(page.getByTestId("wizard-first-run-link")).toBeVisible({ timeout: 90_000 });
  const workflowHref = (await page.getByTestId("wizard-workflow-link").getAttribute("href")) ?? "";
  const workflowId = workflowHref.split("/")[4]!;
  await page.getByTestId("wizard-first-run-link").click();
  await expect(page.getByTestId("action-status").first()).toHaveText("Shadow (not executed)");
  await page.goto(`/o/${slug}/workflows/${workflowId}`);
  await page.getByTestId("mode-auto").click();
  await page.getByTestId("mode-confirm-submit").click();
  await expect(page.getByTestId("workflow-mode")).toHaveText(/auto/i);

  await page.getByTestId("workflow-intake-link").click();
  await page.getByTestId("api-key-name").fill("CMS");
  await page.getByTestId("api-key-create").click();
  const key = (await page.getByTestId("api-key-value").textContent())?.trim() ?? "";
  const post = (body: Record<string, unknown>) =>
    request.post("/api/intake/v1/items", {
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      data: JSON.stringify(body),
    });

  const sent = await post({
    source_id: `e2e-article-${Date.now()}`,
    title: "New plans for next year",
    url: "https://blog.example.com/new-plans",
    body: "Next year we move to three plans, each with unlimited workflows. Existing customers keep their price for twelve months. Teams on the annual plan save twenty percent compared with paying monthly.",
    sensitivity: ["pricing"],
  });
  expect(sent.status()).toBe(202);

  // The LinkedIn variant waits for a person because the article is tagged pricing.
  const first = await openFromInbox(approver.page, slug, /LinkedIn variant of “New plans for next year”/);
  await expect(first.getByTestId("approval-reasons")).toContainText("pricing");
  await first.getByTestId("approve").click();
  await expect(first.getByTestId("approval-status")).toHaveText(/Approved|Executed/);

  // The next post (a quote pull) is rejected with a reason: it is never created.
  const second = await openFromInbox(approver.page, slug, /Quote pull from “New plans for next year”/);
  await second.getByTestId("reject").click();
  await second.getByText("Other…").click();
  await second.getByTestId("reject-reason-text").fill("Not before the pricing page is live.");
  await second.getByTestId("reject-confirm").click();
  await expect(second.getByTestId("approval-status")).toHaveText("Rejected");

  // The approved variant is scheduled in the system of record, and audited.
  await page.goto(`/o/${slug}/records/content.post`);
  await expect(
    page
      .getByTestId("record-row")
      .filter({ hasText: "New plans for next year" })
      .filter({ hasText: /scheduled/i }),
  ).toHaveCount(1, { timeout: 30_000 });
  await page.goto(`/o/${slug}/audit`);
  await page.getByTestId("audit-filter-action").selectOption("action.executed");
  await page.getByTestId("audit-filter-apply").click();
  await expect(
    auditEntry(page, "action.executed").filter({ hasText: "New plans for next year" }).first(),
  ).toBeVisible();

  // A negative mention comes in through intake, is stored with its sentiment and tells marketing.
  const mention = await post({
    kind: "mention",
    workflowId,
    source_id: `e2e-mention-${Date.now()}`,
    channel: "Company LinkedIn",
    author: "sam_k",
    body: "The latest update broke our invoice sync and support has not replied in two days. Very disappointed.",
  });
  expect(mention.status()).toBe(202);
  await expect(async () => {
    await page.goto(`/o/${slug}/records/content.mention`);
    await expect(page.getByTestId("record-row").filter({ hasText: "sam_k" })).toContainText(/negative/i);
  }).toPass({ timeout: 60_000 });
  await page.goto("/dev/outbox");
  await expect(
    page
      .getByTestId("outbox-mail")
      .filter({ hasText: `Negative mention on Company LinkedIn in ${orgName}` })
      .first(),
  ).toBeVisible();
  await approver.context.close();
});
