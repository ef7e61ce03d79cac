import { z } from "zod";

/** How an item reached a workflow. */
export const INTAKE_CHANNELS = ["webhook", "api", "form", "email", "upload"] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/**
 * Stored status: `accepted` (stored; its trigger event not sent yet), `sent` (the engine has
 * the event), `duplicate` (a repeated delivery, kept as a log row pointing at the original).
 */
export const STORED_ITEM_STATUSES = ["accepted", "sent", "duplicate"] as const;
export type StoredItemStatus = (typeof STORED_ITEM_STATUSES)[number];

/** What people see: the stored status joined with the run the item started, if any. */
export const ITEM_DISPLAY_STATUSES = ["accepted", "queued", "run_started", "duplicate", "failed"] as const;
export type ItemDisplayStatus = (typeof ITEM_DISPLAY_STATUSES)[number];

/** Body limits, checked before a body is parsed (Content-Length first, then while reading). */
export const BODY_LIMITS = {
  json: 1024 * 1024,
  form: 64 * 1024,
  email: 10 * 1024 * 1024,
  pdf: 10 * 1024 * 1024,
} as const;

export const API_KEY_SCOPES = ["intake:write", "intake:read"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const ZWorkflowRef = z.object({ workflowId: z.string().min(1).max(64) });

export const ZCreateApiKeyRequest = z.object({
  /** The workflow the key may send to; null = any workflow of the organisation (body names it). */
  workflowId: z.string().min(1).max(64).nullable(),
  name: z.string().trim().min(1, "Give the key a name.").max(100),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "Choose at least one scope.").max(API_KEY_SCOPES.length),
  /** Days until the key stops working; null = no expiry. */
  expiresInDays: z.number().int().min(1).max(730).nullable(),
});

export const ZRevokeApiKeyRequest = z.object({ apiKeyId: z.string().min(1).max(64) });

export const ZListItemsRequest = ZWorkflowRef.extend({ limit: z.number().int().min(1).max(100).default(25) });

export const ZSubmitInvoiceTextRequest = ZWorkflowRef.extend({
  text: z.string().trim().min(1, "Paste the invoice text.").max(200_000),
  filename: z.string().trim().max(300).nullish(),
});

/** Bytes come from the upload route handler (a server-side call); JSON callers cannot send them. */
export const ZSubmitInvoicePdfRequest = ZWorkflowRef.extend({
  filename: z.string().trim().min(1).max(300),
  pdf: z.instanceof(Uint8Array).refine((b) => b.byteLength <= BODY_LIMITS.pdf, "The PDF is larger than 10 MB."),
});

export const ZApiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  workflowId: z.string().nullable(),
  scopes: z.array(z.string()),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type ApiKeyView = z.infer<typeof ZApiKeyView>;

export const ZIntakeItemView = z.object({
  id: z.string(),
  workflowId: z.string(),
  channel: z.string(),
  kind: z.string().nullable(),
  summary: z.string(),
  sourceId: z.string(),
  status: z.enum(ITEM_DISPLAY_STATUSES),
  error: z.string().nullable(),
  runId: z.string().nullable(),
  runStatus: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  attachments: z.number(),
  receivedAt: z.date(),
});
export type IntakeItemView = z.infer<typeof ZIntakeItemView>;
