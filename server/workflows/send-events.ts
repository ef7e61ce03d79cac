import { inngest } from "@/inngest/client";

type OutgoingEvent = { name: string; data: Record<string, unknown> };

/**
 * Sends events after the transaction that caused them committed. A failed send is logged and
 * reported, not thrown: the state change stands, and the runtime re-checks that state before it
 * acts (kill switch before every execution, approval status on every timeout).
 */
export async function sendAfterCommit(events: OutgoingEvent[]): Promise<boolean> {
  if (events.length === 0) return true;
  try {
    await inngest.send(events);
    return true;
  } catch (error) {
    console.error(`[events] could not send ${events.map((e) => e.name).join(", ")}: ${(error as Error).name}`);
    return false;
  }
}
