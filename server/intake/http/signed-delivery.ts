import { acceptIntakeItem } from "../accept-item";
import { emailToItem } from "../email-intake";
import { findEndpointById, type DeliveryTarget } from "../intake-endpoint";
import { spendSignature } from "../intake-limiters";
import { BODY_LIMITS } from "../intake.schemas";
import { isProblem, normalisePayload, resolveKind, splitEnvelope } from "../normalise-payload";
import { SIGNATURE_HEADER, verifySignature } from "../webhook-signature";
import { accepted, fail, problemResponse, tooLarge } from "./respond";
import { declaredTooLarge, parseJson, readLimitedBody } from "./read-body";

type SignedChannel = "webhook" | "email";

const NOT_FOUND = () => fail(404, "not_found", "No intake endpoint here.");

/**
 * POST /api/intake/<endpointId>/webhook (JSON) and /email (raw RFC 822): signed with the
 * workflow's secret. Order: size → endpoint → signature → replay → parse → validate → store.
 */
export async function handleSignedDelivery(request: Request, endpointId: string, channel: SignedChannel) {
  const limit = channel === "email" ? BODY_LIMITS.email : BODY_LIMITS.json;
  if (declaredTooLarge(request, limit)) return tooLarge(limit);
  const target = await findEndpointById(endpointId);
  if (!target) return NOT_FOUND();
  const body = await readLimitedBody(request, limit);
  if (!body) return tooLarge(limit);

  const check = verifySignature({ header: request.headers.get(SIGNATURE_HEADER), body, secret: target.secret });
  if (!check.ok) return fail(401, `signature_${check.reason}`, check.message);
  if (!(await spendSignature(target.endpointId, check.signature))) {
    return fail(401, "signature_replayed", "This signed delivery was already received; sign each delivery anew.");
  }
  return channel === "email" ? acceptEmail(target, body) : acceptJson(target, body);
}

async function acceptJson(target: DeliveryTarget, body: Uint8Array) {
  const parsed = parseJson(body);
  if (!parsed.ok) return fail(400, "invalid_json", "The body is not valid JSON.");
  const { kind: requested, raw } = splitEnvelope(parsed.value);
  const kind = resolveKind(target.templateKey, requested);
  if (isProblem(kind)) return problemResponse(kind);
  const normalised = normalisePayload(kind, raw);
  if (isProblem(normalised)) return problemResponse(normalised);
  return accepted(
    await acceptIntakeItem({
      orgId: target.orgId,
      workflowId: target.workflowId,
      channel: "webhook",
      ...normalised,
      actor: { type: "system", id: target.endpointId, label: "signed webhook" },
      requesterId: null,
    }),
  );
}

async function acceptEmail(target: DeliveryTarget, body: Uint8Array) {
  const item = await emailToItem(target.templateKey, body);
  if (isProblem(item)) return problemResponse(item);
  const normalised = normalisePayload(item.kind, item.raw);
  if (isProblem(normalised)) return problemResponse(normalised);
  return accepted(
    await acceptIntakeItem({
      orgId: target.orgId,
      workflowId: target.workflowId,
      channel: "email",
      ...normalised,
      attachments: item.attachments,
      actor: { type: "system", id: target.endpointId, label: "signed email" },
      requesterId: null,
    }),
  );
}
