/**
 * Approvals inbox bench (`npm run bench:inbox`; needs `npm run build` first, it builds nothing):
 * an embedded PostgreSQL with 200 pending approvals, the built app (`next start`) on a free port,
 * and Debian's Chromium on a phone viewport with 4× CPU throttling. Measures navigation → first
 * card rendered (median of 3 navigations) and tap → confirmed decision over ≥ 20 one-tap
 * approvals (after one warm-up decision). Stops by itself in under 3 minutes. The last line is one JSON object of figures.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { freePort } from "../../scripts/lib/postgres";
import { startTestDatabase } from "../../scripts/lib/test-database";

const PENDING = Number(process.env.BENCH_PENDING ?? 200);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 25);
/*
 * Runs in the page. A string, not a function: the TS loader would add helpers the page lacks.
 * Taps the first undecided card's Approve and resolves when its confirmation is rendered.
 */
const TAP_AND_CONFIRM = `new Promise((resolve, reject) => {
  const card = document.querySelector('[data-testid="approval-card"]:not(:has([data-testid="decision-confirmed"]))');
  const button = card && card.querySelector('[data-testid="approve"]');
  if (!card || !button) return reject(new Error("no undecided card"));
  let t = 0;
  const observer = new MutationObserver(() => {
    if (card.querySelector('[data-testid="decision-confirmed"]')) {
      observer.disconnect();
      resolve(performance.now() - t);
    }
  });
  observer.observe(card, { childList: true, subtree: true });
  t = performance.now();
  button.click();
})`;

const root = path.resolve(import.meta.dirname, "../..");

const deadline = setTimeout(() => {
  console.error("bench:inbox took longer than 3 minutes; giving up");
  process.exit(1);
}, 175_000);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first (bench:inbox serves the build, it does not make one).");
  process.exit(1);
}

const db = await startTestDatabase();
Object.assign(process.env, db.env);
let server: ChildProcess | undefined;
let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
try {
  // Server modules read the database env when first imported.
  const { proposeInvoiceStatus, seedInboxOrg, SEED_PASSWORD } =
    await import("../../server/approvals/testing/seed-approvals");
  const t0 = Date.now();
  const s = await seedInboxOrg("Bench");
  for (let i = 0; i < PENDING; i++) await proposeInvoiceStatus(s, { amount: 150 + (i % 40) * 10, notify: false });
  console.log(`seeded ${PENDING} pending approvals in ${Date.now() - t0} ms`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, APP_URL: baseUrl, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  await waitForHttp(`${baseUrl}/sign-in`, server);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 375, height: 667 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-email").fill(s.approver.email);
  await page.getByTestId("sign-in-password").fill(SEED_PASSWORD);
  await page.getByTestId("sign-in-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  const inbox = `/o/${s.slug}/approvals`;
  await page.goto(inbox); // warms the server's route and data caches
  await page.getByTestId("approval-card").first().waitFor();

  // One warm-up decision: the server's first mutation loads its route code, which no user pays twice.
  await page.evaluate<number>(TAP_AND_CONFIRM);
  if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT });

  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });

  const firstCard: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto("about:blank");
    const start = Date.now();
    await page.goto(inbox, { waitUntil: "commit" });
    await page.getByTestId("approval-card").first().waitFor();
    firstCard.push(Date.now() - start);
  }
  if (process.env.BENCH_DEBUG) {
    const timing = await page.evaluate(`JSON.stringify({
      nav: performance.getEntriesByType("navigation").map((e) => ({ responseEnd: Math.round(e.responseEnd), dcl: Math.round(e.domContentLoadedEventEnd) })),
      api: performance.getEntriesByType("resource").filter((e) => e.name.includes("/api/")).map((e) => ({ name: e.name.slice(0, 80), start: Math.round(e.startTime), end: Math.round(e.responseEnd), size: e.transferSize })),
      now: Math.round(performance.now()),
    })`);
    console.log(timing);
  }
  const cards = await page.getByTestId("approval-card").count();
  console.log(`first card (ms): ${firstCard.join(", ")}; ${cards} cards rendered of ${PENDING}`);

  // Tap → confirmed decision, timed inside the page so no driver round trip is counted.
  const decisions: number[] = [];
  for (let i = 0; i < DECISIONS; i++) {
    const undecided = page.locator('[data-testid="approval-card"]:not(:has([data-testid="decision-confirmed"]))');
    if ((await undecided.count()) === 0) {
      await page.getByTestId("approvals-more").click();
      await undecided.first().waitFor();
    }
    const ms = await page.evaluate<number>(TAP_AND_CONFIRM);
    decisions.push(ms);
  }
  const round = (n: number) => Math.round(n);
  console.log(`decisions (ms): ${decisions.map(round).join(", ")}`);
  clearTimeout(deadline);
  console.log(
    JSON.stringify({
      first_card_ms: round(percentile(firstCard, 50)),
      decision_p50_ms: round(percentile(decisions, 50)),
      decision_p95_ms: round(percentile(decisions, 95)),
    }),
  );
} finally {
  await browser?.close();
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await db.stop();
}
process.exit(0);
