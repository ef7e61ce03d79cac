import { describe, expect, it } from "vitest";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../prisma/factories";
import { PLATFORM_CHAIN } from "../audit/append-audit";
import { db } from "../db/client";
import { auditEntries, enrolTwoFactor, uniqueIp, wrongTotp } from "../testing/integration";
import { SIGN_IN_LIMITS } from "./rate-limit";
import { SignInError, signInWithPassword } from "./sign-in";
import { currentTotp } from "./totp";

const PASSWORD = "correct horse battery";

async function newUser(prefix = "signin") {
  return createUser({ email: uniqueEmail(prefix), password: PASSWORD });
}

/** The SignInError a sign-in attempt fails with (the test fails if it succeeds or throws anything else). */
async function failureOf(attempt: Promise<unknown>): Promise<SignInError> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignInError);
  return error as SignInError;
}

describe("signInWithPassword: password", () => {
  it("signs in with the right password and audits it on the platform chain and every org chain of the user", async () => {
    const user = await newUser();
    const own = await createOrgWithOwner(user, `Sign-in own ${user.id}`);
    const other = await createOrgWithOwner(await newUser("other-owner"), `Sign-in other ${user.id}`);
    await addMember({ orgId: other.id, user, role: "builder" });
    const ip = uniqueIp();

    const signedIn = await signInWithPassword({ email: user.email.toUpperCase(), password: PASSWORD }, ip);

    expect(signedIn).toEqual({ id: user.id, email: user.email, name: user.name });
    for (const chainKey of [PLATFORM_CHAIN, own.id, other.id]) {
      const entries = await auditEntries({ chainKey, action: "auth.sign_in", actorId: user.id });
      expect(entries, chainKey).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        outcome: "success",
        ip,
        data: { method: "password" },
        actorLabel: user.email,
      });
    }
  });

  it("refuses a wrong password as invalid_credentials and audits auth.sign_in_failed", async () => {
    const user = await newUser();
    const org = await createOrgWithOwner(user, `Wrong password ${user.id}`);
    const ip = uniqueIp();

    const error = await failureOf(signInWithPassword({ email: user.email, password: "not the password" }, ip));

    expect(error.reason).toBe("invalid_credentials");
    for (const chainKey of [PLATFORM_CHAIN, org.id]) {
      const failed = await auditEntries({ chainKey, action: "auth.sign_in_failed", actorId: user.id });
      expect(failed, chainKey).toHaveLength(1);
      expect(failed[0]).toMatchObject({
        outcome: "failure",
        ip,
        data: { email: user.email, reason: "invalid_credentials" },
      });
    }
    expect(await auditEntries({ chainKey: org.id, action: "auth.sign_in", actorId: user.id })).toHaveLength(0);
  });

  it("gives an unknown email the same error and audits the attempt without an actor id", async () => {
    const email = uniqueEmail("nobody");
    const ip = uniqueIp();

    const error = await failureOf(signInWithPassword({ email, password: PASSWORD }, ip));

    expect(error.reason).toBe("invalid_credentials");
    expect(error.retryAfterSeconds).toBeUndefined();
    const failed = await auditEntries({ chainKey: PLATFORM_CHAIN, action: "auth.sign_in_failed", email });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ actorId: null, outcome: "failure", data: { reason: "invalid_credentials" } });
  });

  it("refuses malformed credentials without touching the database", async () => {
    const error = await failureOf(signInWithPassword({ email: "not-an-email", password: "" }, uniqueIp()));
    expect(error.reason).toBe("invalid_credentials");
  });
});

describe("signInWithPassword: rate limits", () => {
  it("blocks an account after 5 failures, even with the right password, and says how long to wait", async () => {
    const user = await newUser();
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points; i += 1) {
      const error = await failureOf(signInWithPassword({ email: user.email, password: `wrong-${i}` }, ip));
      expect(error.reason).toBe("invalid_credentials");
    }

    const blocked = await failureOf(signInWithPassword({ email: user.email, password: PASSWORD }, ip));

    expect(blocked.reason).toBe("rate_limited");
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount.duration);
    const limited = await auditEntries({
      chainKey: PLATFORM_CHAIN,
      action: "auth.sign_in_rate_limited",
      email: user.email,
    });
    expect(limited).toHaveLength(1);
    expect(limited[0]).toMatchObject({ outcome: "denied", ip });
    // The account is blocked from any address, not just the one that failed.
    expect((await failureOf(signInWithPassword({ email: user.email, password: PASSWORD }, uniqueIp()))).reason).toBe(
      "rate_limited",
    );
  });

  it("counts parallel guesses too: of 20 concurrent wrong passwords, at most 5 are checked", async () => {
    const user = await newUser();
    const ip = uniqueIp();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        failureOf(signInWithPassword({ email: user.email, password: `guess-${i}` }, ip)),
      ),
    );
    const checked = outcomes.filter((e) => e.reason === "invalid_credentials");
    expect(checked.length).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount.points);
    expect(outcomes.filter((e) => e.reason === "rate_limited").length).toBe(20 - checked.length);
  });

  it("does not block after 4 failures, and a successful sign-in resets the account's count", async () => {
    const user = await newUser();
    const ip = uniqueIp();
    const failOnce = () => failureOf(signInWithPassword({ email: user.email, password: "wrong password" }, ip));
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points - 1; i += 1) await failOnce();

    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, ip)).resolves.toMatchObject({
      id: user.id,
    });

    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points - 1; i += 1) {
      expect((await failOnce()).reason).toBe("invalid_credentials");
    }
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, ip)).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("blocks an address after 30 failures across accounts, including a fresh account with the right password", async () => {
    const ip = uniqueIp();
    const fresh = await newUser("fresh");
    // One failure each for unknown accounts, so only the per-address budget is spent.
    const failures = Array.from({ length: SIGN_IN_LIMITS.perIp.points - 1 }, () =>
      failureOf(signInWithPassword({ email: uniqueEmail("spray"), password: "guess-123" }, ip)),
    );
    for (const error of await Promise.all(failures)) expect(error.reason).toBe("invalid_credentials");
    // One attempt short of the limit, a correct sign-in still works.
    await expect(signInWithPassword({ email: fresh.email, password: PASSWORD }, ip)).resolves.toMatchObject({
      id: fresh.id,
    });

    await failureOf(signInWithPassword({ email: uniqueEmail("spray"), password: "guess-123" }, ip));
    const blocked = await failureOf(signInWithPassword({ email: fresh.email, password: PASSWORD }, ip));

    expect(blocked.reason).toBe("rate_limited");
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    // Only that address is blocked: the same account signs in from elsewhere.
    await expect(signInWithPassword({ email: fresh.email, password: PASSWORD }, uniqueIp())).resolves.toMatchObject({
      id: fresh.id,
    });
  });
});

