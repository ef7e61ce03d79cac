import type { z } from "zod";
import { db } from "../db/client";
import type { Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { refusePushEndpoint, vapidDetails } from "./push-config";
import type { ZSubscribePushRequest } from "./notification.schemas";

/*
 * Push subscriptions belong to a person (a device of theirs), not to an organisation, so the
 * table has no row-level security: every query here is narrowed to the caller's user id, and
 * the router only lets members reach it.
 */

export async function pushStatus(tx: Tx, userId: string) {
  const devices = await tx.pushSubscription.count({ where: { userId } });
  return { publicKey: vapidDetails()?.publicKey ?? null, devices };
}

/** Saves this device's subscription for the caller. An endpoint is one browser profile: it moves to whoever subscribes it last. */
export async function subscribePush(
  tx: Tx,
  userId: string,
  input: z.infer<typeof ZSubscribePushRequest>,
  userAgent: string | null,
) {
  if (!vapidDetails())
    throw new AppError("PRECONDITION_FAILED", "Push notifications are not configured on this server.");
  const refusal = refusePushEndpoint(input.endpoint);
  if (refusal) throw new AppError("BAD_REQUEST", refusal);
  const data = {
    userId,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    userAgent: userAgent?.slice(0, 200) ?? null,
    failureCount: 0,
  };
  await tx.pushSubscription.upsert({
    where: { endpoint: input.endpoint },
    create: { ...data, endpoint: input.endpoint },
    update: data,
  });
  return pushStatus(tx, userId);
}

/** Forgets one of the caller's devices; someone else's endpoint is left alone. */
export async function unsubscribePush(tx: Tx, userId: string, endpoint: string) {
  await tx.pushSubscription.deleteMany({ where: { userId, endpoint } });
  return pushStatus(tx, userId);
}

export function subscriptionsOf(userIds: string[]) {
  return db.pushSubscription.findMany({ where: { userId: { in: userIds } } });
}
