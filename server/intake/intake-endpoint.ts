import { appendAudit } from "../audit/append-audit";
import type { AuditActor } from "../audit/audit.schemas";
import { decryptSecret, encryptSecret, randomToken } from "../auth/crypto";
import { enterOrg, withScope, type Tx } from "../db/tenancy";
import { env } from "../env";
import { AppError } from "../errors";
import { intakeKindsOf } from "./normalise-payload";

export type IntakeActor = { orgId: string; userId: string; actor: AuditActor };

/** Where a public delivery goes, once its endpoint (or form key) was found. */
export type DeliveryTarget = {
  endpointId: string;
  orgId: string;
  workflowId: string;
  templateKey: string;
  formKey: string;
  secret: string;
};

const ENDPOINT_ID = /^[A-Za-z0-9_-]{10,64}$/;

/** The signing secret's form: recognisable in config files, 32 random bytes. */
const newSecret = () => `whsec_${randomToken(32)}`;

async function targetWhere(key: string, by: "id" | "formKey"): Promise<DeliveryTarget | null> {
  if (!ENDPOINT_ID.test(key)) return null;
  return withScope({ intakeKey: key }, async (tx) => {
    const endpoint = await tx.intakeEndpoint.findFirst({ where: by === "id" ? { id: key } : { formKey: key } });
    if (!endpoint) return null;
    await enterOrg(tx, endpoint.orgId);
    const workflow = await tx.workflow.findFirst({
      where: { id: endpoint.workflowId, orgId: endpoint.orgId },
      select: { templateKey: true },
    });
    if (!workflow) return null;
    return {
      endpointId: endpoint.id,
      orgId: endpoint.orgId,
      workflowId: endpoint.workflowId,
      templateKey: workflow.templateKey,
      formKey: endpoint.formKey,
      secret: decryptSecret(endpoint.secretCiphertext),
    };
  });
}

/** Public lookups: before the organisation is known, RLS lets exactly this endpoint be read. */
export const findEndpointById = (endpointId: string) => targetWhere(endpointId, "id");
export const findEndpointByFormKey = (formKey: string) => targetWhere(formKey, "formKey");

export async function requireWorkflow(tx: Tx, orgId: string, workflowId: string) {
  const workflow = await tx.workflow.findFirst({
    where: { id: workflowId, orgId },
    select: { id: true, name: true, templateKey: true, pausedAt: true },
  });
  if (!workflow) throw new AppError("NOT_FOUND", "That workflow was not found.");
  return workflow;
}

/** What the intake page shows: the workflow, its kinds, and its endpoint (never the secret). */
export async function getIntakeSetup(tx: Tx, orgId: string, workflowId: string) {
  const workflow = await requireWorkflow(tx, orgId, workflowId);
  const endpoint = await tx.intakeEndpoint.findUnique({
    where: { workflowId },
    select: { id: true, formKey: true, createdAt: true, rotatedAt: true },
  });
  // Public URLs are built from APP_URL: what senders outside reach, not the address of this request.
  return { workflow, kinds: [...(intakeKindsOf(workflow.templateKey) ?? [])], endpoint, appUrl: env.APP_URL };
}

/**
 * Creates the workflow's endpoint on first use, or replaces its signing secret. The secret is
 * returned once (stored encrypted); the old one stops working at once.
 */
export async function rotateEndpointSecret(ctx: IntakeActor, workflowId: string) {
  const secret = newSecret();
  return withScope({ orgId: ctx.orgId, userId: ctx.userId }, async (tx) => {
    const workflow = await requireWorkflow(tx, ctx.orgId, workflowId);
    if (!intakeKindsOf(workflow.templateKey)) {
      throw new AppError("PRECONDITION_FAILED", "This workflow's template takes no intake.");
    }
    const existing = await tx.intakeEndpoint.findUnique({ where: { workflowId }, select: { id: true } });
    const endpoint = existing
      ? await tx.intakeEndpoint.update({
          where: { id: existing.id },
          data: { secretCiphertext: encryptSecret(secret), rotatedAt: new Date() },
        })
      : await tx.intakeEndpoint.create({
          data: { orgId: ctx.orgId, workflowId, secretCiphertext: encryptSecret(secret), formKey: randomToken(24) },
        });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "intake.secret_rotated",
      targetType: "workflow",
      targetId: workflowId,
      data: { endpointId: endpoint.id, created: !existing },
    });
    return { endpointId: endpoint.id, formKey: endpoint.formKey, secret, created: !existing };
  });
}
