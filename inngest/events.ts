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
