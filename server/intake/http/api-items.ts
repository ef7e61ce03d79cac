import { withScope } from "../../db/tenancy";
import { acceptIntakeItem } from "../accept-item";
import { authenticateApiKey, type AuthenticatedKey } from "../api-keys";
import { BODY_LIMITS } from "../intake.schemas";
import { listIntakeItem } from "../list-items";
import { isProblem, normalisePayload, resolveKind, splitEnvelope } from "../normalise-payload";
import { accepted, fail, json, problemResponse, tooLarge } from "./respond";
import { declaredTooLarge, parseJson, readLimitedBody } from "./read-body";

const WORKFLOW_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The workflow a key may send to: its own, or (an organisation-wide key) the one the body names. */
function targetWorkflow(key: AuthenticatedKey, named: unknown): { workflowId: string } | Response {
  if (named !== undefined && (typeof named !== "string" || !WORKFLOW_ID.test(named))) {
    return fail(400, "invalid_workflow_id", "workflowId must be a workflow's id.");
  }
  if (key.workflowId) {
    if (named !== undefined && named !== key.workflowId) {
      return fail(403, "wrong_workflow", "This API key may only send to its own workflow.");
    }
    return { workflowId: key.workflowId };
  }
  if (named === undefined) return fail(400, "workflow_required", "Name the workflow: this key is organisation-wide.");
  return { workflowId: named };
}

/** POST /api/intake/v1/items with `Authorization: Bearer <key>` (scope intake:write). */
export async function handleApiItem(request: Request) {
  if (declaredTooLarge(request, BODY_LIMITS.json)) return tooLarge(BODY_LIMITS.json);
  const auth = await authenticateApiKey(request.headers.get("authorization"), "intake:write");
  if (!auth.ok) return fail(auth.status, auth.status === 401 ? "unauthorized" : "forbidden", auth.message);
  const body = await readLimitedBody(request, BODY_LIMITS.json);
  if (!body) return tooLarge(BODY_LIMITS.json);
  const parsed = parseJson(body);
  if (!parsed.ok) return fail(400, "invalid_json", "The body is not valid JSON.");

  const { workflowId: named, kind: requested, raw } = splitEnvelope(parsed.value);
  const target = targetWorkflow(auth.key, named);
  if (target instanceof Response) return target;
  const { orgId } = auth.key;
  const workflow = await withScope({ orgId }, (tx) =>
    tx.workflow.findFirst({ where: { id: target.workflowId, orgId }, select: { id: true, templateKey: true } }),
  );
  if (!workflow) return fail(404, "not_found", "No such workflow for this key.");

  const kind = resolveKind(workflow.templateKey, requested);
  if (isProblem(kind)) return problemResponse(kind);
  const normalised = normalisePayload(kind, raw);
  if (isProblem(normalised)) return problemResponse(normalised);
  return accepted(
    await acceptIntakeItem({
      orgId,
      workflowId: workflow.id,
      channel: "api",
      ...normalised,
      actor: { type: "system", id: auth.key.id, label: `API key ${auth.key.prefix}` },
      requesterId: null,
    }),
  );
}

/** GET /api/intake/v1/items/<itemId> (scope intake:read): what became of an item. */
export async function handleApiItemStatus(request: Request, itemId: string) {
  const auth = await authenticateApiKey(request.headers.get("authorization"), "intake:read");
  if (!auth.ok) return fail(auth.status, auth.status === 401 ? "unauthorized" : "forbidden", auth.message);
  if (!WORKFLOW_ID.test(itemId)) return fail(404, "not_found", "No such item for this key.");
  const { orgId, workflowId } = auth.key;
  const item = await withScope({ orgId }, (tx) => listIntakeItem(tx, orgId, itemId));
  if (!item || (workflowId && item.workflowId !== workflowId)) {
    return fail(404, "not_found", "No such item for this key.");
  }
  return json(200, {
    itemId: item.id,
    workflowId: item.workflowId,
    status: item.status,
    runId: item.runId,
    receivedAt: item.receivedAt.toISOString(),
  });
}
