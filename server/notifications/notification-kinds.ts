/**
 * What the app notifies people about, on which channels, and how each attempt ended: the one
 * definition the senders, the log, its filters and the tests read.
 */
export const NOTIFICATION_KINDS = {
  approval_assigned: { label: "Approval assigned", description: "A new request waits for this person." },
  approval_reminder: { label: "Reminder before expiry", description: "A request is about to expire undecided." },
  approval_escalated: { label: "Escalated", description: "Nobody decided in time; the next group may decide." },
  approval_expired: { label: "Expired", description: "Nobody decided in time; nothing was executed." },
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_KEYS = Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]];

export const NOTIFICATION_CHANNELS = ["email", "push"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** `sending` only while an attempt is in flight: a row claimed by its dedupe key, not yet finished. */
export const NOTIFICATION_STATUSES = ["sent", "failed", "skipped", "sending"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * Why an attempt was skipped or failed. Only these codes (and HTTP status numbers) are stored:
 * the log holds ids, never addresses, endpoints or message text.
 */
export const NOTIFICATION_ERRORS = {
  no_device: "No device of this person is subscribed to push.",
  push_not_configured: "Web Push has no VAPID keys on this server.",
  mail_failed: "The mail server refused or could not be reached.",
  push_failed: "No push service accepted the message.",
} as const;
export type NotificationError = keyof typeof NOTIFICATION_ERRORS;
