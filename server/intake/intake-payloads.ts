import { z } from "zod";
import type { IntakeKind, TemplateKey } from "@/inngest/events";

/**
 * What each kind of intake item carries once accepted: the contract between intake (which
 * validates and stores it in IntakeItem.payload) and the template functions (which read it).
 * Channels (webhook, API, lead form, raw email, upload) all normalise to one of these.
 */

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** An id the sender gives the item; duplicates (same source id) start no second run. */
const sourceId = text(200).min(1).optional();

export const ZLeadPayload = z.object({
  source_id: sourceId,
  email: z.string().trim().toLowerCase().pipe(z.email("a valid email address")),
  first_name: optionalText(100),
  last_name: optionalText(100),
  company: optionalText(200),
  website: optionalText(300),
  title: optionalText(200),
  phone: optionalText(40),
  country: optionalText(2),
  employees: z.coerce.number().int().nonnegative().max(10_000_000).nullish(),
  message: optionalText(5000),
  /** web_form, api, event, referral, ... as the sender names it (normalised by the template). */
  source: optionalText(100),
});

export const ZTicketPayload = z.object({
  source_id: sourceId,
  from: z.string().trim().toLowerCase().pipe(z.email("a valid sender email address")),
  from_name: optionalText(200),
  subject: text(300).min(1, "a subject"),
  body: text(20_000).min(1, "a message body"),
  customer_tier: z.enum(["standard", "premium", "vip"]).optional(),
  channel: z.enum(["email", "chat", "web", "api"]).default("api"),
});

export const ZInvoicePayload = z
  .object({
    source_id: sourceId,
    /** The invoice's text (typed, pasted, or extracted from an uploaded PDF by intake). */
    text: text(200_000).min(1, "the invoice text"),
    filename: optionalText(300),
    /** Set when the text came from an attachment (IntakeAttachment.id). */
    attachment_id: optionalText(64),
  })
  .strict();

export const ZArticlePayload = z.object({
  source_id: sourceId,
  title: text(300).min(1, "a title"),
  url: z.url().nullish(),
  summary: optionalText(2000),
  body: text(100_000).min(1, "the article body"),
  sensitivity: z.array(text(64)).max(20).default([]),
});

export const ZMentionPayload = z.object({
  source_id: sourceId,
  /** Channel record id or platform handle the mention arrived on. */
  channel: text(200).min(1),
  author: text(200).min(1),
  body: text(10_000).min(1),
  post_id: optionalText(128),
});

export const INTAKE_PAYLOADS = {
  lead: ZLeadPayload,
  ticket: ZTicketPayload,
  invoice: ZInvoicePayload,
  article: ZArticlePayload,
  mention: ZMentionPayload,
} as const satisfies Record<IntakeKind, z.ZodType>;

export type IntakePayload<K extends IntakeKind> = z.output<(typeof INTAKE_PAYLOADS)[K]>;

/** The intake kinds each template accepts; the first is its main trigger. */
export const TEMPLATE_INTAKE_KINDS: Record<TemplateKey, readonly IntakeKind[]> = {
  lead_routing: ["lead"],
  support_triage: ["ticket"],
  ap_invoice_matching: ["invoice"],
  content_distribution: ["article", "mention"],
};
