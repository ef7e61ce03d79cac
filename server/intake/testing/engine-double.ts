import { vi } from "vitest";
import { inngest } from "@/inngest/client";

export type SentEvent = { id?: string; name: string; data: Record<string, unknown> };

/**
 * Stands in for the engine at the edge (the Inngest client's `send`): records what intake sends,
 * or fails like an unreachable engine while `down` is set.
 */
export function captureIntakeEvents() {
  const sent: SentEvent[] = [];
  const state = { down: false };
  const spy = vi.spyOn(inngest, "send").mockImplementation(((event: SentEvent) => {
    if (state.down) return Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:8288"));
    sent.push(event);
    return Promise.resolve({ ids: [event.id ?? "event"] });
  }) as never);
  return {
    sent,
    setDown: (down: boolean) => {
      state.down = down;
    },
    restore: () => spy.mockRestore(),
  };
}
