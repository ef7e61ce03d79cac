"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { errorCode, errorMessage } from "@/components/lib/trpc-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type StepUpSheetProps = {
  approvalId: string;
  pending: boolean;
  error: unknown;
  onSubmit: (code: string) => void;
  onCancel: () => void;
};

/**
 * Asks for a fresh code from the authenticator app before a high-risk approval. A bottom sheet on
 * a phone, a small dialog on a desktop; the server checks the code and that it was not used before.
 */
export function StepUpSheet({ approvalId, pending, error, onSubmit, onCancel }: StepUpSheetProps) {
  const [code, setCode] = useState("");
  const [local, setLocal] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onCancel();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onCancel]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const digits = code.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(digits)) return setLocal("Enter the 6 digits your authenticator app shows.");
    setLocal(null);
    onSubmit(digits);
  };
  const notEnrolled = errorCode(error) === "PRECONDITION_FAILED" && /two-factor/i.test(errorMessage(error));
  const id = `step-up-${approvalId}`;

  return (
    <div
      className="fixed inset-0 z-40 flex items-end justify-center bg-slate-900/40 sm:items-center"
      data-testid="step-up-sheet"
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        className="w-full max-w-md rounded-t-2xl bg-white p-5 shadow-xl sm:rounded-2xl"
      >
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          Confirm with your authenticator
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          This approval is high risk. Enter a fresh 6-digit code from your authenticator app.
        </p>
        {error && !notEnrolled ? (
          <Alert tone="error" className="mt-3" data-testid="step-up-error">
            {errorMessage(error)}
          </Alert>
        ) : null}
        {notEnrolled ? (
          <Alert tone="warning" className="mt-3" data-testid="step-up-not-enrolled">
            {errorMessage(error)}{" "}
            <Link href="/account/security" className="font-medium underline">
              Set up two-factor authentication
            </Link>
          </Alert>
        ) : null}
        <form onSubmit={submit} className="mt-4 space-y-3" noValidate>
          <Field id={`${id}-code`} label="Authenticator code" error={local}>
            <Input
              ref={input}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={7}
              className="h-12 text-center text-lg tracking-[0.4em]"
              data-testid="step-up-code"
            />
          </Field>
          <div className="grid grid-cols-2 gap-2">
            <Button type="submit" loading={pending} className="h-11" data-testid="step-up-submit">
              Approve
            </Button>
            <Button type="button" variant="secondary" onClick={onCancel} className="h-11" data-testid="step-up-cancel">
              Cancel
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}
