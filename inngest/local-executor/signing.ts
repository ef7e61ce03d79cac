import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import canonicalize from "canonicalize";

const PREFIX = /^signkey-[\w]+-/;

/** The HMAC key is the hex text after the "signkey-<env>-" prefix, as the SDK uses it. */
export function signBody(
  canonicalBody: string,
  signingKey: string,
  nowSeconds = Math.round(Date.now() / 1000),
): string {
  const key = signingKey.replace(PREFIX, "");
  const mac = createHmac("sha256", key).update(canonicalBody).update(String(nowSeconds)).digest("hex");
  return `t=${nowSeconds}&s=${mac}`;
}

/** JCS, because the SDK verifies over canonicalize(JSON.parse(body)), not over our bytes. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? "null";
}

const hashed = new Map<string, string>();

/** What the SDK sends as `Authorization: Bearer …` (registration, checkpoints): sha256 of the key's bytes. */
export function hashSigningKey(signingKey: string): string {
  let hash = hashed.get(signingKey);
  if (hash === undefined) {
    const prefix = signingKey.match(PREFIX)?.[0] ?? "";
    const key = signingKey.replace(PREFIX, "");
    hash = prefix + createHash("sha256").update(Buffer.from(key, "hex")).digest("hex");
    hashed.set(signingKey, hash);
  }
  return hash;
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Accepts the raw signing key (REST API style) or its hash (SDK registration style). */
export function bearerMatches(header: string | undefined, signingKey: string): boolean {
  const token = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (!token) return false;
  return safeEqual(token, signingKey) || safeEqual(token, hashSigningKey(signingKey));
}

export function keyMatches(given: string, expected: string): boolean {
  return safeEqual(given, expected);
}
