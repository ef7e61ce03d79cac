import { expect, test, type Browser, type Page } from "@playwright/test";
import { currentTotp } from "../server/auth/totp";
import { approvalState, seedApprovals, SEED_PASSWORD } from "./support/approvals-seed";
import { fillSignIn } from "./support/ui";

test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

async function newPhone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

async function openSignedIn(page: Page, path: string, email: string, totpSecret?: string) {
  await page.goto(path);
  await fillSignIn(page, email, SEED_PASSWORD);
  if (totpSecret) {
    await expect(page.getByTestId("two-factor-prompt")).toBeVisible();
    await page.getByTestId("sign-in-code").fill(currentTotp(totpSecret));
    await page.getByTestId("sign-in-submit").click();
  }
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

test("a high-risk approval asks for a fresh authenticator code, and never joins a batch @phone", async ({
  page,
  browser,
}) => {
  const s = seedApprovals({ proposals: [{ amount: 300, risk: "high", notify: false }], twoFactor: true });
  const { approvalId } = s.approvals[0]!;
  const secret = s.totpSecret!;

  // In the inbox the card says so and cannot be selected for a batch.
  await openSignedIn(page, `/o/${s.slug}/approvals`, s.approver.email, secret);
  const card = page.locator(`[data-testid="approval-card"][data-approval-id="${approvalId}"]`);
  await expect(card.getByTestId("step-up-note")).toBeVisible();
  await expect(card.getByTestId("batch-select")).toHaveCount(0);

  await page.goto(`/o/${s.slug}/approvals/${approvalId}`);
  const detail = page.getByTestId("approval-detail");
  await detail.getByTestId("approve").click();
  const sheet = page.getByTestId("step-up-sheet");
  await expect(sheet).toBeVisible();
  // A code from ten minutes ago is refused, and nothing is decided.
  await sheet.getByTestId("step-up-code").fill(currentTotp(secret, Date.now() - 600_000));
  await sheet.getByTestId("step-up-submit").click();
  await expect(sheet.getByTestId("step-up-error")).toContainText("not valid");
  expect((await approvalState(approvalId)).decisions).toEqual([]);
  // Sign-in used this time step's code; the next step's is fresh.
  await sheet.getByTestId("step-up-code").fill(currentTotp(secret, Date.now() + 30_000));
  await sheet.getByTestId("step-up-submit").click();
  await expect(sheet).toHaveCount(0);
  // High risk needs two people: this is the first approval.
  await expect(detail.getByTestId("approval-count")).toHaveText("1 of 2 approvals");
  const state = await approvalState(approvalId);
  expect(state.decisions).toEqual([{ approverId: s.approver.id, approve: true, reason: null }]);
  expect(state.audit).toEqual(["approval.requested", "approval.refused", "approval.decided"]);

  // Someone without two-factor authentication is told to set it up.
  const b = await newPhone(browser);
  await openSignedIn(b.page, `/o/${s.slug}/approvals/${approvalId}`, s.approver2.email);
  await b.page.getByTestId("approve").click();
  await b.page.getByTestId("step-up-code").fill("123456");
  await b.page.getByTestId("step-up-submit").click();
  const notEnrolled = b.page.getByTestId("step-up-not-enrolled");
  await expect(notEnrolled).toContainText("Set up two-factor authentication");
  await expect(notEnrolled.getByRole("link")).toHaveAttribute("href", "/account/security");
  expect((await approvalState(approvalId)).status).toBe("pending");
  await b.context.close();
});
