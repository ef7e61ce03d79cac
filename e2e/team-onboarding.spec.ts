import { expect, test } from "@playwright/test";
import { auditEntry, createOrganisation, PASSWORD, signUp, uniqueEmail } from "./support/ui";

test("an owner onboards a teammate as approver, then makes them auditor", async ({ page, browser }) => {
  const ownerEmail = uniqueEmail("owner");
  const mateEmail = uniqueEmail("mate");
  const orgName = `Acme ${Date.now()}`;

  // The owner signs up and creates the organisation.
  await signUp(page, { name: "Olivia Owner", email: ownerEmail });
  const slug = await createOrganisation(page, orgName);
  await expect(page.getByTestId("overview-role")).toHaveText("Owner");
  await expect(page.getByTestId("nav-members")).toBeVisible();
  await expect(page.getByTestId("nav-audit")).toBeVisible();
  await expect(page.getByTestId("nav-settings")).toBeVisible();

  // They invite a teammate as a finance approver up to 5,000.
  await page.getByTestId("nav-members").click();
  const form = page.getByTestId("invite-form");
  await form.getByTestId("invite-email").fill(mateEmail);
  await form.getByTestId("invite-role").selectOption("approver");
  await form.getByTestId("invite-domain-finance").check();
  await form.getByTestId("invite-limit").fill("5000");
  await form.getByTestId("invite-submit").click();
  await expect(page.getByTestId("invite-success")).toContainText(mateEmail);
  const invitation = page.getByTestId("invitation-row").filter({ hasText: mateEmail });
  await expect(invitation.getByTestId("invitation-status")).toHaveText("Pending");

  // The teammate, in their own browser, finds the link in the dev outbox and signs up from it.
  const mateContext = await browser.newContext();
  const mate = await mateContext.newPage();
  await mate.goto("/dev/outbox");
  const mail = mate.getByTestId("outbox-mail").filter({ hasText: mateEmail });
  await expect(mail).toHaveCount(1);
  await expect(mail.getByTestId("outbox-subject")).toContainText(orgName);
  const href = await mail.getByTestId("outbox-link").first().getAttribute("href");
  const invitePath = new URL(href ?? "", "http://link.invalid").pathname;
  expect(invitePath).toMatch(/^\/invite\/.+/);

  await mate.goto(invitePath);
  await expect(mate.getByTestId("invite-org")).toHaveText(orgName);
  await expect(mate.getByTestId("invite-role")).toHaveText("Approver");
  await expect(mate.getByTestId("invite-email")).toHaveText(mateEmail);
  await expect(mate.getByTestId("invite-status")).toHaveText("Pending");
  await mate.getByTestId("invite-sign-up").click();
  await expect(mate.getByTestId("sign-up-email")).toHaveValue(mateEmail);
  await signUp(mate, { name: "Max Mate", email: mateEmail, password: PASSWORD, path: "" });
  await expect(mate).toHaveURL(new RegExp(`${invitePath}$`));
  await mate.getByTestId("invite-accept").click();

  // As an approver they see only the overview, with their scope.
  await expect(mate).toHaveURL(new RegExp(`/o/${slug}$`));
  await expect(mate.getByTestId("overview-role")).toHaveText("Approver");
  await expect(mate.getByTestId("overview-approval-scope")).toContainText("Finance");
  await expect(mate.getByTestId("overview-approval-scope")).toContainText("5,000");
  await expect(mate.getByTestId("nav-overview")).toBeVisible();
  await expect(mate.getByTestId("nav-members")).toHaveCount(0);
  await expect(mate.getByTestId("nav-audit")).toHaveCount(0);
  await expect(mate.getByTestId("nav-settings")).toHaveCount(0);
  await mate.goto(`/o/${slug}/members`);
  await expect(mate.getByTestId("forbidden-state")).toBeVisible();
  await expect(mate.getByTestId("members-list")).toHaveCount(0);
  await expect(mate.getByTestId("invite-form")).toHaveCount(0);

  // The invitation is used up, and the owner now sees the teammate as a member.
  await page.reload();
  await expect(invitation.getByTestId("invitation-status")).toHaveText("Accepted");
  const mateRow = page.getByTestId("member-row").filter({ hasText: mateEmail });
  await expect(mateRow.getByTestId("member-scope")).toContainText("Finance");
  await expect(mateRow.getByTestId("member-role-select")).toHaveValue("approver");

  // The owner makes them an auditor.
  await mateRow.getByTestId("member-role-select").selectOption("auditor");
  await mateRow.getByTestId("member-save").click();
  await expect(mateRow.getByTestId("member-save")).toHaveCount(0);
  await expect(mateRow.getByTestId("member-role-select")).toHaveValue("auditor");
  await expect(mateRow.getByTestId("member-error")).toHaveCount(0);

  // After a reload the teammate sees the audit log, and still not members or settings.
  await mate.goto(`/o/${slug}`);
  await expect(mate.getByTestId("overview-role")).toHaveText("Auditor");
  await expect(mate.getByTestId("nav-audit")).toBeVisible();
  await expect(mate.getByTestId("nav-members")).toHaveCount(0);
  await expect(mate.getByTestId("nav-settings")).toHaveCount(0);
  await mate.getByTestId("nav-audit").click();
  await expect(auditEntry(mate, "member.role_changed").first()).toBeVisible();
  await mateContext.close();

  // The owner's audit log holds the whole story, newest first, and the chain checks out.
  await page.getByTestId("nav-audit").click();
  for (const action of ["org.created", "invitation.created", "invitation.accepted", "member.role_changed"]) {
    await expect(auditEntry(page, action).first()).toBeVisible();
  }
  await expect(auditEntry(page, "member.role_changed").first()).toContainText("auditor");
  const actions = await page.getByTestId("audit-entry-action").allTextContents();
  expect(actions.indexOf("member.role_changed")).toBeLessThan(actions.indexOf("invitation.accepted"));
  expect(actions.indexOf("invitation.accepted")).toBeLessThan(actions.indexOf("invitation.created"));
  expect(actions.indexOf("invitation.created")).toBeLessThan(actions.indexOf("org.created"));

  await page.getByTestId("audit-verify").click();
  await expect(page.getByTestId("audit-verify-result")).toHaveAttribute("data-ok", "true");

  // Filtering by action narrows the list to that action.
  await page.getByTestId("audit-filter-action").selectOption("invitation.accepted");
  await page.getByTestId("audit-filter-apply").click();
  await expect(page.getByTestId("audit-entry")).toHaveCount(1);
  await expect(auditEntry(page, "invitation.accepted")).toContainText(mateEmail);
});
