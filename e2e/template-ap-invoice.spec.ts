import { expect, test, type Browser, type Page } from "@playwright/test";
import { auditEntry, createOrganisation, PASSWORD, signUp, uniqueEmail } from "./support/ui";

/**
 * AP invoice matching end to end, through the UI and the intake API: the wizard creates the
 * workflow in shadow mode (first shadow run on sample data), the owner switches it to auto,
 * an invoice from an unknown vendor arrives with an API key, a finance approver reviews the new
 * vendor and releases the payment from the phone inbox, and the payment is released in the
 * system of record with its audit entry.
 */

test.setTimeout(240_000);

/** Invites a teammate as an approver for a domain and accepts in their own browser. */
async function inviteApprover(page: Page, browser: Browser, orgName: string, domain: string) {
  const email = uniqueEmail("approver");
  await page.getByTestId("nav-members").click();
  const form = page.getByTestId("invite-form");
  await form.getByTestId("invite-email").fill(email);
  await form.getByTestId("invite-role").selectOption("approver");
  await form.getByTestId(`invite-domain-${domain}`).check();
  await form.getByTestId("invite-limit").fill("100000");
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
  await signUp(mate, { name: "Fiona Finance", email, password: PASSWORD, path: "" });
  await expect(mate).toHaveURL(new RegExp(`${invitePath}$`), { timeout: 30_000 });
  await mate.getByTestId("invite-accept").click();
  await expect(mate.getByTestId("overview-role")).toHaveText("Approver");
  return { context, page: mate, email };
}

