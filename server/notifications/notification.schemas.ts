import { z } from "zod";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KIND_KEYS, NOTIFICATION_STATUSES } from "./notification-kinds";

/** What the browser's PushSubscription.toJSON() gives, plus nothing else. */
export const ZSubscribePushRequest = z.object({
  endpoint: z.string().url().max(2000),
  keys: z.object({
    p256dh: z
      .string()
      .regex(/^[A-Za-z0-9_-]+=*$/)
      .max(200),
    auth: z
      .string()
      .regex(/^[A-Za-z0-9_-]+=*$/)
      .max(100),
  }),
});

export const ZUnsubscribePushRequest = z.object({ endpoint: z.string().url().max(2000) });

export const ZPushStatus = z.object({
  /** The server's VAPID public key, or null when Web Push is not configured. */
  publicKey: z.string().nullable(),
  /** How many devices of mine are subscribed (all organisations share them). */
  devices: z.number(),
});

export const ZNotificationLogRequest = z
  .object({
    kind: z.enum(NOTIFICATION_KIND_KEYS).optional(),
    channel: z.enum(NOTIFICATION_CHANNELS).optional(),
    status: z.enum(NOTIFICATION_STATUSES).optional(),
    approvalId: z.string().min(1).max(64).optional(),
    /** The last entry of the previous page (paging newest first). */
    cursor: z.string().min(1).max(64).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ limit: 50 });

export const ZNotificationLogEntry = z.object({
  id: z.string(),
  createdAt: z.date(),
  kind: z.string(),
  channel: z.string(),
  status: z.string(),
  error: z.string().nullable(),
  approvalId: z.string().nullable(),
  /** Who it was for, as the member list names them (resolved when read; the log stores the id). */
  recipient: z.object({ id: z.string(), label: z.string() }).nullable(),
});

export const ZNotificationLogResponse = z.object({
  entries: z.array(ZNotificationLogEntry),
  /** Pass as `cursor` for the next page, or null at the end. */
  nextCursor: z.string().nullable(),
});

export const ZApprovalNotificationsRequest = z.object({ approvalId: z.string().min(1).max(64) });
