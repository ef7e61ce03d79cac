import { expect, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery staple";

/** Specs run against a fresh database with no seed: every run makes its own people. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

type SignUpOptions = { name: string; email: string; password?: string; path?: string };

/** Fills the sign-up form (on `path`, or the page already open when path is null). */
export async function signUp(page: Page, { name, email, password = PASSWORD, path = "/sign-up" }: SignUpOptions) {
  if (path) await page.goto(path);
  await page.getByTestId("sign-up-name").fill(name);
  await page.getByTestId("sign-up-email").fill(email);
  await page.getByTestId("sign-up-password").fill(password);
  await page.getByTestId("sign-up-submit").click();
}

export async function signInWithPassword(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await fillSignIn(page, email, password);
}

/** Fills the sign-in form already on screen (keeping its callbackUrl). */
export async function fillSignIn(page: Page, email: string, password = PASSWORD) {
  await page.getByTestId("sign-in-email").fill(email);
  await page.getByTestId("sign-in-password").fill(password);
  await page.getByTestId("sign-in-submit").click();
}

/** Creates an organisation from /onboarding and returns its slug once its overview shows. */
export async function createOrganisation(page: Page, name: string): Promise<string> {
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.getByTestId("org-name").fill(name);
  await page.getByTestId("create-org-submit").click();
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+$/);
  await expect(page.getByTestId("overview-role")).toBeVisible();
  const slug = new URL(page.url()).pathname.split("/")[2];
  if (!slug) throw new Error(`no organisation slug in ${page.url()}`);
  return slug;
}

/** Signs out with the page's sign-out button and waits until the sign-in page is back. */
export async function signOut(page: Page) {
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByTestId("sign-in-form")).toBeVisible();
}

/** The same from the organisation shell, where the button sits in the user menu. */
export async function signOutFromShell(page: Page) {
  await page.getByTestId("user-menu").click();
  await signOut(page);
}

export const auditEntry = (page: Page, action: string) =>
  page.locator(`[data-testid="audit-entry"][data-action="${action}"]`);
