import { expect, test, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { PASSWORD, signInWithPassword, signOut, signUp, uniqueEmail } from "./support/ui";

const totp = (key: string, timestamp = Date.now()) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(key) }).generate({ timestamp });

async function signUpAndSignOut(page: Page, email: string) {
  await signUp(page, { name: "Sam Signer", email });
  await expect(page).toHaveURL(/\/onboarding$/);
  await signOut(page);
}

test("a wrong password is refused with a clear message, the right one signs in", async ({ page }) => {
  const email = uniqueEmail("wrong-password");
  await signUpAndSignOut(page, email);

  await signInWithPassword(page, email, "not the password at all");
  await expect(page.getByTestId("sign-in-error")).toHaveText("That email and password don't match an account.");
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByTestId("sign-in-password").fill(PASSWORD);
  await page.getByTestId("sign-in-submit").click();
  await expect(page).toHaveURL(/\/onboarding$/);
});

test("signing up twice with one email shows the conflict", async ({ page }) => {
  const email = uniqueEmail("duplicate");
  await signUpAndSignOut(page, email);

  await signUp(page, { name: "Sam Again", email: email.toUpperCase() });
  await expect(page.getByTestId("sign-up-error")).toContainText("An account with this email already exists");
  await expect(page).toHaveURL(/\/sign-up/);
});

test("sign-up explains each field it refuses", async ({ page }) => {
  await signUp(page, { name: "", email: "not-an-email", password: "short" });
  await expect(page.getByTestId("sign-up-name-error")).toHaveText("Enter your name.");
  await expect(page.getByTestId("sign-up-email-error")).toHaveText("Enter a valid email address.");
  await expect(page.getByTestId("sign-up-password-error")).toHaveText("Use at least 10 characters.");
});

test("two-factor: enrol, then sign in with a TOTP code and with a recovery code", async ({ page }) => {
  const email = uniqueEmail("two-factor");
  await signUp(page, { name: "Tess Totp", email });
  await expect(page).toHaveURL(/\/onboarding$/);

  // Enrol on the account security page.
  await page.goto("/account/security");
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await expect(page.getByTestId("2fa-status")).toHaveText("Off");
  await page.getByTestId("2fa-begin").click();
  await expect(page.getByTestId("2fa-qr")).toBeVisible();
  const key = ((await page.getByTestId("2fa-manual-key").textContent()) ?? "").replace(/\s+/g, "");
  expect(key).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByTestId("2fa-confirm-code").fill(totp(key));
  await page.getByTestId("2fa-confirm-submit").click();

  // The recovery codes are shown once.
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  const recoveryCodes = await page.getByTestId("recovery-code").allTextContents();
  await page.getByTestId("recovery-codes-done").click();
  await expect(page.getByTestId("2fa-status")).toHaveText("On");
  await expect(page.getByTestId("recovery-codes-left")).toContainText("10 unused recovery codes");

  // Sign out; signing in now asks for a code. The enrolment code's time step is spent, and the
  // server accepts one step of drift, so the next step's code works.
  await signOut(page);
  await signInWithPassword(page, email);
  await expect(page.getByTestId("two-factor-prompt")).toBeVisible();
  await expect(page.getByTestId("sign-in-error")).toHaveCount(0);
  await page.getByTestId("sign-in-code").fill(totp(key, Date.now() + 30_000));
  await page.getByTestId("sign-in-submit").click();
  await expect(page).toHaveURL(/\/onboarding$/);

  // Again, with a recovery code: a made-up one is refused, a saved one works once.
  await signOut(page);
  await signInWithPassword(page, email);
  await page.getByTestId("use-recovery-code").click();
  await page.getByTestId("sign-in-code").fill("aaaaa-bbbbb-ccccc-ddddd");
  await page.getByTestId("sign-in-submit").click();
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    "That recovery code is not valid or has already been used.",
  );
  await page.getByTestId("sign-in-code").fill(recoveryCodes[0] ?? "");
  await page.getByTestId("sign-in-submit").click();
  await expect(page).toHaveURL(/\/onboarding$/);

  await page.goto("/account/security");
  await expect(page.getByTestId("recovery-codes-left")).toContainText("9 unused recovery codes");
});
