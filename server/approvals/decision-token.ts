import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { AppError } from "../errors";

/**
 * Decision tokens: issued with the item a person views (inbox card or detail page), required by
 * every decision. One is bound to the organisation, the request and that person, and expires
 * with the request (at most 12 hours). Single use: the decision it authorises is unique per
 * request and person (a second use finds the decision made and is refused). So a decision needs
 * the person's signed-in session, a POST with the app's headers, and a token only a view of the
 * item hands out: a link, a prefetch or a forged form can never decide.
 */
const MAX_AGE_MS = 12 * 3600_000;

type Binding = { orgId: string; approvalId: string; userId: string };

const key = () => createHmac("sha256", env.AUTH_SECRET).update("handrail approval decision token v1").digest();

const sign = (b: Binding, expires: number) =>
  createHmac("sha256", key()).update(`${b.orgId}\n${b.approvalId}\n${b.userId}\n${expires}`).digest("base64url");

export function issueDecisionToken(b: Binding, requestExpiresAt: Date, now = Date.now()): string {
  const expires = Math.min(requestExpiresAt.getTime(), now + MAX_AGE_MS);
  return `${expires.toString(36)}.${sign(b, expires)}`;
}

export const STALE_TOKEN_MESSAGE = "This page is out of date. Reload it, then decide.";

/** Throws unless `token` was issued for this person and request and has not expired. */
export function checkDecisionToken(token: string, b: Binding, now = Date.now()): void {
  const [expiresText, signature] = token.split(".");
  const expires = expiresText ? parseInt(expiresText, 36) : NaN;
  const expected = Number.isFinite(expires) ? sign(b, expires) : "";
  const valid =
    signature !== undefined &&
    signature.length === expected.length &&
    timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  if (!valid)
    throw new AppError("FORBIDDEN", "This decision was not made from the approval itself. Open it, then decide.");
  if (expires <= now) throw new AppError("CONFLICT", STALE_TOKEN_MESSAGE);
}
