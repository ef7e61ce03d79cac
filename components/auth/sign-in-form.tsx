"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { readSignInCode } from "./sign-in-messages";

type Step = "password" | "code";

export function SignInForm({ callbackUrl, signUpHref }: { callbackUrl: string; signUpHref: string }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [step, setStep] = useState<Step>("password");
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!email.trim() || !password) return setError("Enter your email and password.");
    if (step === "code" && !code.trim()) {
      return setError(recovery ? "Enter one of your recovery codes." : "Enter the 6-digit code from your app.");
    }
    setPending(true);
    try {
      const result = await signIn("credentials", {
        email: email.trim(),
        password,
        code: step === "code" ? code.trim() : "",
        redirect: false,
      });
      if (!result.error) {
        // A full navigation, so server components and the query cache start from the new session.
        window.location.assign(callbackUrl);
        return;
      }
      const outcome = readSignInCode(result.code, recovery);
      if (outcome.kind === "two_factor_required") {
        setStep("code");
        setCode("");
        requestAnimationFrame(() => codeRef.current?.focus());
      } else if (outcome.kind === "error") {
        setError(outcome.message);
      }
      setPending(false);
    } catch {
      setError("We could not reach Handrail. Check your connection and try again.");
      setPending(false);
    }
  }

  function startOver() {
    setStep("password");
    setCode("");
    setRecovery(false);
    setPassword("");
    setError(null);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="sign-in-form">
      {error ? (
        <Alert tone="error" data-testid="sign-in-error">
          {error}
        </Alert>
      ) : null}
      {step === "password" ? (
        <>
          <Field id="sign-in-email" label="Email">
            <Input
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="sign-in-email"
              required
            />
          </Field>
          <Field id="sign-in-password" label="Password">
            <Input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="sign-in-password"
              required
            />
          </Field>
        </>
      ) : (
        <>
          <p className="text-sm text-slate-600" data-testid="two-factor-prompt">
            Signing in as <span className="font-medium text-slate-900">{email}</span>.{" "}
            {recovery
              ? "Enter one of the recovery codes you saved when you turned on two-factor authentication."
              : "Open your authenticator app and enter the 6-digit code for Handrail."}
          </p>
          <Field id="sign-in-code" label={recovery ? "Recovery code" : "Authentication code"}>
            <Input
              ref={codeRef}
              inputMode={recovery ? "text" : "numeric"}
              autoComplete="one-time-code"
              maxLength={recovery ? 40 : 6}
              placeholder={recovery ? "xxxxx-xxxxx-xxxxx-xxxxx" : "123456"}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              data-testid="sign-in-code"
              required
            />
          </Field>
          <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
            <button
              type="button"
              className="text-brand-600 hover:underline"
              onClick={() => {
                setRecovery(!recovery);
                setCode("");
                setError(null);
              }}
              data-testid="use-recovery-code"
            >
              {recovery ? "Use your authenticator app instead" : "Use a recovery code"}
            </button>
            <button type="button" className="text-slate-600 hover:underline" onClick={startOver}>
              Use a different account
            </button>
          </div>
        </>
      )}
      <Button type="submit" loading={pending} className="w-full" data-testid="sign-in-submit">
        {step === "code" ? "Verify and sign in" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        New to Handrail?{" "}
        <Link href={signUpHref} className="font-medium text-brand-600 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
