import { expect, test, type Browser, type Page } from "@playwright/test";
import { approvalState, recordAndRun, seedApprovals, SEED_PASSWORD } from "./support/approvals-seed";
import { fillSignIn } from "./support/ui";

// The approvals inbox is phone-first: every spec runs at 375 × 667 with touch.
test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

/** The path of the approval link mailed to `email`, as the dev outbox shows it. */
async function linkFromOutbox(page: Page, email: string, approvalId: string): Promise<string> {
  await page.goto("/dev/outbox");
  const mail = page.locator(`[data-testid="outbox-mail"][data-to="${email}"]`).filter({ hasText: approvalId });
  await expect(mail).toHaveCount(1);
  await expect(mail.getByTestId("outbox-subject")).toContainText("Approval needed");
  const href = await mail.getByTestId("outbox-link").first().getAttribute("href");
  return new URL(href ?? "", "http://link.invalid").pathname;
}

/** Opens a deep link signed out: sign in, and land on the item. */
async function openSignedIn(page: Page, path: string, email: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await fillSignIn(page, email, SEED_PASSWORD);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

async function newPhone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

test("notification email → link → diff → edit → approve; the run continues and the record changes @phone", async ({
  page,
}) => {
  // A real governed run through the workflow executor: it proposes, the gate asks for a person,
  // the run mails the approvers and waits.
  const s = seedApprovals({ runs: [{ amount: 500 }] });
  const { approvalId, recordId } = s.runs[0]!;
  expect(await recordAndRun(recordId)).toMatchObject({ data: { status: "received" }, runStatus: "waiting" });
  const path = await linkFromOutbox(page, s.approver.email, approvalId);
  expect(path).toBe(`/o/${s.slug}/approvals/${approvalId}`);

  // A mail scanner or link preview fetching the link (signed out, or even signed in) changes nothing.
  expect((await page.request.get(path)).status()).toBeLessThan(500);
  await openSignedIn(page, path, s.approver.email);
  expect((await page.request.get(path)).ok()).toBe(true);
  const viaGet = await page.request.get(
    `/api/trpc/approval.decide?input=${encodeURIComponent(JSON.stringify({ json: { approvalId, approve: true } }))}`,
    {
      headers: { "x-handrail-org": s.slug },
    },
  );
  expect(viaGet.ok()).toBe(false);
  expect(await approvalState(approvalId)).toMatchObject({
    status: "pending",
    actionStatus: "pending_approval",
    decisions: [],
  });

  // The item: the diff, why it needs a person, the source data.
  const detail = page.getByTestId("approval-detail");
  await expect(detail.getByTestId("diff-old")).toHaveText("received");
  await expect(detail.getByTestId("diff-new")).toHaveText("approved");
  await expect(detail.getByTestId("approval-reasons")).toContainText("Amount 500 is above 100");
  await expect(detail.getByTestId("approval-confidence")).toHaveText("82% confident");
  await expect(detail.getByTestId("approval-source")).toContainText("Paper Co");
  await expect(detail.getByTestId("approval-status")).toHaveText("Pending");

  // Edit before approve: an empty value is refused, then the edited value is what is approved.
  await detail.getByTestId("edit").click();
  await detail.getByTestId("edit-value").fill("   ");
  await detail.getByTestId("edit-approve").click();
  await expect(detail.getByTestId(`edit-${approvalId}-error`)).toContainText("Enter a value");
  await detail.getByTestId("edit-value").fill("approved_partial");
  await detail.getByTestId("edit-approve").click();
  // The woken run may execute before the page shows "Approved".
  await expect(detail.getByTestId("approval-status")).toHaveText(/^(Approved|Executed)$/);
  await expect(detail.getByTestId("approval-final-value")).toContainText("approved_partial");
  await expect(detail.getByTestId("approval-decisions")).toContainText("Approved by Avery Approver");

  const state = await approvalState(approvalId);
  // The action is approved, or already executed by the run it woke up.
  expect(state).toMatchObject({ status: "approved", finalValue: "approved_partial" });
  expect(["approved", "executed"]).toContain(state.actionStatus);
  expect(state.decisions).toEqual([{ approverId: s.approver.id, approve: true, reason: null }]);
  expect(state.audit).toEqual(["approval.requested", "approval.decided"]);

  // The run continues: what executes is the edited value, and the record has it.
  await expect
    .poll(async () => (await recordAndRun(recordId)).data.status, { timeout: 30_000 })
    .toBe("approved_partial");
  await expect.poll(async () => (await recordAndRun(recordId)).runStatus, { timeout: 30_000 }).toBe("completed");
  await page.reload();
  await expect(detail.getByTestId("approval-status")).toHaveText("Executed");
  // Who was told, and how: the notification log of this request.
  await expect(
    detail.locator('[data-testid="notification-entry"][data-channel="email"][data-status="sent"]'),
  ).toHaveCount(2);
  await page.goto(`/o/${s.slug}/approvals`);
  await page.getByTestId("tab-history").click();
  await expect(
    page.locator(`[data-testid="history-entry"][data-approval-id="${approvalId}"]`).getByTestId("history-outcome"),
  ).toHaveText("Executed");

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the inbox: sorted cards, reject with a reason, history of my decisions @phone", async ({ page }) => {
  const s = seedApprovals([
    { amount: 300, notify: false },
    { amount: 800, risk: "medium", notify: false },
  ]);
  const [first, second] = s.approvals.map((a) => a.approvalId);
  await openSignedIn(page, `/o/${s.slug}/approvals`, s.approver.email);

  const cards = page.getByTestId("approval-card");
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAttribute("data-approval-id", first!);
  await expect(cards.nth(0).getByTestId("diff-new")).toHaveText("approved");
  await expect(cards.nth(0).getByTestId("approval-recommendation")).toContainText("AI recommends");

  // Filter by risk.
  await page.getByTestId("filter-risk").selectOption("medium");
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAttribute("data-approval-id", second!);
  await page.getByTestId("filter-risk").selectOption("");
  await expect(cards).toHaveCount(2);

  // Reject needs a reason.
  const card = page.locator(`[data-testid="approval-card"][data-approval-id="${first}"]`);
  await card.getByTestId("reject").click();
  await expect(card.getByTestId("reject-confirm")).toBeDisabled();
  await card.getByText("Other…").click();
  await card.getByTestId("reject-reason-text").fill("Wrong cost centre");
  await card.getByTestId("reject-confirm").click();
  await expect(card.getByTestId("decision-confirmed")).toHaveAttribute("data-outcome", "rejected");
  expect(await approvalState(first!)).toMatchObject({
    status: "rejected",
    actionStatus: "rejected",
    decisions: [{ approverId: s.approver.id, approve: false, reason: "Wrong cost centre" }],
  });

  // One tap approves the other.
  const other = page.locator(`[data-testid="approval-card"][data-approval-id="${second}"]`);
  await other.getByTestId("approve").click();
  await expect(other.getByTestId("decision-confirmed")).toHaveAttribute("data-outcome", "approved");
  expect((await approvalState(second!)).status).toBe("approved");

  await page.getByTestId("tab-history").click();
  const rejected = page.locator(`[data-testid="history-entry"][data-approval-id="${first}"]`);
  await expect(rejected.getByTestId("history-decision")).toHaveText("You rejected");
  await expect(rejected).toContainText("Wrong cost centre");
  await expect(rejected.getByTestId("history-outcome")).toHaveText("Rejected");
  await expect(
    page.locator(`[data-testid="history-entry"][data-approval-id="${second}"]`).getByTestId("history-outcome"),
  ).toHaveText("Approved");

  // After a reload nothing waits for this approver, and the workflow's author never sees it.
  await page.reload();
  await expect(page.getByTestId("approvals-empty")).toBeVisible();
});

test("two-person approval with two people on two phones @phone", async ({ browser }) => {
  const s = seedApprovals([{ amount: 6000 }]);
  const { approvalId } = s.approvals[0]!;
  const path = `/o/${s.slug}/approvals/${approvalId}`;

  const a = await newPhone(browser);
  await openSignedIn(a.page, path, s.approver.email);
  await expect(a.page.getByTestId("approval-count")).toHaveText("0 of 2 approvals");
  await a.page.getByTestId("approve").click();
  await expect(a.page.getByTestId("approval-count")).toHaveText("1 of 2 approvals");
  await expect(a.page.getByTestId("approval-still-can")).toContainText("Sam Second");
  // The same person cannot give the second approval.
  await expect(a.page.getByTestId("approval-refusal")).toContainText("second approval must come from someone else");
  await expect(a.page.getByTestId("approve")).toHaveCount(0);
  expect(await approvalState(approvalId)).toMatchObject({
    status: "pending",
    decisions: [{ approverId: s.approver.id, approve: true }],
  });

  const b = await newPhone(browser);
  await openSignedIn(b.page, path, s.approver2.email);
  await expect(b.page.getByTestId("approval-decisions")).toContainText("Approved by Avery Approver");
  await b.page.getByTestId("approve").click();
  await expect(b.page.getByTestId("approval-status")).toHaveText("Approved");
  await expect(b.page.getByTestId("approval-count")).toHaveText("2 of 2 approvals");
  expect(await approvalState(approvalId)).toMatchObject({ status: "approved", actionStatus: "approved" });

  // The workflow's author opens the link and cannot decide.
  const o = await newPhone(browser);
  await openSignedIn(o.page, path, s.owner.email);
  await expect(o.page.getByTestId("approval-status")).toHaveText("Approved");
  await expect(o.page.getByTestId("approve")).toHaveCount(0);
  await Promise.all([a.context.close(), b.context.close(), o.context.close()]);
});

test("batch approval takes only low-risk single-approver items @phone", async ({ page }) => {
  const s = seedApprovals([
    { amount: 200, notify: false },
    { amount: 250, notify: false },
    { amount: 7000, notify: false },
  ]);
  const [low1, low2, two] = s.approvals.map((a) => a.approvalId);
  await openSignedIn(page, `/o/${s.slug}/approvals`, s.approver2.email);
  await expect(page.getByTestId("approval-card")).toHaveCount(3);
  const card = (id: string) => page.locator(`[data-testid="approval-card"][data-approval-id="${id}"]`);
  await expect(card(two!).getByTestId("batch-select")).toHaveCount(0);
  await card(low1!).getByTestId("batch-select").check();
  await card(low2!).getByTestId("batch-select").check();
  await page.getByTestId("batch-approve").click();
  await expect(card(low1!).getByTestId("decision-confirmed")).toHaveAttribute("data-outcome", "approved");
  await expect(card(low2!).getByTestId("decision-confirmed")).toHaveAttribute("data-outcome", "approved");
  expect((await approvalState(low1!)).status).toBe("approved");
  expect((await approvalState(low2!)).status).toBe("approved");
  expect((await approvalState(two!)).status).toBe("pending");
});

test("the PWA: a manifest, icons and an offline shell @phone", async ({ page, request }) => {
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as {
    display: string;
    icons: { src: string }[];
  };
  expect(manifest.display).toBe("standalone");
  for (const icon of manifest.icons) expect((await request.get(icon.src)).ok()).toBe(true);
  expect(await (await request.get("/sw.js")).text()).toContain("offline.html");
  await page.goto("/offline.html");
  await expect(page.getByTestId("offline-shell")).toContainText("You're offline — decisions need a connection");
});

test("offline, the installed app shows the offline shell instead of a broken page @phone", async ({
  page,
  context,
}) => {
  const s = seedApprovals([{ amount: 300, notify: false }]);
  const path = `/o/${s.slug}/approvals`;
  await openSignedIn(page, path, s.approver.email);
  await expect(page.getByTestId("approval-card")).toHaveCount(1);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  await context.setOffline(true);
  await page.goto(path);
  await expect(page.getByTestId("offline-shell")).toContainText("You're offline — decisions need a connection");
  await context.setOffline(false);
  await page.goto(path);
  await expect(page.getByTestId("approval-card")).toHaveCount(1);
});
