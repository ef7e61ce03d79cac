/** What the sign-in form says for each code the Credentials provider returns (server/auth/sign-in.ts). */
export type SignInOutcome = { kind: "ok" } | { kind: "two_factor_required" } | { kind: "error"; message: string };

function minutes(seconds: number): string {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return n === 1 ? "1 minute" : `${n} minutes`;
}

export function readSignInCode(code: string | undefined, usingRecoveryCode: boolean): SignInOutcome {
  if (!code) return { kind: "error", message: "Sign-in failed. Please try again." };
  const [reason, detail] = code.split(":");
  switch (reason) {
    case "two_factor_required":
      return { kind: "two_factor_required" };
    case "invalid_credentials":
      return { kind: "error", message: "That email and password don't match an account." };
    case "invalid_two_factor":
      return {
        kind: "error",
        message: usingRecoveryCode
          ? "That recovery code is not valid or has already been used."
          : "That code is not valid or has already been used. Wait for the next code and try again.",
      };
    case "rate_limited":
      return { kind: "error", message: `Too many attempts. Try again in ${minutes(Number(detail) || 60)}.` };
    default:
      return { kind: "error", message: "Sign-in failed. Please try again." };
  }
}
