import type pg from "pg";
import { currentTotp } from "../auth/totp";
import { db } from "../db/client";
import { callerFor, withAdminClient, withAppClient } from "./callers";

let ipCounter = 0;
/** A client address no other test (in this or another worker) uses, so rate limits never collide. */
export function uniqueIp(): string {
  ipCounter += 1;
  return `2001:db8:${process.pid.toString(16)}::${ipCounter.toString(16)}`;
}

export type AuditRow = {
  id: string;
  chainKey: string;
  seq: number;
  orgId: string | null;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  data: Record<string, unknown>;
  ip: string | null;
};

/**
 * Audit entries of one chain (an organisation's id, or "platform"), oldest first, read as the
 * superuser so RLS does not hide anything. The platform chain is shared by every test, so narrow
 * it with `actorId` or `email` (matched against `data.email`).
 */
export async function auditEntries(filter: {
  chainKey: string;
  action?: string;
  actorId?: string;
  email?: string;
}): Promise<AuditRow[]> {
  return withAdminClient(async (client) => {
    const { rows } = await client.query<AuditRow>(
      `SELECT "id"::text AS "id", "chainKey", "seq", "orgId", "actorType", "actorId", "actorLabel", "action",
              "targetType", "targetId", "outcome", "data", "ip"
         FROM "AuditEntry"
        WHERE "chainKey" = $1
          AND ($2::text IS NULL OR "action" = $2)
          AND ($3::text IS NULL OR "actorId" = $3)
          AND ($4::text IS NULL OR "data"->>'email' = $4)
        ORDER BY "seq"`,
      [filter.chainKey, filter.action ?? null, filter.actorId ?? null, filter.email ?? null],
    );
    return rows;
  });
}

/** Runs `fn` as the app's role inside a transaction with the given RLS settings, then rolls back. */
export async function inAppTransaction<T>(
  settings: { orgId?: string; userId?: string },
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  return withAppClient(async (client) => {
    await client.query("BEGIN");
    try {
      await client.query("SELECT set_config('app.org_id', $1, true), set_config('app.user_id', $2, true)", [
        settings.orgId ?? "",
        settings.userId ?? "",
      ]);
      return await fn(client);
    } finally {
      await client.query("ROLLBACK");
    }
  });
}

/** The token in the newest invitation mail sent to `email` (the dev outbox is on in tests). */
export async function invitationTokenFor(email: string): Promise<string> {
  const mail = await db.devMail.findFirst({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const token = mail?.text.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no invitation mail with a link was sent to ${email}`);
  return token;
}

/** A six-digit code that is not valid for `secret` anywhere near now (±2 steps). */
export function wrongTotp(secret: string): string {
  const now = Date.now();
  const valid = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((offset) => currentTotp(secret, now + offset)));
  for (let n = 0; ; n += 1) {
    const candidate = String((n * 137_911) % 1_000_000).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}

/** Turns on two-factor authentication through the account router, as the settings page does. */
export async function enrolTwoFactor(user: { id: string }): Promise<{ secret: string; recoveryCodes: string[] }> {
  const caller = callerFor(user);
  const { manualKey } = await caller.account.beginTwoFactor();
  const { recoveryCodes } = await caller.account.confirmTwoFactor({ code: currentTotp(manualKey) });
  return { secret: manualKey, recoveryCodes };
}
