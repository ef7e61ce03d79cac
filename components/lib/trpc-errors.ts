/** Reading tRPC errors for forms: the code, a human message and zod field errors (see server/trpc/init.ts). */
type ZodFlat = { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> };
type ErrorLike = { message?: unknown; data?: { code?: unknown; zodError?: ZodFlat | null } | null };

const GENERIC = "Something went wrong. Please try again.";

function asErrorLike(error: unknown): ErrorLike | null {
  return typeof error === "object" && error !== null ? error : null;
}

export function errorCode(error: unknown): string | undefined {
  const code = asErrorLike(error)?.data?.code;
  return typeof code === "string" ? code : undefined;
}

export function fieldErrors(error: unknown): Record<string, string | undefined> {
  const fields = asErrorLike(error)?.data?.zodError?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fields).map(([key, messages]) => [key, messages?.[0]]));
}

export function errorMessage(error: unknown, fallback = GENERIC): string {
  const e = asErrorLike(error);
  if (!e) return fallback;
  const zod = e.data?.zodError;
  // A validation error's message is the raw issue list; show the form-level message instead.
  if (zod) return zod.formErrors?.[0] ?? "Please check the highlighted fields.";
  if (!e.data) return "We could not reach Handrail. Check your connection and try again.";
  return typeof e.message === "string" && e.message ? e.message : fallback;
}
