import { describe, expect, it } from "vitest";
import { createUser, uniqueEmail } from "../../prisma/factories";
import { PLATFORM_CHAIN } from "../audit/append-audit";
import { verifyPassword } from "../auth/passwords";
import { SignInError, signInWithPassword } from "../auth/sign-in";
import { currentTotp, RECOVERY_CODE_COUNT } from "../auth/totp";
import { db } from "../db/client";
import { callerFor } from "../testing/callers";
import { auditEntries, enrolTwoFactor, uniqueIp, wrongTotp } from "../testing/integration";

const PASSWORD = "correct horse battery";

/** A visitor (not signed in) from an address of its own, so the sign-up limit per address never trips. */
const visitor = () => callerFor(null, undefined, uniqueIp());

describe("account.signUp", () => {
  it("creates the user with an argon2id hash of the password, never the password itself", async () => {
    const email = uniqueEmail("signup");
    const password = "a long enough password";

    const { id } = await visitor().account.signUp({ name: "Ada Lovelace", email: email.toUpperCase(), password });

    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ email, name: "Ada Lovelace", totpEnabledAt: null, isPlatformAdmin: false });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(password);
    expect(await verifyPassword(user.passwordHash!, password)).toBe(true);
    const audited = await auditEntries({ chainKey: PLATFORM_CHAIN, action: "auth.sign_up", actorId: id });
    expect(audited.map((e) => e.data)).toEqual([{ email }]);
    await expect(signInWithPassword({ email, password }, uniqueIp())).resolves.toMatchObject({ id });
  });

  it("refuses an email that already has an account (in any letter case) with CONFLICT and a clear message", async () => {
    const email = uniqueEmail("dup");
    await visitor().account.signUp({ name: "First", email, password: PASSWORD });

    for (const again of [email, email.toUpperCase()]) {
      await expect(
        visitor().account.signUp({ name: "Second", email: again, password: PASSWORD }),
      ).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/already exists/i) as unknown,
      });
    }
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it.each([
    ["a short password", { name: "Short", password: "short" }],
    ["an invalid email", { name: "Bad email", email: "not-an-email" }],
    ["an empty name", { name: "   " }],
  ])("refuses %s with BAD_REQUEST and creates nothing", async (_label, override) => {
    const email = uniqueEmail("invalid");
    const input = { email, password: PASSWORD, ...override };

    await expect(visitor().account.signUp(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("limits sign-ups per address", async () => {
    const caller = visitor();
    for (let i = 0; i < 20; i += 1) {
      await caller.account.signUp({ name: `Bulk ${i}`, email: uniqueEmail("bulk"), password: PASSWORD });
    }
    const email = uniqueEmail("bulk");
    await expect(caller.account.signUp({ name: "One too many", email, password: PASSWORD })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("account two-factor enrolment", () => {
  it("needs a signed-in user", async () => {
    await expect(callerFor(null).account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(null).account.beginTwoFactor()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses to confirm before enrolment has begun", async () => {
    const user = await createUser({ email: uniqueEmail("2fa") });
    await expect(callerFor(user).account.confirmTwoFactor({ code: "123456" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("refuses a wrong confirmation code and leaves 2FA off", async () => {
    const user = await createUser({ email: uniqueEmail("2fa") });
    const caller = callerFor(user);
    const { manualKey, otpauthUri, qrDataUrl } = await caller.account.beginTwoFactor();
    expect(otpauthUri).toContain(`secret=${manualKey}`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);

    await expect(caller.account.confirmTwoFactor({ code: wrongTotp(manualKey) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.account.confirmTwoFactor({ code: "12ab56" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await caller.account.me()).toMatchObject({ twoFactorEnabled: false, recoveryCodesLeft: 0 });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).toBeNull();
    // The pending secret is stored encrypted, not as the key shown to the user.
    expect(row.totpPendingSecret).not.toContain(manualKey);
  });

  it("turns 2FA on with the right code and returns 10 distinct recovery codes", async () => {
    const user = await createUser({ email: uniqueEmail("2fa") });
    const caller = callerFor(user);
    const { manualKey } = await caller.account.beginTwoFactor();

    const { recoveryCodes } = await caller.account.confirmTwoFactor({ code: currentTotp(manualKey) });

    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await caller.account.me()).toMatchObject({ id: user.id, twoFactorEnabled: true, recoveryCodesLeft: 10 });
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    // Only hashes are stored.
    expect(stored).toHaveLength(10);
    for (const { codeHash } of stored) expect(recoveryCodes).not.toContain(codeHash);
    expect(
      await auditEntries({ chainKey: PLATFORM_CHAIN, action: "auth.two_factor_enabled", actorId: user.id }),
    ).toHaveLength(1);
    await expect(caller.account.beginTwoFactor()).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("turns 2FA off only with a valid code", async () => {
    const user = await createUser({ email: uniqueEmail("2fa"), password: PASSWORD });
    const { secret } = await enrolTwoFactor(user);
    const caller = callerFor(user);

    await expect(caller.account.disableTwoFactor({ code: wrongTotp(secret) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await caller.account.me()).toMatchObject({ twoFactorEnabled: true, recoveryCodesLeft: 10 });

    // Enrolment used the current time step; the next one is a fresh code.
    await caller.account.disableTwoFactor({ code: currentTotp(secret, Date.now() + 30_000) });

    expect(await caller.account.me()).toMatchObject({ twoFactorEnabled: false, recoveryCodesLeft: 0 });
    expect(
      await auditEntries({ chainKey: PLATFORM_CHAIN, action: "auth.two_factor_disabled", actorId: user.id }),
    ).toHaveLength(1);
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, uniqueIp())).resolves.toMatchObject({
      id: user.id,
    });
    await expect(caller.account.disableTwoFactor({ code: currentTotp(secret) })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("regenerates recovery codes only with a valid code; the old codes stop working for sign-in", async () => {
    const user = await createUser({ email: uniqueEmail("2fa"), password: PASSWORD });
    const { secret, recoveryCodes: oldCodes } = await enrolTwoFactor(user);
    const caller = callerFor(user);

    await expect(caller.account.regenerateRecoveryCodes({ code: wrongTotp(secret) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const { recoveryCodes: newCodes } = await caller.account.regenerateRecoveryCodes({
      code: currentTotp(secret, Date.now() + 30_000),
    });

    expect(newCodes).toHaveLength(10);
    expect(newCodes.filter((c) => oldCodes.includes(c))).toEqual([]);
    expect(await caller.account.me()).toMatchObject({ twoFactorEnabled: true, recoveryCodesLeft: 10 });
    expect(
      await auditEntries({ chainKey: PLATFORM_CHAIN, action: "auth.recovery_codes_regenerated", actorId: user.id }),
    ).toHaveLength(1);
    const ip = uniqueIp();
    const refused = await signInWithPassword({ email: user.email, password: PASSWORD, code: oldCodes[0] }, ip).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(SignInError);
    expect(refused).toMatchObject({ reason: "invalid_two_factor" });
    await expect(
      signInWithPassword({ email: user.email, password: PASSWORD, code: newCodes[0] }, ip),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("refuses a code already used to sign in when turning 2FA off (no replay)", async () => {
    const user = await createUser({ email: uniqueEmail("2fa"), password: PASSWORD });
    const { secret } = await enrolTwoFactor(user);
    const code = currentTotp(secret, Date.now() + 30_000);
    await signInWithPassword({ email: user.email, password: PASSWORD, code }, uniqueIp());

    await expect(callerFor(user).account.disableTwoFactor({ code })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await callerFor(user).account.me()).toMatchObject({ twoFactorEnabled: true });
  });
});