/** A date as the record lists show it ("13 Dec 2026"). */
const shown = (isoDate: string) =>
  new Date(`${isoDate}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });

/** Opens the approval whose card mentions `text` in the approver's inbox and approves it. */
async function approveFromInbox(page: Page, slug: string, text: string | RegExp) {
  const card = page.getByTestId("approval-card").filter({ hasText: text });
  // The inbox shows what waited when it loaded: look again until the run has asked.
  await expect(async () => {
    await page.goto(`/o/${slug}/approvals`);
    await expect(card).toHaveCount(1, { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await card.getByTestId("approval-open").click();
  const detail = page.getByTestId("approval-detail");
  await expect(detail.getByTestId("approval-status")).toHaveText("Pending");
  return detail;
}

test("an unknown vendor's invoice: vendor reviewed, bill created, payment scheduled per terms and released only by a person", async ({
  page,
  browser,
  request,
}) => {
  const orgName = `Ledger ${Date.now()}`;
  await signUp(page, { name: "Olga Owner", email: uniqueEmail("owner") });
  // Sign-up hashes the password (argon2): give a busy machine time.
  await expect(page).toHaveURL(/\/onboarding$/, { timeout: 30_000 });
  const slug = await createOrganisation(page, orgName);
  const approver = await inviteApprover(page, browser, orgName, "finance");

  // The wizard: AP invoice matching, invoices without a PO accepted; first run in shadow mode.
  await page.goto(`/o/${slug}/workflows/new`);
  await page.getByTestId("template-ap_invoice_matching").click();
  await expect(page.getByTestId("setting-twoPersonAbove")).toHaveValue("5000");
  await page.getByTestId("setting-requirePo").uncheck();
  await page.getByTestId("wizard-create").click();
  await expect(page.getByTestId("wizard-first-run-link")).toBeVisible({ timeout: 90_000 });
  const workflowHref = (await page.getByTestId("wizard-workflow-link").getAttribute("href")) ?? "";
  const workflowId = workflowHref.split("/")[4]!;

  // The first run (a sample invoice matching its PO) is a shadow run: computed, nothing executed.
  await page.getByTestId("wizard-first-run-link").click();
  const shadowed = page.getByTestId("action-item");
  await expect(shadowed.first()).toBeVisible();
  for (const status of await shadowed.getByTestId("action-status").allTextContents()) {
    expect(status).toBe("Shadow (not executed)");
  }

  // Auto mode: the policy decides.
  await page.goto(`/o/${slug}/workflows/${workflowId}`);
  await page.getByTestId("mode-auto").click();
  await page.getByTestId("mode-confirm-submit").click();
  await expect(page.getByTestId("workflow-mode")).toHaveText(/auto/i);

  // An API key for the intake endpoint, shown once.
  await page.getByTestId("workflow-intake-link").click();
  await page.getByTestId("api-key-name").fill("Scanner");
  await page.getByTestId("api-key-create").click();
  const key = (await page.getByTestId("api-key-value").textContent())?.trim() ?? "";
  expect(key).toMatch(/^hrk_/);

  const invoiceDate = new Date().toISOString().slice(0, 10);
  const due = new Date(Date.parse(`${invoiceDate}T00:00:00Z`) + 21 * 86_400_000).toISOString().slice(0, 10);
  const text = [
    "From: Bergmann Werkzeuge GmbH",
    "Contact: billing@bergmann.example",
    "INVOICE",
    "Invoice number: BW-2207",
    `Invoice date: ${invoiceDate}`,
    `Due date: ${due}`,
    "Torque wrenches x 3 @ 89.00",
    "Socket sets x 2 @ 64.50",
    "Subtotal: 396.00",
    "Total due: $396.00",
    "Payment terms: Net 21",
  ].join("\n");
  const sent = await request.post("/api/intake/v1/items", {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    data: JSON.stringify({ source_id: `e2e-invoice-${Date.now()}`, text }),
  });
  expect(sent.status()).toBe(202);

  // The approver reviews the new vendor: the card says why a person is asked.
  const vendor = await approveFromInbox(approver.page, slug, "Bergmann Werkzeuge GmbH is not in the vendor list");
  await expect(vendor.getByTestId("approval-reasons")).toContainText("new_vendor");
  await vendor.getByTestId("approve").click();
  await expect(vendor.getByTestId("approval-status")).toHaveText(/Approved|Executed/);

  // The bill (396, under the auto limit) and its payment schedule follow on their own; the
  // payment release always waits for a person.
  const release = await approveFromInbox(approver.page, slug, /Release the payment of USD 396.00/);
  await expect(release.getByTestId("approval-reasons")).toContainText("Every payment release needs approval");
  await release.getByTestId("approve").click();
  await expect(release.getByTestId("approval-status")).toHaveText(/Approved|Executed/);

  // The system of record: the vendor, the bill and the released payment (net 21 days).
  await expect(async () => {
    await page.goto(`/o/${slug}/records/ap.payment`);
    const payment = page
      .getByTestId("record-row")
      .filter({ hasText: shown(due) })
      .filter({ hasText: "396" });
    await expect(payment).toHaveCount(1);
    await expect(payment).toContainText(/released/i);
  }).toPass({ timeout: 30_000 });
  await page.goto(`/o/${slug}/records/ap.invoice`);
  await expect(page.getByTestId("record-row").filter({ hasText: "BW-2207" })).toContainText("Bergmann Werkzeuge GmbH");
  await page.goto(`/o/${slug}/records/ap.vendor`);
  await expect(page.getByTestId("record-row").filter({ hasText: "Bergmann Werkzeuge GmbH" })).toHaveCount(1);

  // The audit log holds the release with its old and new values, by AI after human approval.
  await page.goto(`/o/${slug}/audit`);
  await page.getByTestId("audit-filter-action").selectOption("action.executed");
  await page.getByTestId("audit-filter-apply").click();
  const executed = auditEntry(page, "action.executed").filter({ hasText: "released" });
  await expect(executed.first()).toBeVisible();
  await expect(executed.first()).toContainText("scheduled");

  // The run finished.
  await page.goto(`/o/${slug}/workflows/${workflowId}`);
  await expect(page.getByTestId("run-row").first().getByTestId("run-status")).toHaveText(/completed/i, {
    timeout: 30_000,
  });
  await approver.context.close();
});