describe("signInWithPassword: two-factor authentication", () => {
  it("asks for a code when 2FA is on, without counting that as a failed attempt", async () => {
    const user = await newUser();
    const { secret } = await enrolTwoFactor(user);
    const ip = uniqueIp();

    for (let i = 0; i <= SIGN_IN_LIMITS.perAccount.points; i += 1) {
      const error = await failureOf(signInWithPassword({ email: user.email, password: PASSWORD }, ip));
      expect(error.reason).toBe("two_factor_required");
    }
    expect(
      await auditEntries({ chainKey: PLATFORM_CHAIN, action: "auth.sign_in_failed", actorId: user.id }),
    ).toHaveLength(0);

    const code = currentTotp(secret, Date.now() + 30_000);
    await expect(signInWithPassword({ email: user.email, password: PASSWORD, code }, ip)).resolves.toMatchObject({
      id: user.id,
    });
    const signIns = await auditEntries({ chainKey: PLATFORM_CHAIN, action: "auth.sign_in", actorId: user.id });
    expect(signIns.map((e) => e.data)).toEqual([{ method: "password+totp" }]);
  });

  it("still checks the password first: a wrong password with 2FA on is invalid_credentials", async () => {
    const user = await newUser();
    const { secret } = await enrolTwoFactor(user);
    const error = await failureOf(
      signInWithPassword({ email: user.email, password: "wrong password", code: currentTotp(secret) }, uniqueIp()),
    );
    expect(error.reason).toBe("invalid_credentials");
  });

  it("refuses a wrong code as invalid_two_factor and audits it as a failure", async () => {
    const user = await newUser();
    const { secret } = await enrolTwoFactor(user);
    const ip = uniqueIp();

    const error = await failureOf(
      signInWithPassword({ email: user.email, password: PASSWORD, code: wrongTotp(secret) }, ip),
    );

    expect(error.reason).toBe("invalid_two_factor");
    const failed = await auditEntries({ chainKey: PLATFORM_CHAIN, action: "auth.sign_in_failed", actorId: user.id });
    expect(failed.map((e) => e.data)).toEqual([{ email: user.email, reason: "invalid_two_factor" }]);
  });

  it("accepts a recovery code once; the second use fails", async () => {
    const user = await newUser();
    const { recoveryCodes } = await enrolTwoFactor(user);
    const code = recoveryCodes[0]!;
    const ip = uniqueIp();

    await expect(signInWithPassword({ email: user.email, password: PASSWORD, code }, ip)).resolves.toMatchObject({
      id: user.id,
    });
    const signIns = await auditEntries({ chainKey: PLATFORM_CHAIN, action: "auth.sign_in", actorId: user.id });
    expect(signIns.map((e) => e.data)).toEqual([{ method: "password+recovery_code" }]);
    const used = await auditEntries({ chainKey: PLATFORM_CHAIN, action: "auth.recovery_code_used", actorId: user.id });
    expect(used.map((e) => e.data)).toEqual([{ remaining: recoveryCodes.length - 1 }]);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(recoveryCodes.length - 1);

    const again = await failureOf(signInWithPassword({ email: user.email, password: PASSWORD, code }, ip));
    expect(again.reason).toBe("invalid_two_factor");
    // Another unused code still works.
    await expect(
      signInWithPassword({ email: user.email, password: PASSWORD, code: recoveryCodes[1]!.toUpperCase() }, ip),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("refuses a TOTP code whose time step was already used (replay)", async () => {
    const user = await newUser();
    const { secret } = await enrolTwoFactor(user);
    const ip = uniqueIp();
    const code = currentTotp(secret, Date.now() + 30_000);

    await expect(signInWithPassword({ email: user.email, password: PASSWORD, code }, ip)).resolves.toMatchObject({
      id: user.id,
    });
    const replay = await failureOf(signInWithPassword({ email: user.email, password: PASSWORD, code }, ip));

    expect(replay.reason).toBe("invalid_two_factor");
    // An older step (the current code, one step behind the one just used) is refused too.
    const older = await failureOf(
      signInWithPassword({ email: user.email, password: PASSWORD, code: currentTotp(secret) }, ip),
    );
    expect(older.reason).toBe("invalid_two_factor");
  });
});
