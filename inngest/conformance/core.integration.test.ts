import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson, signBody } from "../local-executor/signing";
import { ended, startConformance } from "./harness";

let h: Awaited<ReturnType<typeof startConformance>>;

beforeAll(async () => {
  h = await startConformance();
});
afterAll(async () => {
  await h?.stop();
});

describe("sync, signing and the event API", () => {
  it("rejects an unknown event key", async () => {
    const res = await fetch(`${h.engine.baseUrl}/e/not-the-key`, {
      method: "POST",
      body: JSON.stringify({ name: "conformance/steps" }),
    });
    expect(res.status).toBe(401);
  });

  it("accepts one event or an array and answers {ids, status: 200}", async () => {
    const one = await h.engine.send({ name: "conformance/unknown", data: {} });
    const many = await h.engine.send([
      { name: "conformance/unknown" },
      { name: "conformance/unknown", data: { a: 1 } },
    ]);
    expect(one).toHaveLength(1);
    expect(many).toHaveLength(2);
  });

  it.runIf(!!process.env.DATABASE_ADMIN_URL)(
    "the SDK rejects a tampered signature and accepts a genuine one",
    async () => {
      const body = canonicalJson({
        event: { name: "conformance/steps", data: {}, id: "x", ts: 1 },
        events: [{ name: "conformance/steps", data: {}, id: "x", ts: 1 }],
        steps: {},
        version: 2,
        ctx: {
          run_id: "r1",
          attempt: 0,
          max_attempts: 1,
          disable_immediate_execution: true,
          use_api: false,
          stack: { stack: [], current: 0 },
        },
      });
      const url = `${h.app.url}?fnId=handrail-conformance-steps&stepId=step`;
      const genuine = signBody(body, h.keys.signingKey);
      const tampered = genuine.replace(/s=(.)/, (_m, c: string) => `s=${c === "0" ? "1" : "0"}`);
      const bad = await fetch(url, { method: "POST", headers: { "x-inngest-signature": tampered }, body });
      expect(bad.status).toBe(401);
      const otherKey = signBody(body, `signkey-test-${"ab".repeat(32)}`);
      expect((await fetch(url, { method: "POST", headers: { "x-inngest-signature": otherKey }, body })).status).toBe(
        401,
      );
      const good = await fetch(url, { method: "POST", headers: { "x-inngest-signature": genuine }, body });
      expect(good.status).toBe(206);
    },
  );
});

