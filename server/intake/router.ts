import { z } from "zod";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys";
import { getIntakeSetup, rotateEndpointSecret, type IntakeActor } from "./intake-endpoint";
import {
  ZApiKeyView,
  ZCreateApiKeyRequest,
  ZIntakeItemView,
  ZListItemsRequest,
  ZRevokeApiKeyRequest,
  ZSubmitInvoicePdfRequest,
  ZSubmitInvoiceTextRequest,
  ZWorkflowRef,
} from "./intake.schemas";
import { listIntakeItems } from "./list-items";
import { resendPendingItems } from "./resend-items";
import { submitInvoice } from "./submit-invoice";

const actorOf = (ctx: { org: { id: string }; user: { id: string }; actor: IntakeActor["actor"] }): IntakeActor => ({
  orgId: ctx.org.id,
  userId: ctx.user.id,
  actor: ctx.actor,
});

/** A workflow's intake: endpoint and secret, API keys, received items, invoice upload. */
export const intakeRouter = router({
  setup: orgProcedure("workflow.read")
    .input(ZWorkflowRef)
    .query(({ ctx, input }) => ctx.scope((tx) => getIntakeSetup(tx, ctx.org.id, input.workflowId))),
  rotateSecret: orgProcedure("intake.manage")
    .input(ZWorkflowRef)
    .mutation(({ ctx, input }) => rotateEndpointSecret(actorOf(ctx), input.workflowId)),
  apiKeys: orgProcedure("intake.manage")
    .input(ZWorkflowRef)
    .output(z.array(ZApiKeyView))
    .query(({ ctx, input }) => ctx.scope((tx) => listApiKeys(tx, ctx.org.id, input.workflowId))),
  createApiKey: orgProcedure("intake.manage")
    .input(ZCreateApiKeyRequest)
    .mutation(({ ctx, input }) => createApiKey(actorOf(ctx), input)),
  revokeApiKey: orgProcedure("intake.manage")
    .input(ZRevokeApiKeyRequest)
    .mutation(({ ctx, input }) => revokeApiKey(actorOf(ctx), input.apiKeyId)),
  items: orgProcedure("record.read")
    .input(ZListItemsRequest)
    .output(z.array(ZIntakeItemView))
    .query(({ ctx, input }) => ctx.scope((tx) => listIntakeItems(tx, ctx.org.id, input.workflowId, input.limit))),
  resendPending: orgProcedure("intake.manage")
    .input(ZWorkflowRef)
    .mutation(({ ctx, input }) => resendPendingItems(actorOf(ctx), input.workflowId)),
  submitInvoiceText: orgProcedure("record.write")
    .input(ZSubmitInvoiceTextRequest)
    .mutation(({ ctx, input }) => submitInvoice(actorOf(ctx), input)),
  /** Called by the upload route handler with the file's bytes (JSON callers cannot send bytes). */
  submitInvoicePdf: orgProcedure("record.write")
    .input(ZSubmitInvoicePdfRequest)
    .mutation(({ ctx, input }) => submitInvoice(actorOf(ctx), input)),
});
