import { expect, test } from "@playwright/test";
import { auditEntry, createOrganisation, signUp, uniqueEmail } from "./support/ui";
import { goLiveWithApiKey, installFromWizard, inviteApprover, openApproval } from "./support/template-flow";

/**
 * Support triage end to end: the wizard installs it (first shadow run), the owner switches it to
 * auto, a refund request arrives through the intake API and becomes a ticket, triage runs on its
 * own, the refund (above the approval amount) waits for a support approver, and once approved the
 * ticket carries the refund, with the audit entry's old and new values.
 */
test("a refund over the threshold needs a person; approved, it lands on the ticket and in the audit log", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const orgName = `Helpdesk ${Date.now()}`;
  await signUp(page, { name: "Hana Head", email: uniqueEmail("owner") });
  const slug = await createOrganisation(page, orgName);
  const approver = await inviteApprover(page, browser, orgName, "support");

  const workflowId = await installFromWizard(page, slug, "support_triage");
  const key = await goLiveWithApiKey(page);

  const customer = uniqueEmail("customer");
  const sent = await request.post("/api/intake/v1/items", {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    data: JSON.stringify({
      source_id: `e2e-ticket-${Date.now()}`,
      from: customer,
      subject: "Refund for unused seats",
      body: "We removed 12 seats last week but were still charged. Please refund $180 for the unused seats.",
    }),
  });
  expect(sent.status()).toBe(202);

  // The ticket exists at once (data arriving), and is triaged.
  await expect(async () => {
    await page.goto(`/o/${slug}/records/helpdesk.ticket`);
    await expect(page.getByTestId("record-row").filter({ hasText: customer })).toHaveCount(1);
  }).toPass({ timeout: 30_000 });

  // The refund waits for a support approver, who sees the amount rule.
  const detail = await openApproval(approver.page, slug, /refund/i);
  await expect(detail.getByTestId("approval-reasons")).toContainText(/amount_approval|Amount 180/);
  await detail.getByTestId("approve").click();
  await expect(detail.getByTestId("approval-status")).toHaveText(/Approved|Executed/);

  // The audit log holds the refund's change: before empty, after 180.
  await expect(async () => {
    await page.goto(`/o/${slug}/audit`);
    await page.getByTestId("audit-filter-action").selectOption("action.executed");
    await page.getByTestId("audit-filter-apply").click();
    await expect(auditEntry(page, "action.executed").filter({ hasText: "refund_amount" }).first()).toContainText("180");
  }).toPass({ timeout: 30_000 });

  // The run on the workflow page: the refund executed after approval.
  await page.goto(`/o/${slug}/workflows/${workflowId}`);
  await expect(
    page.getByTestId("run-row").first().locator('[data-testid="action-item"][data-field="refund_amount"]'),
  ).toHaveAttribute("data-status", "executed", { timeout: 30_000 });
  await approver.context.close();
});
