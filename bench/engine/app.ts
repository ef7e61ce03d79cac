import { keepAliveFetch } from "../../inngest/keep-alive-fetch";
import { SdkClient } from "../../inngest/sdk-client";

/** Per-run step timings recorded inside the app, so the executor's gaps can be isolated. */
export class StepClock {
  readonly spans = new Map<string, { start: number; end: number }[]>();

  time<T>(runId: string, index: number, fn: () => T): T {
    const start = performance.now();
    const value = fn();
    const spans = this.spans.get(runId) ?? [];
    spans[index] = { start, end: performance.now() };
    this.spans.set(runId, spans);
    return value;
  }

  /** Executor time between one step's end and the next step's start (step time excluded). */
  gaps(): number[] {
    const out: number[] = [];
    for (const spans of this.spans.values()) {
      for (let i = 1; i < spans.length; i++)
        if (spans[i] && spans[i - 1]) out.push(spans[i]!.start - spans[i - 1]!.end);
    }
    return out;
  }
}

/** A five-step workflow with no AI and trivial step bodies: it measures the engine, not the work. */
export function createBenchApp(
  config: { baseUrl: string; signingKey: string; eventKey: string; bufferedSteps?: number },
  clock: StepClock,
) {
  const { bufferedSteps, ...options } = config;
  // Checkpointing is the SDK's default (each step reported before the next starts); buffering
  // several steps per report is an app-side trade: fewer requests, but an app crash re-runs them.
  // Configured as inngest/client.ts configures the app's client.
  const client = new SdkClient({
    id: "handrail-bench",
    isDev: false,
    ...options,
    fetch: keepAliveFetch,
    ...(bufferedSteps ? { checkpointing: { bufferedSteps } } : {}),
  });
  const workflow = client.createFunction(
    { id: "five-steps", triggers: [{ event: "bench/start" }] },
    async ({ step, runId, event }) => {
      let total = 0;
      for (let i = 0; i < 5; i++) {
        total += await step.run(`s${i}`, () => clock.time(runId, i, () => i + Number(event.data.n ?? 0)));
      }
      return total;
    },
  );
  return { client, functions: [workflow] };
}
