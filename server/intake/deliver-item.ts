import { setTimeout as delay } from "node:timers/promises";
import { inngest } from "@/inngest/client";
import { INTAKE_EVENTS, type IntakeKind } from "@/inngest/events";
import { withScope } from "../db/tenancy";

export type Delivery = {
  itemId: string;
  orgId: string;
  workflowId: string;
  kind: IntakeKind;
  sourceId: string;
  requesterId: string | null;
};

/** Tries per delivery, and the pause before the second; the intake page resends the rest. */
const ATTEMPTS = 2;
const RETRY_DELAY_MS = 250;

/**
 * Sends the item's trigger event. The event id is the item's, so the engine drops a repeat
 * within its idempotency window, and the run itself is unique per (workflow, source id): a
 * resend after an unclear failure never starts a second run.
 */
export async function deliverItem(item: Delivery): Promise<boolean> {
  const event = {
    id: `intake-${item.itemId}`,
    name: INTAKE_EVENTS[item.kind].name,
    data: {
      orgId: item.orgId,
      workflowId: item.workflowId,
      intakeItemId: item.itemId,
      triggerKey: item.sourceId,
      requesterId: item.requesterId,
    },
  };
  let failure = "";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    try {
      await inngest.send(event);
      await withScope({ orgId: item.orgId }, (tx) =>
        tx.intakeItem.updateMany({ where: { id: item.itemId }, data: { status: "sent", error: null } }),
      );
      return true;
    } catch (error) {
      // The error's name only: messages from the SDK can echo the event, which holds ids only, but stay careful.
      failure = error instanceof Error ? error.name : "Error";
      if (attempt < ATTEMPTS) await delay(RETRY_DELAY_MS);
    }
  }
  console.error(`[intake] trigger event for item ${item.itemId} not sent (${failure}); it stays accepted`);
  await withScope({ orgId: item.orgId }, (tx) =>
    tx.intakeItem.updateMany({
      where: { id: item.itemId, status: "accepted" },
      data: { error: "Stored, but the workflow engine could not be reached. Resend it from the intake page." },
    }),
  );
  return false;
}
