import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ended, startConformance } from "./harness";

let h: Awaited<ReturnType<typeof startConformance>>;

beforeAll(async () => {
  h = await startConformance();
});
afterAll(async () => {
  await h?.stop();
});

const status = async (eventId: string) => (await h.engine.runsOf(eventId))[0]?.status;

describe("cancelOn", () => {
  it("cancels a sleeping run whose `if` matches, and only that run", async () => {
    const [mine] = await h.engine.send({ name: "conformance/nap", data: { id: "c1" } });
    const [other] = await h.engine.send({ name: "conformance/nap", data: { id: "c2" } });
    await h.engine.waitForRuns(mine!, (r) => r.length === 1);
    await h.engine.send({ name: "conformance/cancel", data: { id: "c1" } });
    const run = await h.engine.finished(mine!);
    expect(run.status).toBe("Cancelled");
    expect(await status(other!)).toBe("Running");
    expect(h.probe.count(run.run_id, "woke")).toBe(0);
    await h.engine.send({ name: "conformance/cancel", data: { id: "c2" } });
    expect((await h.engine.finished(other!)).status).toBe("Cancelled");
  });

  it("cancels a run that is waiting for an event", async () => {
    const [id] = await h.engine.send({ name: "conformance/wait", data: { id: "c3", timeout: "1m" } });
    await h.engine.waitForRuns(id!, (r) => r.length === 1);
    await h.engine.send({ name: "conformance/cancel", data: { id: "c3" } });
    expect((await h.engine.finished(id!)).status).toBe("Cancelled");
  });
});

describe("concurrency", () => {
  it("never has more than `limit` steps in flight per key, while keys run side by side", async () => {
    const events = [...Array(12).keys()].map((i) => ({
      name: "conformance/limited",
      data: { group: i % 2 ? "A" : "B" },
    }));
    const ids = await h.engine.send(events);
    for (const id of ids) await h.engine.waitForRuns(id, ended, 30_000);
    expect(h.probe.maxInFlight.get("A")).toBe(2);
    expect(h.probe.maxInFlight.get("B")).toBe(2);
    expect(h.probe.maxInFlight.get("*")).toBeGreaterThan(2);
  });
});

describe("idempotency and rate limits", () => {
  it("starts one run per idempotency key", async () => {
    const ids = await h.engine.send([
      { name: "conformance/idempotent", data: { key: "k1" } },
      { name: "conformance/idempotent", data: { key: "k1" } },
      { name: "conformance/idempotent", data: { key: "k2" } },
    ]);
    const more = await h.engine.send({ name: "conformance/idempotent", data: { key: "k1" } });
    const counts = await Promise.all([...ids, ...more].map(async (id) => (await h.engine.runsOf(id)).length));
    expect(counts).toEqual([1, 0, 1, 0]);
  });

  it("de-duplicates events that carry the same id", async () => {
    const [first] = await h.engine.send({ name: "conformance/idempotent", id: "dedupe-1", data: { key: "k3" } });
    const [second] = await h.engine.send({ name: "conformance/idempotent", id: "dedupe-1", data: { key: "k4" } });
    expect(second).toBe(first);
  });

  it("skips events over the rate limit, per key", async () => {
    const ids = await h.engine.send([
      ...[1, 2, 3, 4].map(() => ({ name: "conformance/rate-limited", data: { key: "r1" } })),
      { name: "conformance/rate-limited", data: { key: "r2" } },
    ]);
    const counts = await Promise.all(ids.map(async (id) => (await h.engine.runsOf(id)).length));
    expect(counts).toEqual([1, 1, 0, 0, 1]);
  });
});
