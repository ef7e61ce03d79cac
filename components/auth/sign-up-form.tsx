"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc";
import { errorCode, errorMessage, fieldErrors } from "@/components/lib/trpc-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type SignUpFormProps = { callbackUrl: string; signInHref: string; initialEmail?: string };

export function SignUpForm({ callbackUrl, signInHref, initialEmail = "" }: SignUpFormProps) {
  const trpc = useTRPC();
  const signUp = useMutation(trpc.account.signUp.mutationOptions());
  const [name, setName] = useState("");
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const [signInFailed, setSignInFailed] = useState(false);
  const [redirecting, setRedirecting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSignInFailed(false);
    try {
      await signUp.mutateAsync({ name, email, password });
    } catch {
      return; // shown from signUp.error below
    }
    setRedirecting(true);
    const result = await signIn("credentials", { email, password, redirect: false }).catch(() => null);
    if (!result || result.error) {
      setRedirecting(false);
      setSignInFailed(true);
      return;
    }
    window.location.assign(callbackUrl);
  }

  const fields = fieldErrors(signUp.error);
  const hasFieldErrors = Object.values(fields).some(Boolean);
  const conflict = errorCode(signUp.error) === "CONFLICT";

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="sign-up-form">
      {signUp.error && !hasFieldErrors ? (
        <Alert tone="error" data-testid="sign-up-error">
          {errorMessage(signUp.error)}
          {conflict ? (
            <>
              {" "}
              <Link href={signInHref} className="font-medium underline">
                Go to sign in
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      {signInFailed ? (
        <Alert tone="warning" data-testid="sign-up-error">
          Your account was created, but we could not sign you in.{" "}
          <Link href={signInHref} className="font-medium underline">
            Sign in
          </Link>
        </Alert>
      ) : null}
      <Field id="sign-up-name" label="Your name" error={fields.name}>
        <Input autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} data-testid="sign-up-name" />
      </Field>
      <Field id="sign-up-email" label="Work email" error={fields.email}>
        <Input
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          data-testid="sign-up-email"
        />
      </Field>
      <Field id="sign-up-password" label="Password" hint="At least 10 characters." error={fields.password}>
        <Input
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="sign-up-password"
        />
      </Field>
      <Button type="submit" loading={signUp.isPending || redirecting} className="w-full" data-testid="sign-up-submit">
        Create account
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={signInHref} className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
