import { expect, test } from "@playwright/test";
import { createOrganisation, signUp, uniqueEmail } from "./support/ui";

/**
 * From sign-up to a first shadow run: create an organisation, pick a template in the wizard,
 * keep its settings, load sample data, and see the first shadow run with its steps. Timed; the
 * product promises under five minutes.
 */
test("sign-up to a first shadow run in under five minutes", async ({ page }) => {
  test.setTimeout(300_000);
  const started = Date.now();
  await signUp(page, { name: "Nora New", email: uniqueEmail("new-owner") });
  const slug = await createOrganisation(page, `Fresh ${Date.now()}`);

  await page.getByTestId("nav-workflows").click();
  await expect(page.getByTestId("workflows-empty")).toBeVisible();
  await page.getByTestId("workflow-new").first().click();
  await page.getByTestId("template-lead_routing").click();
  // The settings form is generated from the template's settings schema, defaults filled in.
  await expect(page.getByTestId("setting-owners-row")).toHaveCount(3);
  await expect(page.getByTestId("setting-followUpDays")).toHaveValue("2");
  await page.getByTestId("setting-owners-0-name").fill("Nora New");
  await page.getByTestId("wizard-create").click();
  await expect(page.getByTestId("wizard-step-creating")).toHaveAttribute("data-state", /running|done/);
  await expect(page.getByTestId("wizard-first-run-link")).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId("wizard-step-loading")).toContainText("records");

  await page.getByTestId("wizard-first-run-link").click();
  await expect(page.getByTestId("run-steps")).toBeVisible();
  await expect(page.getByTestId("run-step").filter({ hasText: "score-fit" })).toContainText("lead-routing.fit@1");
  await expect(page.getByTestId("action-item").first()).toBeVisible();
  // Shadow mode: what it would do, executed nothing.
  await expect(page.getByTestId("action-status").first()).toHaveText(/shadow/i);
  const elapsed = (Date.now() - started) / 1000;
  console.log(`[onboarding] sign-up to first shadow run: ${elapsed.toFixed(1)} s`);
  expect(elapsed).toBeLessThan(300);

  // The workflows list shows it in shadow mode with today's run.
  await page.goto(`/o/${slug}/workflows`);
  const row = page.getByTestId("workflow-row").first();
  await expect(row.getByTestId("workflow-mode")).toHaveText("Shadow");
  await expect(row.getByTestId("workflow-runs-today")).toHaveText("1");
});
