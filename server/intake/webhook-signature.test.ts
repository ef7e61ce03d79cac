import { describe, expect, it } from "vitest";
import { REPLAY_WINDOW_SECONDS, signatureFor, signatureHeader, verifySignature } from "./webhook-signature";

const secret = "whsec_test";
const body = new TextEncoder().encode('{"email":"ann@example.com"}');
const now = Date.UTC(2026, 10, 22, 12, 0, 0);

describe("webhook signatures", () => {
  it("accepts a body signed with the secret within the window", () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature({ header, body, secret, now: now + 60_000 })).toMatchObject({ ok: true });
  });

  it("signs `<t>.<body>` with HMAC-SHA256 in hex, as `openssl dgst -sha256 -hmac` does", () => {
    // printf '%s' '1795348800.{"email":"ann@example.com"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signatureFor(secret, 1795348800, body)).toBe(
      "647fb74c96e9c026e4386b494fd38d4111fb69877f4adb7754d7384be667e20c",
    );
    expect(signatureHeader(secret, body, now)).toBe(
      "t=1795348800,v1=647fb74c96e9c026e4386b494fd38d4111fb69877f4adb7754d7384be667e20c",
    );
  });

  it("refuses a changed body, another secret, a missing or malformed header", () => {
    const header = signatureHeader(secret, body, now);
    const changed = new TextEncoder().encode('{"email":"eve@example.com"}');
    expect(verifySignature({ header, body: changed, secret, now })).toMatchObject({ ok: false, reason: "mismatch" });
    expect(verifySignature({ header, body, secret: "whsec_other", now })).toMatchObject({ reason: "mismatch" });
    expect(verifySignature({ header: null, body, secret, now })).toMatchObject({ reason: "missing" });
    expect(verifySignature({ header: "v1=abc", body, secret, now })).toMatchObject({ reason: "malformed" });
  });

  it("refuses timestamps outside the window, either side", () => {
    const old = signatureHeader(secret, body, now - (REPLAY_WINDOW_SECONDS + 1) * 1000);
    const future = signatureHeader(secret, body, now + (REPLAY_WINDOW_SECONDS + 1) * 1000);
    expect(verifySignature({ header: old, body, secret, now })).toMatchObject({ reason: "expired" });
    expect(verifySignature({ header: future, body, secret, now })).toMatchObject({ reason: "expired" });
  });

  it("accepts when any of several v1 signatures matches", () => {
    const t = Math.floor(now / 1000);
    const header = `t=${t},v1=${"0".repeat(64)},v1=${signatureFor(secret, t, body)}`;
    expect(verifySignature({ header, body, secret, now })).toMatchObject({ ok: true });
  });
});