describe("the call loop", () => {
  it("runs each step once and memoises results across calls", async () => {
    const [id] = await h.engine.send({ name: "conformance/steps", data: { echo: "hi" } });
    const run = await h.engine.finished(id!);
    expect(run.status).toBe("Completed");
    expect(run.output).toEqual({ sum: 3, echo: "hi" });
    for (const step of ["a", "b", "c"]) expect(h.probe.count(run.run_id, step)).toBe(1);
  });

  const checkpointing =
    !process.env.INNGEST_CONFORMANCE_TARGET && process.env.INNGEST_CONFORMANCE_CHECKPOINTING !== "0";
  it.runIf(checkpointing)("runs consecutive steps in one call, checkpointing each", async () => {
    const [id] = await h.engine.send({ name: "conformance/checkpointed", data: {} });
    const run = await h.engine.finished(id!);
    expect(run.status).toBe("Completed");
    expect(run.output).toEqual({ total: 10 });
    for (let i = 0; i < 5; i++) expect(h.probe.count(run.run_id, `c${i}`)).toBe(1);
    expect(h.app.calls(run.run_id)).toBe(1);
  });

  it.runIf(!process.env.INNGEST_CONFORMANCE_TARGET)(
    "refuses checkpoints without the key, for ended runs and for stale leases",
    async () => {
      const url = (runId: string) => `${h.engine.baseUrl}/v1/checkpoint/${runId}/async`;
      const body = (runId: string) =>
        JSON.stringify({
          run_id: runId,
          fn_id: "f",
          qi_id: "1.someone-else",
          steps: [{ id: "x", op: "StepRun", data: 1 }],
        });
      const auth = { authorization: `Bearer ${h.keys.signingKey}` };
      expect((await fetch(url("r"), { method: "POST", body: body("r") })).status).toBe(401);
      const [id] = await h.engine.send({ name: "conformance/steps", data: {} });
      const run = await h.engine.finished(id!);
      expect((await fetch(url(run.run_id), { method: "POST", headers: auth, body: body(run.run_id) })).status).toBe(
        409,
      );
      const [napId] = await h.engine.send({ name: "conformance/nap", data: { id: "stale-lease" } });
      const [napping] = await h.engine.waitForRuns(napId!, (r) => r.length === 1);
      expect(
        (await fetch(url(napping!.run_id), { method: "POST", headers: auth, body: body(napping!.run_id) })).status,
      ).toBe(409);
      expect((await fetch(url(napping!.run_id), { method: "POST", headers: auth, body: "{}" })).status).toBe(400);
      await h.engine.send({ name: "conformance/cancel", data: { id: "stale-lease" } });
      expect((await h.engine.finished(napId!)).status).toBe("Cancelled");
    },
  );

  it("retries a failing step with backoff, then succeeds", async () => {
    const [id] = await h.engine.send({ name: "conformance/flaky" });
    const run = await h.engine.finished(id!);
    expect(run.status).toBe("Completed");
    expect(run.output).toEqual({ attempt: 2 });
    const times = h.probe.times(run.run_id, "flaky");
    expect(times).toHaveLength(3);
    expect(times[2]! - times[1]!).toBeGreaterThan(times[1]! - times[0]!);
  });

  it("honours Retry-After", async () => {
    const [id] = await h.engine.send({ name: "conformance/retry-after" });
    const run = await h.engine.finished(id!);
    expect(run.status).toBe("Completed");
    const [first, second] = h.probe.times(run.run_id, "wait-for-it");
    expect(second! - first!).toBeGreaterThanOrEqual(1_900);
  });

  it("fails for good after the last attempt and runs onFailure", async () => {
    const [id] = await h.engine.send({ name: "conformance/doomed" });
    const run = await h.engine.finished(id!);
    expect(run.status).toBe("Failed");
    expect(run.output).toMatchObject({ message: expect.stringContaining("boom") as unknown });
    expect(h.probe.count(run.run_id, "always-throws")).toBe(2);
    await expect
      .poll(() => h.probe.failures.find((f) => f.runId === run.run_id), { timeout: 10_000 })
      .toMatchObject({
        functionId: "handrail-conformance-doomed",
        message: expect.stringContaining("boom") as unknown,
      });
  });

  it("does not retry when the SDK says x-inngest-no-retry: true", async () => {
    const [id] = await h.engine.send({ name: "conformance/not-retried" });
    const run = await h.engine.finished(id!);
    expect(run.status).toBe("Failed");
    expect(h.probe.count(run.run_id, "body")).toBe(1);
  });
});

describe("sleep and waitForEvent", () => {
  it("sleeps, then continues", async () => {
    const [id] = await h.engine.send({ name: "conformance/sleep" });
    const run = await h.engine.finished(id!);
    expect(run.status).toBe("Completed");
    expect((run.output as { slept: number }).slept).toBeGreaterThanOrEqual(1_000);
    expect(h.probe.count(run.run_id, "before")).toBe(1);
  });

  it("resumes with the event whose `if` matches (missing keys are null)", async () => {
    const [id] = await h.engine.send({ name: "conformance/wait", data: { id: "w1" } });
    await h.engine.waitForRuns(id!, (r) => r.length === 1);
    // Keep sending until the wait is registered; only the matching id may resolve it.
    await expect
      .poll(
        async () => {
          await h.engine.send([
            { name: "conformance/approve", data: { id: "other" } },
            { name: "conformance/approve", data: { id: "w1" } },
          ]);
          return (await h.engine.runsOf(id!))[0]?.status;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe("Completed");
    expect((await h.engine.runsOf(id!))[0]?.output).toEqual({ approved: "w1" });
  });

  it("returns null when the wait times out", async () => {
    const [id] = await h.engine.send({ name: "conformance/wait", data: { id: "w2", timeout: "1s" } });
    const run = await h.engine.finished(id!);
    expect(run.output).toEqual({ approved: null });
  });
});

describe("sendEvent and invoke", () => {
  it("step.sendEvent starts the functions the event triggers", async () => {
    const [id] = await h.engine.send({ name: "conformance/send", data: { id: "s1" } });
    const run = await h.engine.finished(id!);
    expect(run.output).toBe(1);
  });

  it("step.invoke returns the invoked function's output", async () => {
    const [id] = await h.engine.send({ name: "conformance/invoke" });
    const run = await h.engine.finished(id!);
    expect(run.output).toEqual({ fromChild: 42 });
  });

  it("looks up a run by id", async () => {
    const [id] = await h.engine.send({ name: "conformance/steps", data: {} });
    const runs = await h.engine.waitForRuns(id!, ended);
    const res = await fetch(`${h.engine.baseUrl}/v1/runs/${runs[0]!.run_id}`, {
      headers: { authorization: `Bearer ${h.keys.signingKey}` },
    });
    expect(((await res.json()) as { data: { status: string } }).data.status).toBe("Completed");
  });
});
