"use client";

import { useState, type FormEvent } from "react";
import { errorMessage, fieldErrors } from "@/components/lib/trpc-errors";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type CodeActionFormProps = {
  id: string;
  buttonLabel: string;
  variant?: ButtonVariant;
  pending: boolean;
  error: unknown;
  onSubmit: (code: string) => void;
};

/** A 6-digit authenticator code and one button: used to confirm enrolment, disable and regenerate. */
export function CodeActionForm({
  id,
  buttonLabel,
  variant = "primary",
  pending,
  error,
  onSubmit,
}: CodeActionFormProps) {
  const [code, setCode] = useState("");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(code.replace(/\s+/g, ""));
  }

  const fieldError = fieldErrors(error).code;
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {error && !fieldError ? (
        <Alert tone="error" data-testid={`${id}-error`}>
          {errorMessage(error)}
        </Alert>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="sm:w-48">
          <Field id={`${id}-code`} label="6-digit code from your app" error={fieldError}>
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              placeholder="123456"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              data-testid={`${id}-code`}
            />
          </Field>
        </div>
        <Button type="submit" variant={variant} loading={pending} data-testid={`${id}-submit`}>
          {buttonLabel}
        </Button>
      </div>
    </form>
  );
}
