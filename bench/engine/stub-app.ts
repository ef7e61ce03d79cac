import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A protocol stub: speaks the SDK wire format for a 5-step function without the SDK, so the
 * executor's own cost is measured apart from the SDK's per-request CPU. It verifies signatures
 * (cheaply) and records, per run, when it answered a step and when the next call arrived.
 */
export async function startStubApp(signingKey: string, appId = "stub") {
  const key = signingKey.replace(/^signkey-[\w]+-/, "");
  const answered = new Map<string, number>();
  const gaps: number[] = [];
  let rejected = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const arrived = performance.now();
      const raw = Buffer.concat(chunks).toString("utf8");
      if (req.method === "PUT") {
        const url = `http://${req.headers.host}${req.url}`;
        const functions = [
          {
            id: `${appId}-five-steps`,
            name: "five",
            triggers: [{ event: "bench/stub" }],
            steps: {
              step: {
                id: "step",
                name: "step",
                runtime: { type: "http", url: `${url}?fnId=${appId}-five-steps&stepId=step` },
              },
            },
          },
        ];
        res.writeHead(200, { "content-type": "application/json", "x-inngest-sync-kind": "in_band" });
        return res.end(JSON.stringify({ url, functions }));
      }
      const sig = String(req.headers["x-inngest-signature"] ?? "");
      const t = sig.match(/t=(\d+)/)?.[1] ?? "";
      const mac = createHmac("sha256", key).update(raw).update(t).digest("hex");
      if (!sig.endsWith(`s=${mac}`)) {
        rejected++;
        res.writeHead(401);
        return res.end();
      }
      const body = JSON.parse(raw) as { steps: Record<string, unknown>; ctx: { run_id: string } };
      const done = Object.keys(body.steps).length;
      const last = answered.get(body.ctx.run_id);
      if (last !== undefined) gaps.push(arrived - last);
      const reply = done < 5 ? [{ id: `step-${done}`, op: "StepRun", name: `s${done}`, data: done }] : 10;
      res.writeHead(done < 5 ? 206 : 200, { "content-type": "application/json" });
      res.end(JSON.stringify(reply));
      if (done < 5) answered.set(body.ctx.run_id, performance.now());
      else answered.delete(body.ctx.run_id);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/inngest`,
    gaps,
    rejected: () => rejected,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}
