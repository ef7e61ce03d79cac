import { createHmac } from "node:crypto";
import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { fillSignIn } from "./support/ui";

type Seeded = { slug: string; workflowId: string; email: string; password: string };

/** An organisation with a template workflow, made by the server's own factories. */
function seedWorkflow(templateKey: string): Seeded {
  const out = execFileSync("npx", ["tsx", "server/intake/testing/seed-intake.cli.ts", templateKey], {
    env: process.env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").pop() ?? "") as Seeded;
}

/** Signs like a sender would: Handrail-Signature: t=<unix>,v1=HMAC-SHA256(secret, "<t>.<body>"). */
function sign(secret: string, body: string): string {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

async function signIn(page: Page, s: Seeded): Promise<string> {
  const path = `/o/${s.slug}/workflows/${s.workflowId}/intake`;
  await page.goto(path);
  await fillSignIn(page, s.email, s.password);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  return path;
}

async function revealedSecret(page: Page): Promise<string> {
  const secret = (await page.getByTestId("webhook-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^whsec_/);
  return secret;
}

// Built for a phone too: the page works at 375 px without sideways scrolling.
test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

test("an owner rotates the webhook secret and creates an API key; a signed delivery shows up @phone", async ({
  page,
  request,
}) => {
  const s = seedWorkflow("lead_routing");
  await signIn(page, s);
  await expect(page.getByTestId("intake-items-empty")).toBeVisible();
  await expect(page.getByTestId("endpoint-missing")).toBeVisible();

  // First secret, then a rotation: each is shown once, and the old one stops working.
  await page.getByTestId("rotate-secret").click();
  const first = await revealedSecret(page);
  await expect(page.getByTestId("rotate-secret")).toHaveText("Rotate secret");
  await page.getByTestId("rotate-secret").click();
  await expect(page.getByTestId("webhook-secret")).not.toHaveText(first);
  const secret = await revealedSecret(page);
  const webhookUrl = (await page.getByTestId("webhook-url").textContent())?.trim() ?? "";
  expect(webhookUrl).toMatch(/\/api\/intake\/[^/]+\/webhook$/);
  await expect(page.getByTestId("lead-form-snippet")).toContainText("/api/intake/form/");

  // An API key: created with a name and expiry, shown once, listed by prefix.
  await page.getByTestId("api-key-name").fill("CRM sync");
  await page.getByTestId("api-key-expiry").selectOption("30");
  await page.getByTestId("api-key-create").click();
  const key = (await page.getByTestId("api-key-value").textContent())?.trim() ?? "";
  expect(key).toMatch(/^hrk_/);
  const row = page.getByTestId("api-key-row").filter({ hasText: "CRM sync" });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText(key.slice(12));

  const body = JSON.stringify({ email: "ann@acme.example", company: "Acme Robotics", source_id: "e2e-lead-1" });
  const webhookPath = new URL(webhookUrl).pathname;
  const stale = await request.post(webhookPath, {
    headers: { "content-type": "application/json", "handrail-signature": sign(first, body) },
    data: body,
  });
  expect(stale.status()).toBe(401);
  const delivered = await request.post(webhookPath, {
    headers: { "content-type": "application/json", "handrail-signature": sign(secret, body) },
    data: body,
  });
  expect(delivered.status()).toBe(202);
  const viaKey = await request.post("/api/intake/v1/items", {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    data: JSON.stringify({ email: "bo@bolt.example", company: "Bolt Freight" }),
  });
  expect(viaKey.status()).toBe(202);

  // The list polls: both items appear with a status, newest first.
  const items = page.getByTestId("intake-item");
  await expect(items).toHaveCount(2, { timeout: 15_000 });
  await expect(items.nth(0).getByTestId("intake-item-summary")).toHaveText("Bolt Freight · bo@bolt.example");
  await expect(items.nth(1).getByTestId("intake-item-summary")).toHaveText("Acme Robotics · ann@acme.example");
  await expect(items.nth(1)).toContainText("webhook");
  await expect(items.nth(1).getByTestId("intake-item-status")).toHaveText(/Accepted|Queued|Run started/);

  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
});

test("a PDF invoice uploaded in the app is read and listed; the same file again is a duplicate", async ({ page }) => {
  const s = seedWorkflow("ap_invoice_matching");
  await signIn(page, s);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText("INVOICE INV-3301  Vendor: Northwind  Total: 480.00 EUR", { x: 40, y: 700, size: 11, font });
  const pdf = { name: "INV-3301.pdf", mimeType: "application/pdf", buffer: Buffer.from(await doc.save()) };

  await page.getByTestId("invoice-file").setInputFiles(pdf);
  await page.getByTestId("invoice-upload").click();
  await expect(page.getByTestId("invoice-outcome")).toHaveText("Invoice received. It appears in the list below.");
  const item = page.getByTestId("intake-item").filter({ hasText: "INV-3301.pdf" });
  await expect(item).toContainText("upload");
  await expect(item).toContainText("1 attachment");

  await page.getByTestId("invoice-upload").click();
  await expect(page.getByTestId("invoice-outcome")).toHaveText(/already received/);
  await expect(page.getByTestId("intake-item").filter({ hasText: "Repeat of INV-3301.pdf" })).toHaveAttribute(
    "data-status",
    "duplicate",
  );
});
