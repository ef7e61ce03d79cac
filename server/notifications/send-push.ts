import webpush from "web-push";
import { db } from "../db/client";
import { refusePushEndpoint, vapidDetails } from "./push-config";
import type { NotificationError } from "./notification-kinds";

/** What the service worker shows (public/sw.js): no secrets, nothing a lock screen should not show. */
export type PushMessage = { title: string; body: string; url: string; tag: string };

type Subscription = { id: string; endpoint: string; p256dh: string; auth: string };
export type PushResult = { status: "sent" | "failed" | "skipped"; error: NotificationError | `http_${number}` | null };

const TIMEOUT_MS = 10_000;

/**
 * Encrypts and posts one message to one device's push service (RFC 8291, VAPID). A 404 or 410
 * means the browser dropped the subscription: it is deleted. Other failures are counted on the
 * row and logged by status code only (endpoints identify a person's browser).
 */
async function deliver(sub: Subscription, message: PushMessage): Promise<"sent" | `http_${number}` | "network"> {
  const vapid = vapidDetails()!;
  if (refusePushEndpoint(sub.endpoint)) return "http_400";
  const request = webpush.generateRequestDetails(
    { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
    JSON.stringify(message),
    {
      vapidDetails: vapid,
      TTL: 24 * 3600,
      urgency: "high",
      topic: message.tag.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 32),
    },
  );
  let status: number;
  try {
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers,
      body: request.body ? new Uint8Array(request.body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
    status = response.status;
    await response.body?.cancel();
  } catch {
    await db.pushSubscription.updateMany({ where: { id: sub.id }, data: { failureCount: { increment: 1 } } });
    console.error("[notifications] a push service could not be reached");
    return "network";
  }
  if (status >= 200 && status < 300) {
    await db.pushSubscription.updateMany({
      where: { id: sub.id },
      data: { failureCount: 0, lastSuccessAt: new Date() },
    });
    return "sent";
  }
  if (status === 404 || status === 410) {
    await db.pushSubscription.deleteMany({ where: { id: sub.id } });
  } else {
    await db.pushSubscription.updateMany({ where: { id: sub.id }, data: { failureCount: { increment: 1 } } });
    console.error(`[notifications] a push service answered ${status}`);
  }
  return `http_${status}`;
}

/** Sends to every device of one person; sent when at least one device took it. */
export async function pushToDevices(subs: Subscription[], message: PushMessage): Promise<PushResult> {
  if (!vapidDetails()) return { status: "skipped", error: "push_not_configured" };
  if (subs.length === 0) return { status: "skipped", error: "no_device" };
  const outcomes = await Promise.all(subs.map((s) => deliver(s, message)));
  if (outcomes.includes("sent")) return { status: "sent", error: null };
  const http = outcomes.find((o) => o.startsWith("http_")) as `http_${number}` | undefined;
  return { status: "failed", error: http ?? "push_failed" };
}
