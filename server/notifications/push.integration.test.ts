import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The env module reads these when first imported: a VAPID pair, and a loopback push service.
const vapid = await vi.hoisted(async () => {
  const { generateVapidKeys } = await import("./vapid");
  const keys = generateVapidKeys();
  Object.assign(process.env, keys, { WEB_PUSH_ALLOW_LOOPBACK: "1", VAPID_SUBJECT: "mailto:ops@example.test" });
  return keys;
});

const { db } = await import("../db/client");
const { withScope } = await import("../db/tenancy");
const { callerFor } = await import("../testing/callers");
const { proposeInvoiceStatus, seedInboxOrg } = await import("../approvals/testing/seed-approvals");
const { decryptPush, newDeviceKeys, startFakePushService, vapidIsValid } = await import("./testing/fake-push-service");

type Scenario = Awaited<ReturnType<typeof seedInboxOrg>>;
let s: Scenario;
let push: Awaited<ReturnType<typeof startFakePushService>>;
const notifications = (user: { id: string }) => callerFor(user, s.slug).approval.notifications;
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: { code?: string }) => e.code ?? "ERROR",
  );
const logOf = (approvalId: string) =>
  withScope({ orgId: s.orgId }, (tx) =>
    tx.notificationLog.findMany({ where: { approvalRequestId: approvalId }, orderBy: { createdAt: "asc" } }),
  );

beforeAll(async () => {
  push = await startFakePushService();
  s = await seedInboxOrg("Push Test");
});
afterAll(() => push.close());

describe("Web Push", () => {
  it("tells the browser the server's VAPID key, and keeps one row per device of mine", async () => {
    expect(await notifications(s.approver).pushStatus()).toEqual({ publicKey: vapid.VAPID_PUBLIC_KEY, devices: 0 });
    const device = newDeviceKeys();
    const endpoint = push.endpoint();
    expect(await notifications(s.approver).subscribe({ endpoint, keys: device.keys })).toMatchObject({ devices: 1 });
    // The same device subscribing again replaces its row; unsubscribing removes only my own.
    expect(await notifications(s.approver).subscribe({ endpoint, keys: device.keys })).toMatchObject({ devices: 1 });
    expect(await notifications(s.approver2).unsubscribe({ endpoint })).toMatchObject({ devices: 0 });
    expect(await db.pushSubscription.count({ where: { endpoint } })).toBe(1);
    expect(await notifications(s.approver).unsubscribe({ endpoint })).toMatchObject({ devices: 0 });
  });

  it("refuses endpoints that are not a public HTTPS push service", async () => {
    const keys = newDeviceKeys().keys;
    for (const endpoint of [
      "http://push.example.com/x",
      "https://10.0.0.8/x",
      "https://intranet/x",
      "https://[fd00::1]/x",
    ]) {
      expect(await codeOf(notifications(s.approver).subscribe({ endpoint, keys }))).toBe("BAD_REQUEST");
    }
  });

  it("delivers an encrypted, VAPID-signed notice of a new request, and logs every attempt", async () => {
    const device = newDeviceKeys();
    await notifications(s.approver).subscribe({ endpoint: push.endpoint(), keys: device.keys });
    const before = push.received.length;
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 420 });

    const delivered = push.received.slice(before);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.headers["content-encoding"]).toBe("aes128gcm");
    expect(vapidIsValid(delivered[0]!.headers, push.origin, vapid.VAPID_PUBLIC_KEY)).toBe(true);
    expect(decryptPush(device, delivered[0]!.body)).toEqual({
      title: "Approval needed",
      body: "Invoice approval: invoice.status: received → approved",
      url: `/o/${s.slug}/approvals/${approvalId}`,
      tag: `approval-${approvalId}`,
    });

    const log = await logOf(approvalId);
    const row = (userId: string, channel: string) => log.find((l) => l.userId === userId && l.channel === channel);
    expect(row(s.approver.id, "email")).toMatchObject({ kind: "approval_assigned", status: "sent", error: null });
    expect(row(s.approver.id, "push")).toMatchObject({ status: "sent" });
    expect(row(s.approver2.id, "email")).toMatchObject({ status: "sent" });
    expect(row(s.approver2.id, "push")).toMatchObject({ status: "skipped", error: "no_device" });
    // Ids only: no address, no endpoint, no message text.
    expect(JSON.stringify(log)).not.toMatch(/@example\.test|127\.0\.0\.1|received/);
  });

  it("drops a subscription the push service says is gone, and counts other failures", async () => {
    const gone = push.endpoint("gone");
    const failing = push.endpoint("fail");
    await notifications(s.approver2).subscribe({ endpoint: gone, keys: newDeviceKeys().keys });
    await notifications(s.approver2).subscribe({ endpoint: failing, keys: newDeviceKeys().keys });
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 430 });

    expect(await db.pushSubscription.findUnique({ where: { endpoint: gone } })).toBeNull();
    expect(await db.pushSubscription.findUnique({ where: { endpoint: failing } })).toMatchObject({ failureCount: 1 });
    const log = await logOf(approvalId);
    const pushed = log.find((l) => l.userId === s.approver2.id && l.channel === "push");
    expect(pushed?.status).toBe("failed");
    expect(pushed?.error).toMatch(/^http_(410|500)$/);
  });

  it("a retried notify step sends nothing twice", async () => {
    const { notifyApprovers } = await import("../approvals/notify");
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 440 });
    const mails = () => db.devMail.count({ where: { text: { contains: approvalId } } });
    const sentOnce = await mails();
    expect(await notifyApprovers(s.orgId, approvalId)).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(await mails()).toBe(sentOnce);
  });

  it("shows the log to roles with audit.read only, and an approval's notices to its readers", async () => {
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 450 });
    expect(await codeOf(notifications(s.approver).log())).toBe("FORBIDDEN");
    const page = await notifications(s.owner).log({ kind: "approval_assigned", channel: "email", limit: 2 });
    expect(page.entries).toHaveLength(2);
    expect(page.entries.every((e) => e.kind === "approval_assigned" && e.channel === "email")).toBe(true);
    const next = await notifications(s.owner).log({
      kind: "approval_assigned",
      channel: "email",
      cursor: page.nextCursor!,
    });
    expect(next.entries.map((e) => e.id)).not.toContain(page.entries[0]!.id);
    const skipped = await notifications(s.owner).log({ status: "skipped" });
    expect(skipped.entries.every((e) => e.status === "skipped")).toBe(true);

    const mine = await notifications(s.approver).forApproval({ approvalId });
    expect(mine.entries.map((e) => e.recipient?.label).sort()).toEqual(
      ["Avery Approver", "Avery Approver", "Sam Second", "Sam Second"].sort(),
    );
    expect(await codeOf(callerFor(s.approver, "no-such-org").approval.notifications.forApproval({ approvalId }))).toBe(
      "NOT_FOUND",
    );
  });
});
