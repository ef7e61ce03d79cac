import QRCode from "qrcode";
import { decryptSecret, encryptSecret } from "../auth/crypto";
import { recordSecurityEvent } from "../auth/security-events";
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, totpUri } from "../auth/totp";
import { claimTotpStep } from "../auth/totp-step";
import { db } from "../db/client";
import { AppError } from "../errors";

type AccountUser = { id: string; email: string };

const actorOf = (user: AccountUser) => ({ type: "human" as const, id: user.id, label: user.email });

/** Starts enrolment: a new secret is kept pending until a code from it checks out. */
export async function beginTwoFactor(user: AccountUser) {
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (current.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor authentication is already on.");
  const secret = newTotpSecret();
  await db.user.update({ where: { id: user.id }, data: { totpPendingSecret: encryptSecret(secret) } });
  const otpauthUri = totpUri(secret, user.email);
  return { otpauthUri, manualKey: secret, qrDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }) };
}

async function replaceRecoveryCodes(userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) }),
  ]);
  return codes;
}

export async function confirmTwoFactor(user: AccountUser, code: string) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  if (!row.totpPendingSecret) throw new AppError("PRECONDITION_FAILED", "Start enrolment first.");
  const secret = decryptSecret(row.totpPendingSecret);
  const step = matchTotp(secret, code);
  if (step === null)
    throw new AppError("BAD_REQUEST", "That code is not valid. Check your device's clock and try again.");
  await db.user.update({
    where: { id: user.id },
    data: {
      totpSecret: row.totpPendingSecret,
      totpPendingSecret: null,
      totpEnabledAt: new Date(),
      totpLastUsedStep: step,
    },
  });
  const recoveryCodes = await replaceRecoveryCodes(user.id);
  await recordSecurityEvent(user.id, { actor: actorOf(user), action: "auth.two_factor_enabled", data: {} });
  return { recoveryCodes };
}

async function requireCurrentCode(userId: string, code: string): Promise<void> {
  const row = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!row.totpSecret || !row.totpEnabledAt)
    throw new AppError("PRECONDITION_FAILED", "Two-factor authentication is off.");
  const step = matchTotp(decryptSecret(row.totpSecret), code);
  // A code already used (to sign in, say) cannot be replayed to weaken the account.
  if (step === null || !(await claimTotpStep(userId, step))) {
    throw new AppError("BAD_REQUEST", "That code is not valid.");
  }
}

export async function disableTwoFactor(user: AccountUser, code: string): Promise<void> {
  await requireCurrentCode(user.id, code);
  await db.$transaction([
    db.user.update({
      where: { id: user.id },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastUsedStep: null },
    }),
    db.recoveryCode.deleteMany({ where: { userId: user.id } }),
  ]);
  await recordSecurityEvent(user.id, { actor: actorOf(user), action: "auth.two_factor_disabled", data: {} });
}

export async function regenerateRecoveryCodes(user: AccountUser, code: string) {
  await requireCurrentCode(user.id, code);
  const recoveryCodes = await replaceRecoveryCodes(user.id);
  await recordSecurityEvent(user.id, { actor: actorOf(user), action: "auth.recovery_codes_regenerated", data: {} });
  return { recoveryCodes };
}

export async function getAccount(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    twoFactorEnabled: Boolean(user.totpEnabledAt),
    recoveryCodesLeft,
    isPlatformAdmin: user.isPlatformAdmin,
  };
}
