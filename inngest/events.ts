import { eventType } from "inngest";
import { z } from "zod";

/** Every event the app sends or waits for, with its schema: the one source of truth. */

/** A trigger for a governed run: the actions a workflow proposes for one item. */
export const workflowRunRequested = eventType("workflow/run.requested", {
  schema: z.object({
    orgId: z.string(),
    workflowId: z.string(),
    /** Source id of the item (lead, ticket, invoice): one run per key and workflow. */
    triggerKey: z.string().min(1).max(200),
    entityKey: z.string().max(200).nullable(),
    requesterId: z.string().nullable(),
    input: z.record(z.string(), z.unknown()),
    /** Validated one by one against ZProposedAction when proposed, so one bad action fails alone. */
    actions: z.array(z.record(z.string(), z.unknown())).max(1000),
  }),
});

export const approvalDecided = eventType("approval/decided", {
  schema: z.object({
    orgId: z.string(),
    approvalId: z.string(),
    outcome: z.enum(["approved", "rejected"]),
  }),
});

export const workflowPaused = eventType("workflow/paused", {
  schema: z.object({ orgId: z.string(), workflowId: z.string() }),
});

export const orgAutomationPaused = eventType("org/automation.paused", {
  schema: z.object({ orgId: z.string() }),
});

/** The four templates; each has its own trigger event (below) and function (inngest/functions). */
export const TEMPLATE_KEYS = ["lead_routing", "support_triage", "ap_invoice_matching", "content_distribution"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/**
 * An intake item accepted for a template workflow. The payload stays in IntakeItem (validated at
 * intake, attachments kept); the event carries its id, so events stay small and nothing is lost.
 */
const ZIntakeItemReceived = z.object({
  orgId: z.string(),
  workflowId: z.string(),
  intakeItemId: z.string(),
  /** The item's source id: one run per key and workflow. */
  triggerKey: z.string().min(1).max(200),
  /** The person who submitted it by hand (upload, form in the app), if any. */
  requesterId: z.string().nullable(),
});

export const leadReceived = eventType("lead/received", { schema: ZIntakeItemReceived });
export const ticketReceived = eventType("ticket/received", { schema: ZIntakeItemReceived });
export const invoiceReceived = eventType("invoice/received", { schema: ZIntakeItemReceived });
export const articlePublished = eventType("article/published", { schema: ZIntakeItemReceived });
export const mentionReceived = eventType("mention/received", { schema: ZIntakeItemReceived });

/** Which event an intake item of each kind starts. */
export const INTAKE_EVENTS = {
  lead: leadReceived,
  ticket: ticketReceived,
  invoice: invoiceReceived,
  article: articlePublished,
  mention: mentionReceived,
} as const;
export type IntakeKind = keyof typeof INTAKE_EVENTS;
