import type { PayloadProblem } from "../normalise-payload";

/** Every intake answer is JSON `{ error, message }` on failure, so senders can log something useful. */
export function json(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export const fail = (status: number, error: string, message: string, headers?: Record<string, string>) =>
  json(status, { error, message }, headers);

export const problemResponse = (problem: PayloadProblem, headers?: Record<string, string>) =>
  json(problem.status, { error: problem.error, message: problem.message, issues: problem.issues }, headers);

export function accepted(
  result: { itemId: string; duplicate: boolean; status: string },
  headers?: Record<string, string>,
) {
  return result.duplicate
    ? json(200, { itemId: result.itemId, duplicate: true }, headers)
    : json(202, { itemId: result.itemId, duplicate: false, status: result.status }, headers);
}

export const tooLarge = (limit: number, headers?: Record<string, string>) =>
  fail(413, "payload_too_large", `The body is larger than ${Math.round(limit / 1024)} KB.`, headers);
