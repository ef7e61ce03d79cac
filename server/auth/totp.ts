import { createHash, randomBytes } from "node:crypto";
import * as OTPAuth from "otpauth";

const PERIOD = 30;

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label = "Handrail"): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: "Handrail",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function totpUri(secret: string, accountLabel: string): string {
  return totpFor(secret, accountLabel).toString();
}

/** The code for `secret` now (used by tests and the seed; people use an authenticator app). */
export function currentTotp(secret: string, at = Date.now()): string {
  return totpFor(secret).generate({ timestamp: at });
}

/**
 * Returns the time step the code belongs to, or null. One step of clock drift is tolerated;
 * the caller rejects steps at or before the last one used, so a code works once.
 */
export function matchTotp(secret: string, code: string, at = Date.now()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret).validate({ token, window: 1, timestamp: at });
  if (delta === null) return null;
  return Math.floor(at / 1000 / PERIOD) + delta;
}

export const RECOVERY_CODE_COUNT = 10;

/** Recovery codes carry 80 bits of entropy, so an unsalted SHA-256 is enough to store them. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(10).toString("hex");
    return `${raw.slice(0, 5)}-${raw.slice(5, 10)}-${raw.slice(10, 15)}-${raw.slice(15)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.trim().toLowerCase()).digest("hex");
}
