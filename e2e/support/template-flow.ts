import { expect, type Browser, type Page } from "@playwright/test";
import { PASSWORD, signUp, uniqueEmail } from "./ui";

/** Invites a teammate as an approver for a domain and accepts in their own (phone-sized) browser. */
export async function inviteApprover(page: Page, browser: Browser, orgName: string, domain: string) {
  const email = uniqueEmail("approver");
  await page.getByTestId("nav-members").click();
  const form = page.getByTestId("invite-form");
  await form.getByTestId("invite-email").fill(email);
  await form.getByTestId("invite-role").selectOption("approver");
  await form.getByTestId(`invite-domain-${domain}`).check();
  await form.getByTestId("invite-limit").fill("100000");
  await form.getByTestId("invite-submit").click();
  await expect(page.getByTestId("invite-success")).toContainText(email);

  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const mate = await context.newPage();
  await mate.goto("/dev/outbox");
  const mail = mate.getByTestId("outbox-mail").filter({ hasText: email }).filter({ hasText: orgName });
  const href = await mail.getByTestId("outbox-link").first().getAttribute("href");
  const invitePath = new URL(href ?? "", "http://link.invalid").pathname;
  await mate.goto(invitePath);
  await mate.getByTestId("invite-sign-up").click();
  await signUp(mate, { name: "Alex Approver", email, password: PASSWORD, path: "" });
  await expect(mate).toHaveURL(new RegExp(`${invitePath}$`));
  await mate.getByTestId("invite-accept").click();
  await expect(mate.getByTestId("overview-role")).toHaveText("Approver");
  return { context, page: mate, email };
}

/**
 * The wizard with a template, confidence thresholds low enough that only the policy's rules send
 * actions to people; returns the workflow id once the first shadow run is visible.
 */
export async function installFromWizard(page: Page, slug: string, templateKey: string): Promise<string> {
  await page.goto(`/o/${slug}/workflows/new`);
  await page.getByTestId(`template-${templateKey}`).click();
  await page.getByTestId("setting-thresholds-act").fill("0.3");
  await page.getByTestId("setting-thresholds-review").fill("0.1");
  await page.getByTestId("wizard-create").click();
  await expect(page.getByTestId("wizard-first-run-link")).toBeVisible({ timeout: 90_000 });
  await page.getByTestId("wizard-workflow-link").click();
  await expect(page.getByTestId("workflow-mode")).toHaveText(/shadow/i);
  return new URL(page.url()).pathname.split("/")[4]!;
}

/** Switches the open workflow to auto mode (confirmed) and creates an API key on its intake page. */
export async function goLiveWithApiKey(page: Page): Promise<string> {
  await page.getByTestId("mode-auto").click();
  await page.getByTestId("mode-confirm-submit").click();
  await expect(page.getByTestId("workflow-mode")).toHaveText(/auto/i);
  await page.getByTestId("workflow-intake-link").click();
  await page.getByTestId("api-key-name").fill("E2E");
  await page.getByTestId("api-key-create").click();
  const key = (await page.getByTestId("api-key-value").textContent())?.trim() ?? "";
  expect(key).toMatch(/^hrk_/);
  return key;
}

/** Opens the approval whose card mentions `text` in the approver's inbox (reloading until the run opens it). */
export async function openApproval(page: Page, slug: string, text: string | RegExp) {
  const card = page.getByTestId("approval-card").filter({ hasText: text });
  await expect(async () => {
    await page.goto(`/o/${slug}/approvals`);
    await expect(card).toHaveCount(1, { timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await card.getByTestId("approval-open").click();
  const detail = page.getByTestId("approval-detail");
  await expect(detail.getByTestId("approval-status")).toHaveText("Pending");
  return detail;
}
