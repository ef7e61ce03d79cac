import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "inngest/next";
import pg from "pg";
import { startLocalExecutor, type LocalExecutor } from "../local-executor";
import { createConformanceFunctions, Probe } from "./functions";

export type Run = { run_id: string; function_id: string; status: string; output: unknown; event_id: string | null };
type Handler = (req: Request, res?: unknown) => Promise<Response>;

/** Test keys in the shape Inngest issues them: the signing key is hex after its prefix. */
export function testKeys() {
  return {
    signingKey: process.env.INNGEST_CONFORMANCE_SIGNING_KEY ?? `signkey-test-${randomBytes(32).toString("hex")}`,
    eventKey: process.env.INNGEST_CONFORMANCE_EVENT_KEY ?? `evt-${randomBytes(16).toString("hex")}`,
  };
}

/** Mounts the SDK's Next.js `serve` handler (the app's adapter) in node:http via Request/Response. */
export async function serveApp(handlers: { GET: Handler; POST: Handler; PUT: Handler }, port = 0) {
  /** Calls per run (the local executor names the run in `x-run-id`). */
  const callsByRun = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const runId = req.headers["x-run-id"];
    if (req.method === "POST" && typeof runId === "string") callsByRun.set(runId, (callsByRun.get(runId) ?? 0) + 1);
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const method = req.method ?? "GET";
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method,
        headers,
        body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
      });
      const handler = method === "PUT" ? handlers.PUT : method === "POST" ? handlers.POST : handlers.GET;
      const response = await handler(request, undefined);
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/api/inngest`,
    calls: (runId: string) => callsByRun.get(runId) ?? 0,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

/** A database of its own per suite file, so parallel files never share executor queues. */
export async function createScratchDatabase(): Promise<string> {
  const admin = process.env.DATABASE_ADMIN_URL;
  if (!admin) throw new Error("DATABASE_ADMIN_URL is not set (vitest global setup provides it)");
  const name = `conformance_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Talks to an engine the way a client of Inngest's event API and REST API would. */
export class EngineClient {
  constructor(
    readonly baseUrl: string,
    private readonly keys: { signingKey: string; eventKey: string },
  ) {}

  async send(events: unknown): Promise<string[]> {
    const res = await fetch(new URL(`e/${this.keys.eventKey}`, this.baseUrl + "/"), {
      method: "POST",
      body: JSON.stringify(events),
    });
    const body = (await res.json()) as { ids: string[]; status: number };
    if (res.status !== 200 || body.status !== 200) throw new Error(`send failed: HTTP ${res.status}`);
    return body.ids;
  }

  async runsOf(eventId: string): Promise<Run[]> {
    const res = await fetch(`${this.baseUrl}/v1/events/${eventId}/runs`, {
      headers: { authorization: `Bearer ${this.keys.signingKey}` },
    });
    return ((await res.json()) as { data: Run[] }).data;
  }

  /** Polls until the event's runs satisfy `done`, within a bounded deadline. */
  async waitForRuns(eventId: string, done: (runs: Run[]) => boolean, timeoutMs = 20_000): Promise<Run[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const runs = await this.runsOf(eventId);
      if (done(runs)) return runs;
      if (Date.now() > deadline)
        throw new Error(`runs of ${eventId} not done in ${timeoutMs} ms: ${JSON.stringify(runs)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The single run an event started, once it has ended. */
  async finished(eventId: string, timeoutMs?: number): Promise<Run> {
    const runs = await this.waitForRuns(
      eventId,
      (r) => r.length > 0 && r.every((x) => x.status !== "Running"),
      timeoutMs,
    );
    return runs[0]!;
  }
}

export const ended = (runs: Run[]) => runs.length > 0 && runs.every((r) => r.status !== "Running");

/**
 * The engine under test: the local executor in-process by default, or a real Inngest server
 * when INNGEST_CONFORMANCE_TARGET is set (it must reach the app; set INNGEST_CONFORMANCE_APP_PORT).
 */
export async function startConformance(options: { inProcess?: boolean } = {}) {
  const inProcess = options.inProcess ?? true;
  const keys = testKeys();
  const probe = new Probe();
  const target = process.env.INNGEST_CONFORMANCE_TARGET;
  const executorPort = target ? 0 : await freePort();
  const baseUrl = target ?? `http://127.0.0.1:${executorPort}`;
  const { functions, client } = createConformanceFunctions({ baseUrl, ...keys }, probe);
  const handlers = serve({ client, functions }) as unknown as { GET: Handler; POST: Handler; PUT: Handler };
  const app = await serveApp(handlers, Number(process.env.INNGEST_CONFORMANCE_APP_PORT ?? 0));
  let executor: LocalExecutor | null = null;
  const databaseUrl = target ? "" : await createScratchDatabase();
  if (target) {
    const res = await fetch(app.url, { method: "PUT" });
    if (!res.ok) throw new Error(`sync with ${target} failed: HTTP ${res.status}`);
  } else if (inProcess) {
    executor = await startLocalExecutor({
      databaseUrl,
      port: executorPort,
      appUrl: app.url,
      ...keys,
      retryBaseMs: 200,
      leaseMs: 5_000,
      // As `npm start` runs it; INNGEST_CONFORMANCE_CHECKPOINTING=0 runs the suite without.
      checkpointing: process.env.INNGEST_CONFORMANCE_CHECKPOINTING !== "0",
    });
    await executor.synced;
  }
  return {
    probe,
    keys,
    app,
    isLocal: !target,
    databaseUrl,
    executorPort,
    engine: new EngineClient(baseUrl, keys),
    stop: async () => {
      await executor?.stop();
      await app.close();
    },
  };
}
