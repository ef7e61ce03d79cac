import type { z } from "zod";

export type FormIssues = { form: string | null; fields: Record<string, string | undefined> };

export const NO_ISSUES: FormIssues = { form: null, fields: {} };

/** A failed parse of a server schema as form errors: the first message per field, and one for the form. */
export function formIssues(error: z.ZodError): FormIssues {
  const fields: Record<string, string | undefined> = {};
  let form: string | null = null;
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (typeof key === "string") fields[key] ??= issue.message;
    else form ??= issue.message;
  }
  return { form, fields };
}
