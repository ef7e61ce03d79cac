import { expect, test, type Browser, type Page } from "@playwright/test";
import { RECORDS_PASSWORD, seedRecordsOrg, type RecordsScenario } from "./support/records-seed";
import { fillSignIn } from "./support/ui";

/** Opens a page signed out, signs in from the redirect, and lands on it. */
async function openAs(page: Page, path: string, email: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await fillSignIn(page, email, RECORDS_PASSWORD);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[.]/g, "\\.")}$`));
}

async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  return { context, page: await context.newPage() };
}

test.describe.configure({ mode: "serial" });

let s: RecordsScenario;
let contactPath = "";

test.beforeAll(() => {
  s = seedRecordsOrg();
});

test("a person creates a contact, edits a field and sees the change in its history", async ({ page }) => {
  await openAs(page, `/o/${s.slug}/records`, s.operator.email);
  await expect(page.getByTestId("records-empty")).toBeVisible();
  await page.getByTestId("record-type-crm.contact").click();
  await expect(page.getByTestId("records-empty")).toBeVisible();

  await page.getByTestId("record-new").click();
  const create = page.getByTestId("record-create");
  // The form comes from the contact schema: an enum select, a boolean, a number.
  await expect(create.getByTestId("field-status")).toHaveValue("new");
  await expect(create.getByTestId("field-opt_out")).not.toBeChecked();
  await create.getByTestId("field-email").fill("not an email");
  await create.getByTestId("record-create-submit").click();
  await expect(create.getByTestId("create-email-error")).toContainText("email");

  await create.getByTestId("field-email").fill("Grace@Example.test");
  await create.getByTestId("field-first_name").fill("Grace");
  await create.getByTestId("field-fit_score").fill("72");
  await create.getByTestId("record-create-submit").click();
  await expect(page).toHaveURL(new RegExp(`/o/${s.slug}/records/crm\\.contact/[^/]+$`));
  contactPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("record-title")).toHaveText("grace@example.test");
  await expect(page.getByTestId("value-fit_score")).toHaveText("72");
  await expect(page.getByTestId("record-change")).toHaveCount(1);
  await expect(page.getByTestId("record-change-text")).toHaveText("Created the record.");

  await page.getByTestId("record-edit").click();
  await page.getByTestId("record-editor").getByTestId("field-title").fill("Head of Operations");
  await page.getByTestId("record-editor").getByTestId("field-status").selectOption("working");
  await page.getByTestId("record-save").click();
  await expect(page.getByTestId("record-saved")).toContainText("2 fields changed");
  await expect(page.getByTestId("value-title")).toHaveText("Head of Operations");

  const titleChange = page.locator('[data-testid="record-change"][data-field="title"]');
  await expect(titleChange).toHaveAttribute("data-actor", "human");
  await expect(titleChange).toContainText("Oscar Operator");
  await expect(titleChange.getByTestId("record-change-old")).toHaveText("—");
  await expect(titleChange.getByTestId("record-change-new")).toHaveText("Head of Operations");
  await expect(titleChange.getByTestId("record-change-actor-type")).toHaveText("Person");
  const statusChange = page.locator('[data-testid="record-change"][data-field="status"]');
  await expect(statusChange.getByTestId("record-change-old")).toHaveText("new");
  await expect(statusChange.getByTestId("record-change-new")).toHaveText("working");

  // The list finds it by search and by filter.
  await page.getByTestId("record-type-link").click();
  await page.getByTestId("record-search").fill("operations");
  await page.getByTestId("record-search-submit").click();
  await expect(page.getByTestId("record-table").getByTestId("record-row")).toHaveCount(1);
  await page.getByTestId("record-filter-status").selectOption("qualified");
  await expect(page.getByTestId("records-empty")).toContainText("No contacts match");
});

test("a stale edit is refused and nothing typed is lost", async ({ browser }) => {
  const first = await newPage(browser);
  const second = await newPage(browser);
  await openAs(first.page, contactPath, s.operator.email);
  await openAs(second.page, contactPath, s.owner.email);
  await first.page.getByTestId("record-edit").click();
  await second.page.getByTestId("record-edit").click();

  await second.page.getByTestId("record-editor").getByTestId("field-last_name").fill("Hopper");
  await second.page.getByTestId("record-save").click();
  await expect(second.page.getByTestId("record-saved")).toBeVisible();

  const editor = first.page.getByTestId("record-editor");
  await editor.getByTestId("field-phone").fill("+44 20 7946 0000");
  await first.page.getByTestId("record-save").click();
  await expect(first.page.getByTestId("record-conflict")).toContainText("changed by someone else");
  await first.page.getByTestId("record-conflict-reload").click();
  await expect(first.page.getByTestId("record-editor-notice")).toContainText("Last name");
  await expect(editor.getByTestId("field-phone")).toHaveValue("+44 20 7946 0000");
  await expect(editor.getByTestId("field-last_name")).toHaveValue("Hopper");
  await first.page.getByTestId("record-save").click();
  await expect(first.page.getByTestId("value-phone")).toHaveText("+44 20 7946 0000");
  await expect(first.page.getByTestId("value-last_name")).toHaveText("Hopper");
  await first.context.close();
  await second.context.close();
});

test("an admin sets a field to never in the field contract", async ({ page }) => {
  await openAs(page, `/o/${s.slug}/settings`, s.admin.email);
  await page.getByRole("link", { name: /Field ownership contract/ }).click();
  await expect(page).toHaveURL(/\/settings\/field-contract$/);
  await page.getByTestId("contract-record-type").selectOption("crm.contact");
  const title = page.locator('[data-testid="contract-field"][data-field="title"]');
  await expect(title.getByTestId("contract-rule-title")).toHaveValue("write_if_empty");
  await title.getByTestId("contract-rule-title").selectOption("never");
  await expect(title.getByTestId("contract-saved")).toBeVisible();
  await expect(title).toHaveAttribute("data-rule", "never");
  // Fields protected by default cannot be unprotected.
  await expect(page.getByTestId("contract-protected-opt_out")).toBeDisabled();
  await expect(page.getByTestId("contract-protected-opt_out")).toBeChecked();

  await page.reload();
  await page.getByTestId("contract-record-type").selectOption("crm.contact");
  await expect(page.getByTestId("contract-rule-title")).toHaveValue("never");
  await expect(page.getByTestId("contract-summary")).toContainText("1 field differs");

  // The change is in the audit log.
  await page.goto(`/o/${s.slug}/audit`);
  await expect(page.locator('[data-testid="audit-entry"][data-action="field_contract.updated"]')).toHaveCount(1);

  // Suppression lists: a bulk paste, a search, a removal.
  await page.goto(`/o/${s.slug}/settings/suppression`);
  await page.getByTestId("suppression-values").fill("a@rival.test\nb@rival.test, rival.test");
  await page.getByTestId("suppression-add-submit").click();
  await expect(page.getByTestId("suppression-added")).toContainText("Added 3");
  await expect(page.getByTestId("suppression-entry")).toHaveCount(3);
  await page.getByTestId("suppression-search").fill("b@");
  await page.getByTestId("suppression-search").press("Enter");
  await expect(page.getByTestId("suppression-entry")).toHaveCount(1);
  await page.getByTestId("suppression-remove").click();
  await expect(page.getByTestId("suppression-empty")).toBeVisible();
});

test("an auditor reads records but cannot edit them", async ({ page }) => {
  await openAs(page, contactPath, s.auditor.email);
  await expect(page.getByTestId("record-title")).toHaveText("grace@example.test");
  await expect(page.getByTestId("record-history")).toBeVisible();
  await expect(page.getByTestId("record-edit")).toHaveCount(0);
  await expect(page.getByTestId("record-delete")).toHaveCount(0);
  await page.getByTestId("record-type-link").click();
  await expect(page.getByTestId("record-row")).toHaveCount(1);
  await expect(page.getByTestId("record-new")).toHaveCount(0);

  // The server refuses too, whatever the page shows.
  const id = contactPath.split("/").pop()!;
  const response = await page.request.post("/api/trpc/records.update", {
    headers: { "x-handrail-org": s.slug, "content-type": "application/json" },
    data: { json: { type: "crm.contact", id, version: 3, changes: { title: "Auditor was here" } } },
  });
  expect(response.status()).toBe(403);

  await page.goto(`/o/${s.slug}/settings/field-contract`);
  await expect(page.getByTestId("contract-read-only")).toBeVisible();
  await expect(page.getByTestId("contract-rule-title")).toBeDisabled();
});

test("at 375 px the list is cards and the record fits the screen", async ({ browser }) => {
  const { context, page } = await newPage(browser, { width: 375, height: 740 });
  await openAs(page, `/o/${s.slug}/records/crm.contact`, s.operator.email);
  await expect(page.getByTestId("record-cards").getByTestId("record-card")).toHaveCount(1);
  await expect(page.getByTestId("record-table")).toBeHidden();
  await page.getByTestId("record-cards").getByTestId("record-link").click();
  await expect(page.getByTestId("record-title")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});
