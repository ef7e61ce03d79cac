import http from "node:http";
import type pg from "pg";
import type { CheckpointBody, CheckpointWriter } from "./checkpoint";
import { ingest, validateEvent, type IncomingEvent } from "./ingest";
import type { FunctionConfig, Registry } from "./registry";
import { SCHEMA } from "./schema";
import { bearerMatches, keyMatches } from "./signing";
import { errorMessage, log } from "./util";

export type ApiOptions = {
  pool: pg.Pool;
  registry: Registry;
  signingKey: string;
  eventKey: string;
  appUrl: string;
  checkpoints: CheckpointWriter;
  onWork: () => void;
  sync: () => Promise<number>;
};

const MAX_BODY = 4 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error("body too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

type RunView = {
  id: string;
  function_id: string;
  event_id: string | null;
  status: string;
  output: unknown;
  started_at: Date;
  ended_at: Date | null;
};

/** Shaped like Inngest's REST API (v1) run objects. */
function runJson(r: RunView) {
  return {
    run_id: r.id,
    function_id: r.function_id,
    event_id: r.event_id,
    status: r.status,
    output: r.output,
    run_started_at: r.started_at.toISOString(),
    ended_at: r.ended_at?.toISOString() ?? null,
  };
}

const RUN_COLUMNS = "id, function_id, event_id, status, output, started_at, ended_at";

export function createApiServer(opts: ApiOptions): http.Server {
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://executor");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const eventMatch = path.match(/^\/e\/([^/]+)$/);
    if (req.method === "POST" && eventMatch) {
      if (!keyMatches(decodeURIComponent(eventMatch[1]!), opts.eventKey))
        return send(res, 401, { error: "Event key not found", status: 401 });
      let events: IncomingEvent[];
      try {
        const parsed = JSON.parse(await readBody(req)) as unknown;
        events = (Array.isArray(parsed) ? parsed : [parsed]).map(validateEvent);
      } catch (error) {
        return send(res, 400, { error: errorMessage(error), status: 400 });
      }
      if (events.some((e) => e.name.startsWith("inngest/")))
        return send(res, 400, { error: "inngest/ events are internal", status: 400 });
      const client = await opts.pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SET LOCAL synchronous_commit = on");
        const ids = await ingest(client, opts.registry, events);
        await client.query("COMMIT");
        opts.onWork();
        return send(res, 200, { ids, status: 200 });
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    }
    if (path === "/health") return send(res, 200, { status: "ok", functions: opts.registry.size() });
    if (!bearerMatches(req.headers.authorization, opts.signingKey)) return send(res, 401, { error: "Unauthorized" });
    if (req.method === "POST" && path === "/fn/register") {
      const body = JSON.parse(await readBody(req)) as { url?: string; functions?: FunctionConfig[] };
      await opts.registry.replace(opts.pool, body.url ?? opts.appUrl, body.functions ?? []);
      return send(res, 200, { ok: true, modified: true });
    }
    const checkpoint = path.match(/^\/v1\/checkpoint\/([^/]+)\/async$/);
    if (req.method === "POST" && checkpoint) {
      let body: CheckpointBody;
      try {
        body = JSON.parse(await readBody(req)) as CheckpointBody;
      } catch (error) {
        return send(res, 400, { error: errorMessage(error) });
      }
      const result = await opts.checkpoints.checkpoint(decodeURIComponent(checkpoint[1]!), body ?? {});
      return send(res, result.status, result.error ? { error: result.error } : { ok: true });
    }
    if (req.method === "POST" && path === "/sync") return send(res, 200, { functions: await opts.sync() });
    const runsOfEvent = path.match(/^\/v1\/events\/([^/]+)\/runs$/);
    if (req.method === "GET" && runsOfEvent) {
      const { rows } = await opts.pool.query<RunView>(
        `SELECT ${RUN_COLUMNS} FROM ${SCHEMA}.runs WHERE event_id = $1 ORDER BY id`,
        [decodeURIComponent(runsOfEvent[1]!)],
      );
      return send(res, 200, { data: rows.map(runJson), metadata: {} });
    }
    const run = path.match(/^\/v1\/runs\/([^/]+)$/);
    if (req.method === "GET" && run) {
      const { rows } = await opts.pool.query<RunView>(`SELECT ${RUN_COLUMNS} FROM ${SCHEMA}.runs WHERE id = $1`, [
        decodeURIComponent(run[1]!),
      ]);
      return rows[0]
        ? send(res, 200, { data: runJson(rows[0]), metadata: {} })
        : send(res, 404, { error: "run not found" });
    }
    send(res, 404, { error: "not found" });
  };
  return http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log("request failed", { path: req.url?.split("?")[0], error: errorMessage(error) });
      if (!res.headersSent) send(res, 500, { error: "internal error", status: 500 });
    });
  });
}
