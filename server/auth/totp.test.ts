import { describe, expect, it } from "vitest";
import { currentTotp, hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, RECOVERY_CODE_COUNT } from "./totp";

describe("TOTP", () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2026, 10, 21, 12, 0, 0);

  it("accepts the current code and reports its time step", () => {
    expect(matchTotp(secret, currentTotp(secret, now), now)).toBe(Math.floor(now / 30_000));
  });

  it("tolerates one step of clock drift but not two", () => {
    expect(matchTotp(secret, currentTotp(secret, now - 30_000), now)).not.toBeNull();
    expect(matchTotp(secret, currentTotp(secret, now - 90_000), now)).toBeNull();
  });

  it("rejects malformed codes", () => {
    expect(matchTotp(secret, "12345", now)).toBeNull();
    expect(matchTotp(secret, "abcdef", now)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are distinct and hash the same however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    expect(hashRecoveryCode(` ${codes[0]!.toUpperCase()} `)).toBe(hashRecoveryCode(codes[0]!));
  });
});
