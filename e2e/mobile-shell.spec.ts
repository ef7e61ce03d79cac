import { expect, test } from "@playwright/test";
import { createOrganisation, fillSignIn, signOutFromShell, signUp, uniqueEmail } from "./support/ui";

// Runs at phone width in both projects, so the collapsible navigation is what is tested.
test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

test("on a phone: sign in, open the collapsed navigation, switch sections @phone", async ({ page }) => {
  const email = uniqueEmail("phone");
  await signUp(page, { name: "Pat Phone", email });
  const slug = await createOrganisation(page, `Pocket ${Date.now()}`);
  await signOutFromShell(page);

  // A signed-out visit to an organisation page asks to sign in and comes back to it.
  await page.goto(`/o/${slug}/members`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await fillSignIn(page, email);
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/members$`));
  await expect(page.getByTestId("members-list")).toBeVisible();

  // The navigation is folded away until the menu button opens it.
  await expect(page.getByTestId("nav-audit")).toBeHidden();
  await page.getByTestId("nav-toggle").click();
  await expect(page.getByTestId("nav-toggle")).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("nav-overview")).toBeVisible();
  await expect(page.getByTestId("nav-members")).toHaveAttribute("aria-current", "page");
  await page.getByTestId("nav-audit").click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/audit$`));
  await expect(page.getByTestId("nav-audit")).toBeHidden();
  await expect(page.getByTestId("audit-entries")).toBeVisible();

  // The page fits the screen: nothing scrolls sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The org switcher lists this organisation and offers a new one.
  await page.getByTestId("org-switcher").click();
  await expect(page.getByTestId("org-switcher-item")).toHaveCount(1);
  await expect(page.getByTestId("org-switcher-new")).toBeVisible();
});
