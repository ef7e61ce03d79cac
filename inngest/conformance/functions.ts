import { NonRetriableError, RetryAfterError } from "inngest";
import { keepAliveFetch } from "../keep-alive-fetch";
import { SdkClient } from "../sdk-client";

/**
 * Side effects the suite counts: every step body records (run, step) here, so "ran once" is
 * measured in the app, not taken from the executor's word.
 */
export class Probe {
  readonly executions = new Map<string, number[]>();
  readonly inFlight = new Map<string, number>();
  readonly maxInFlight = new Map<string, number>();
  readonly failures: { runId: string; functionId: string; message: string }[] = [];

  record(runId: string, step: string): void {
    const key = `${runId}:${step}`;
    this.executions.set(key, [...(this.executions.get(key) ?? []), Date.now()]);
  }

  count(runId: string, step: string): number {
    return this.executions.get(`${runId}:${step}`)?.length ?? 0;
  }

  times(runId: string, step: string): number[] {
    return this.executions.get(`${runId}:${step}`) ?? [];
  }

  enter(group: string): void {
    const n = (this.inFlight.get(group) ?? 0) + 1;
    this.inFlight.set(group, n);
    this.maxInFlight.set(group, Math.max(n, this.maxInFlight.get(group) ?? 0));
  }

  leave(group: string): void {
    this.inFlight.set(group, (this.inFlight.get(group) ?? 1) - 1);
  }
}

