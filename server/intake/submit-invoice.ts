import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { withScope } from "../db/tenancy";
import { AppError } from "../errors";
import { acceptIntakeItem } from "./accept-item";
import type { AttachmentToStore } from "./email-intake";
import { requireWorkflow, type IntakeActor } from "./intake-endpoint";
import type { ZSubmitInvoicePdfRequest, ZSubmitInvoiceTextRequest } from "./intake.schemas";
import { intakeKindsOf, isProblem, normalisePayload } from "./normalise-payload";
import { extractPdfText } from "./pdf-text";

type SubmitInvoice = z.infer<typeof ZSubmitInvoiceTextRequest> | z.infer<typeof ZSubmitInvoicePdfRequest>;

/**
 * An invoice a person uploads (PDF: its text layer becomes the invoice text, the file is kept)
 * or pastes. Same contract, duplicate rule and trigger as every other channel; the person is
 * the run's requester, so they cannot approve what their own invoice proposes.
 */
export async function submitInvoice(ctx: IntakeActor, input: SubmitInvoice) {
  const workflow = await withScope({ orgId: ctx.orgId, userId: ctx.userId }, (tx) =>
    requireWorkflow(tx, ctx.orgId, input.workflowId),
  );
  if (!intakeKindsOf(workflow.templateKey)?.includes("invoice")) {
    throw new AppError("PRECONDITION_FAILED", "This workflow does not take invoices.");
  }
  const attachments: AttachmentToStore[] = [];
  let raw: Record<string, unknown>;
  if ("pdf" in input) {
    const extracted = await extractPdfText(input.pdf);
    if (!extracted.ok) throw new AppError("BAD_REQUEST", extracted.message);
    const id = randomUUID();
    attachments.push({
      id,
      filename: input.filename,
      contentType: "application/pdf",
      content: input.pdf,
      extractedText: extracted.text,
    });
    raw = { text: extracted.text, filename: input.filename, attachment_id: id };
  } else {
    raw = { text: input.text, filename: input.filename ?? null };
  }
  const normalised = normalisePayload("invoice", raw);
  if (isProblem(normalised)) throw new AppError("BAD_REQUEST", normalised.message);
  return acceptIntakeItem({
    orgId: ctx.orgId,
    workflowId: workflow.id,
    channel: "upload",
    kind: "invoice",
    payload: normalised.payload,
    sourceId: normalised.sourceId,
    attachments,
    actor: ctx.actor,
    requesterId: ctx.userId,
  });
}
