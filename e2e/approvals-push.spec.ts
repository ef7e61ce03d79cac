import { expect, test } from "@playwright/test";
import { decryptPush, newDeviceKeys, startFakePushService } from "../server/notifications/testing/fake-push-service";
import { seedApprovals, seedApprovalsAsync, SEED_PASSWORD } from "./support/approvals-seed";
import { fillSignIn } from "./support/ui";

test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

type Payload = { title: string; body: string; url: string; tag: string };

test("push: turn it on for this phone, a new request arrives encrypted, the app shows it, the log lists it @phone", async ({
  page,
  context,
  browser,
}) => {
  const pushService = await startFakePushService();
  const device = newDeviceKeys();
  const endpoint = pushService.endpoint();
  const s = seedApprovals([]);
  await context.grantPermissions(["notifications"]);
  // Headless Chromium has no push service to register with offline: the browser's PushManager
  // hands out a subscription for a loopback push service (with real device keys). Everything
  // after that is real: the app saves it, the server encrypts, signs and posts to it.
  await page.addInitScript(
    ({ endpoint, keys }) => {
      let current: unknown = null;
      const subscription = {
        endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true },
        toJSON: () => ({ endpoint, expirationTime: null, keys }),
        unsubscribe: () => {
          current = null;
          return Promise.resolve(true);
        },
      };
      PushManager.prototype.getSubscription = () => Promise.resolve(current as PushSubscription | null);
      PushManager.prototype.subscribe = () => {
        current = subscription;
        return Promise.resolve(subscription as unknown as PushSubscription);
      };
    },
    { endpoint, keys: device.keys },
  );

  await page.goto(`/o/${s.slug}/settings/notifications`);
  await fillSignIn(page, s.approver.email, SEED_PASSWORD);
  const toggle = page.getByTestId("push-toggle");
  // The first visit installs the service worker before the device's state is known.
  await expect(toggle).toHaveAttribute("data-state", "off", { timeout: 30_000 });
  // An approver sees the device control, not the organisation's log.
  await expect(page.getByTestId("notification-log")).toHaveCount(0);
  await toggle.getByTestId("push-enable").click();
  await expect(toggle).toHaveAttribute("data-state", "on");
  await expect(toggle.getByTestId("push-devices")).toContainText("1 device");

  // A new request: the push service receives one encrypted message for this phone.
  const { approvals } = await seedApprovalsAsync({ into: s, proposals: [{ amount: 480 }] });
  const approvalId = approvals[0]!.approvalId;
  expect(pushService.received).toHaveLength(1);
  const payload = decryptPush(device, pushService.received[0]!.body) as Payload;
  expect(payload).toMatchObject({ title: "Approval needed", url: `/o/${s.slug}/approvals/${approvalId}` });

  // The service worker shows what the push service delivers, with the deep link.
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) =>
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const mine = registrations.find((r) => r.scopeURL.startsWith(new URL(page.url()).origin) && !r.isDeleted);
      if (mine) resolve(mine.registrationId);
    }),
  );
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin: new URL(page.url()).origin,
    registrationId: await registrationId,
    data: JSON.stringify(payload),
  });
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
          title: n.title,
          url: (n.data as { url: string }).url,
        })),
      ),
    )
    .toEqual([{ title: "Approval needed", url: payload.url }]);

  // The owner (audit.read) reads the notification log, filtered to push.
  const owner = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  const ownerPage = await owner.newPage();
  await ownerPage.goto(`/o/${s.slug}/settings/notifications`);
  await fillSignIn(ownerPage, s.owner.email, SEED_PASSWORD);
  await ownerPage.getByTestId("log-filter-channel").selectOption("push");
  const entries = ownerPage.getByTestId("notification-entry");
  await expect(ownerPage.locator('[data-testid="notification-entry"][data-status="sent"]')).toHaveCount(1);
  await expect(ownerPage.locator('[data-testid="notification-entry"][data-status="sent"]')).toContainText(
    "Push to Avery Approver",
  );
  await expect(entries.filter({ hasText: "Sam Second" })).toContainText("No device of this person");
  await owner.close();

  // Turning it off forgets this device.
  await toggle.getByTestId("push-disable").click();
  await expect(toggle).toHaveAttribute("data-state", "off");
  await pushService.close();
});
