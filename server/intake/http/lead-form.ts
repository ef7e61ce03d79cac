import { clientIp } from "../../auth/client-ip";
import { acceptIntakeItem } from "../accept-item";
import { findEndpointByFormKey } from "../intake-endpoint";
import { consumeFormSubmission } from "../intake-limiters";
import { BODY_LIMITS } from "../intake.schemas";
import { HONEYPOT_FIELD } from "../lead-form-fields";
import { intakeKindsOf, isProblem, normalisePayload, type PayloadProblem } from "../normalise-payload";
import { accepted, fail, json, problemResponse, tooLarge } from "./respond";
import { declaredTooLarge, parseJson, readLimitedBody } from "./read-body";

export { HONEYPOT_FIELD };

/** Any site may embed the form; nothing is sent with credentials. */
export const FORM_CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "content-type, accept",
  "access-control-max-age": "600",
};

export const formPreflight = () => new Response(null, { status: 204, headers: FORM_CORS });

type Body = { value: Record<string, unknown>; wantsJson: boolean };

async function readForm(request: Request, bytes: Uint8Array<ArrayBuffer>): Promise<Body | null> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const wantsJson = type.includes("json") || (request.headers.get("accept") ?? "").includes("application/json");
  if (type.includes("application/json")) {
    const parsed = parseJson(bytes);
    if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null) return null;
    return { value: parsed.value as Record<string, unknown>, wantsJson };
  }
  try {
    const form = type.includes("multipart/form-data")
      ? await new Response(bytes, { headers: { "content-type": type } }).formData()
      : new URLSearchParams(Buffer.from(bytes).toString("utf8"));
    const value: Record<string, unknown> = {};
    for (const [k, v] of form.entries()) if (typeof v === "string" && v !== "") value[k] = v;
    return { value, wantsJson };
  } catch {
    return null;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain HTML form (no script) navigates to the answer: give it a page, not JSON. */
function page(status: number, title: string, message: string): Response {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><h1 style="font-size:1.25rem">${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="javascript:history.back()">Back</a></p></body></html>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...FORM_CORS },
  });
}

function answerProblem(body: Body | null, problem: PayloadProblem) {
  return body?.wantsJson === false
    ? page(problem.status, "Please check the form", problem.message)
    : problemResponse(problem, FORM_CORS);
}

/** POST /api/intake/form/<formKey>: the lead form snippet (public: form key, honeypot, rate limit). */
export async function handleLeadForm(request: Request, formKey: string) {
  if (declaredTooLarge(request, BODY_LIMITS.form)) return tooLarge(BODY_LIMITS.form, FORM_CORS);
  const target = await findEndpointByFormKey(formKey);
  if (!target || !intakeKindsOf(target.templateKey)?.includes("lead")) {
    return fail(404, "not_found", "No form here.", FORM_CORS);
  }
  const wait = await consumeFormSubmission(target.endpointId, clientIp(request.headers));
  if (wait !== null) {
    return fail(429, "rate_limited", "Too many submissions from this address. Try again later.", {
      ...FORM_CORS,
      "retry-after": String(wait),
    });
  }
  const bytes = await readLimitedBody(request, BODY_LIMITS.form);
  if (!bytes) return tooLarge(BODY_LIMITS.form, FORM_CORS);
  const body = await readForm(request, bytes);
  if (!body)
    return answerProblem(body, { status: 400, error: "invalid_payload", message: "The form could not be read." });

  const { [HONEYPOT_FIELD]: trap, ...fields } = body.value;
  if (typeof trap === "string" && trap.trim() !== "") {
    return body.wantsJson ? json(202, { ok: true }, FORM_CORS) : page(200, "Thank you", "We received your details.");
  }
  const normalised = normalisePayload("lead", { source: "web_form", ...fields });
  if (isProblem(normalised)) return answerProblem(body, normalised);
  const result = await acceptIntakeItem({
    orgId: target.orgId,
    workflowId: target.workflowId,
    channel: "form",
    ...normalised,
    actor: { type: "system", id: target.endpointId, label: "lead form" },
    requesterId: null,
  });
  return body.wantsJson ? accepted(result, FORM_CORS) : page(200, "Thank you", "We received your details.");
}