export type ConformanceConfig = { baseUrl: string; signingKey: string; eventKey: string };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The functions every engine (local executor, Inngest server) must run the same way. */
export function createConformanceFunctions(config: ConformanceConfig, probe: Probe) {
  // Configured as the app's client (inngest/client.ts), so the suite tests what the app runs.
  const client = new SdkClient({
    id: "handrail-conformance",
    isDev: false,
    baseUrl: config.baseUrl,
    signingKey: config.signingKey,
    eventKey: config.eventKey,
    fetch: keepAliveFetch,
  });

  const steps = client.createFunction(
    { id: "steps", triggers: [{ event: "conformance/steps" }] },
    async ({ step, runId, event }) => {
      const a = await step.run("a", () => (probe.record(runId, "a"), 1));
      const b = await step.run("b", () => (probe.record(runId, "b"), a + 1));
      const c = await step.run("c", () => (probe.record(runId, "c"), { sum: a + b, echo: event.data.echo as unknown }));
      return c;
    },
  );

  const flaky = client.createFunction(
    { id: "flaky", retries: 3, triggers: [{ event: "conformance/flaky" }] },
    async ({ step, runId, attempt }) => {
      return step.run("flaky", () => {
        probe.record(runId, "flaky");
        if (attempt < 2) throw new Error(`attempt ${attempt} fails`);
        return { attempt };
      });
    },
  );

  const retryAfter = client.createFunction(
    { id: "retry-after", retries: 1, triggers: [{ event: "conformance/retry-after" }] },
    async ({ step, runId, attempt }) =>
      step.run("wait-for-it", () => {
        probe.record(runId, "wait-for-it");
        if (attempt === 0) throw new RetryAfterError("not yet", "2s");
        return "ok";
      }),
  );

  const doomed = client.createFunction(
    {
      id: "doomed",
      retries: 1,
      triggers: [{ event: "conformance/doomed" }],
      onFailure: ({ event, error, runId }) => {
        probe.failures.push({ runId: event.data.run_id, functionId: event.data.function_id, message: error.message });
        probe.record(runId, "on-failure");
      },
    },
    async ({ step, runId }) =>
      step.run("always-throws", () => (probe.record(runId, "always-throws"), Promise.reject(new Error("boom")))),
  );

  const notRetried = client.createFunction(
    { id: "not-retried", retries: 3, triggers: [{ event: "conformance/not-retried" }] },
    ({ runId }) => {
      probe.record(runId, "body");
      throw new NonRetriableError("no point retrying");
    },
  );

  const sleeper = client.createFunction(
    { id: "sleeper", triggers: [{ event: "conformance/sleep" }] },
    async ({ step, runId }) => {
      const before = await step.run("before", () => (probe.record(runId, "before"), Date.now()));
      await step.sleep("nap", "1s");
      const after = await step.run("after", () => (probe.record(runId, "after"), Date.now()));
      return { slept: after - before };
    },
  );

  const waiter = client.createFunction(
    {
      id: "waiter",
      triggers: [{ event: "conformance/wait" }],
      cancelOn: [{ event: "conformance/cancel", if: "async.data.id == event.data.id" }],
    },
    async ({ step, event }) => {
      const approval = await step.waitForEvent("approval", {
        event: "conformance/approve",
        timeout: String(event.data.timeout ?? "1m"),
        if: "async.data.id == event.data.id && async.data.missing == null",
      });
      return { approved: approval ? (approval.data.id as string) : null };
    },
  );

  const napper = client.createFunction(
    {
      id: "napper",
      triggers: [{ event: "conformance/nap" }],
      cancelOn: [{ event: "conformance/cancel", if: "async.data.id == event.data.id" }],
    },
    async ({ step, runId }) => {
      await step.sleep("long-nap", "1m");
      probe.record(runId, "woke");
      return "woke";
    },
  );

  const limited = client.createFunction(
    { id: "limited", concurrency: { limit: 2, key: "event.data.group" }, triggers: [{ event: "conformance/limited" }] },
    async ({ step, event }) => {
      const group = String(event.data.group);
      await step.run("work", async () => {
        probe.enter(group);
        probe.enter("*");
        await pause(250);
        probe.leave("*");
        probe.leave(group);
      });
      return group;
    },
  );

  const idempotent = client.createFunction(
    { id: "idempotent", idempotency: "event.data.key", triggers: [{ event: "conformance/idempotent" }] },
    ({ event }) => event.data.key as string,
  );

  const rateLimited = client.createFunction(
    {
      id: "rate-limited",
      rateLimit: { limit: 2, period: "1m", key: "event.data.key" },
      triggers: [{ event: "conformance/rate-limited" }],
    },
    ({ event }) => event.data.key as string,
  );

  const sender = client.createFunction(
    { id: "sender", triggers: [{ event: "conformance/send" }] },
    async ({ step, event }) => {
      const sent = await step.sendEvent("emit", { name: "conformance/emitted", data: { id: event.data.id as string } });
      return sent.ids.length;
    },
  );

  const receiver = client.createFunction(
    { id: "receiver", triggers: [{ event: "conformance/emitted" }] },
    ({ event }) => ({
      received: event.data.id as string,
    }),
  );

  const child = client.createFunction(
    { id: "child", triggers: [{ event: "conformance/child-unused" }] },
    ({ event }) => ({
      n: (event.data.n as number) + 1,
    }),
  );

  const parent = client.createFunction(
    { id: "parent", triggers: [{ event: "conformance/invoke" }] },
    async ({ step }) => {
      const result = await step.invoke("call-child", { function: child, data: { n: 41 } });
      return { fromChild: result.n };
    },
  );

  /** The restart scenario: steps, a sleep, a wait that may match or time out. */
  const durable = client.createFunction(
    { id: "durable", triggers: [{ event: "conformance/durable" }] },
    async ({ step, runId, event }) => {
      const one = await step.run("one", async () => (probe.record(runId, "one"), await pause(20), 1));
      await step.sleep("rest", "1s");
      const two = await step.run("two", async () => (probe.record(runId, "two"), await pause(20), one + 1));
      const signal = await step.waitForEvent("signal", {
        event: "conformance/signal",
        timeout: "2s",
        if: "async.data.id == event.data.id",
      });
      const three = await step.run("three", async () => (probe.record(runId, "three"), await pause(20), two + 1));
      return { id: event.data.id as number, total: one + two + three, signalled: signal !== null };
    },
  );

  /** Five consecutive steps: with checkpointing, one call runs them all, reporting each as it ends. */
  const checkpointed = client.createFunction(
    { id: "checkpointed", triggers: [{ event: "conformance/checkpointed" }] },
    async ({ step, runId, event }) => {
      let total = 0;
      for (let i = 0; i < 5; i++) {
        total += await step.run(
          `c${i}`,
          async () => (probe.record(runId, `c${i}`), await pause(Number(event.data.pauseMs ?? 0)), i),
        );
      }
      return { total };
    },
  );

  const functions = [
    checkpointed,
    steps,
    flaky,
    retryAfter,
    doomed,
    notRetried,
    sleeper,
    waiter,
    napper,
    limited,
    idempotent,
    rateLimited,
    sender,
    receiver,
    child,
    parent,
    durable,
  ];
  return { client, functions };
}
