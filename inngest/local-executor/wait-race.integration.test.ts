import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createScratchDatabase, EngineClient, freePort, testKeys } from "../conformance/harness";
import { startLocalExecutor, type LocalExecutor } from "./index";
import { SCHEMA } from "./schema";

/**
 * A protocol stub (no SDK) for a function that waits for an event while a parallel step runs,
 * so a discovery call can be in flight when the event arrives. Its answers are the SDK's for
 * the steps each call carries; the discovery call that still lacks the wait's result is held
 * until the test lets it answer.
 */
function startStub() {
  let heldCall: (() => void) | null = null;
  let callHeld: () => void = () => undefined;
  const held = new Promise<void>((r) => (callHeld = r));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      };
      if (req.method === "PUT") {
        const self = `http://${req.headers.host}${url.pathname}`;
        return reply(
          200,
          {
            url: self,
            functions: [
              {
                id: "race",
                triggers: [{ event: "race/start" }],
                steps: { step: { runtime: { url: `${self}?fnId=race&stepId=step` } } },
              },
            ],
          },
          { "x-inngest-sync-kind": "in_band" },
        );
      }
      const { steps } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { steps: Record<string, unknown> };
      const wait = { id: "w", op: "WaitForEvent", name: "race/go", opts: { timeout: "1h" } };
      if (url.searchParams.get("stepId") === "p") return reply(206, [{ id: "p", op: "StepRun", data: 1 }]);
      if (!steps.p && !steps.w) return reply(206, [wait, { id: "p", op: "StepPlanned" }]);
      if (steps.w) return reply(200, "done");
      heldCall = () => reply(206, [wait]);
      callHeld();
    });
  });
  return {
    server,
    /** Resolves once the discovery call without the wait's result is being held. */
    held,
    answerHeld: () => {
      heldCall?.();
      heldCall = null;
    },
  };
}

let executor: LocalExecutor;
let stub: ReturnType<typeof startStub>;
let db: pg.Pool;
let engine: EngineClient;

beforeAll(async () => {
  stub = startStub();
  await new Promise<void>((r) => stub.server.listen(0, "127.0.0.1", () => r()));
  const appUrl = `http://127.0.0.1:${(stub.server.address() as AddressInfo).port}/api/inngest`;
  const databaseUrl = await createScratchDatabase();
  const keys = testKeys();
  executor = await startLocalExecutor({ databaseUrl, port: await freePort(), appUrl, ...keys });
  await executor.synced;
  db = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  engine = new EngineClient(executor.url, keys);
});

afterAll(async () => {
  stub.answerHeld();
  await executor.stop();
  await db.end();
  stub.server.closeAllConnections();
  stub.server.close();
});

it("carries on when a wait is matched while a call that asks for it again is in flight", async () => {
  const [startId] = await engine.send({ name: "race/start", data: {} });
  await stub.held;
  // The event matches the wait while the discovery call (which has not seen it) is in flight.
  await engine.send({ name: "race/go", data: {} });
  const [run] = await engine.waitForRuns(startId!, (r) => r.length === 1);
  const matched = await db.query(`SELECT 1 FROM ${SCHEMA}.steps WHERE run_id = $1 AND step_id = 'w'`, [run!.run_id]);
  expect(matched.rowCount).toBe(1);
  stub.answerHeld();
  const done = await engine.finished(startId!, 10_000);
  expect(done).toMatchObject({ status: "Completed", output: "done" });
});
