// Newline-delimited JSON-RPC 2.0 server speaking the native schema engine's protocol on
// stdin/stdout, forwarding each request to the wasm engine.
import readline from "node:readline";
import { createAdapterFactory } from "./adapter.mjs";
import { log, redact } from "./log.mjs";
import { createDatabase, describeConnectionError } from "./pg-direct.mjs";
import { createEngine, panicRegistry } from "./wasm.mjs";

const EMPTY_FILTER = { externalTables: [], externalEnums: [] };
// Requests the wasm engine implements under the same name and parameters.
const FORWARDED = new Set([
  "applyMigrations",
  "dbExecute",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);
const SHADOW_FACTORY_ERROR = "shadow DB must be provided through an external factory";

class RpcError extends Error {
  constructor(message, { code, isPanic = false, meta, rpcCode } = {}) {
    super(message);
    Object.assign(this, { code, isPanic, meta, rpcCode });
  }
}

/** Fills in optional fields the wasm engine's serde types require. */
function normalize(method, params) {
  const p = { ...(params ?? {}) };
  const fixList = (list) =>
    list && typeof list === "object" ? { ...list, shadowDbInitScript: list.shadowDbInitScript ?? "" } : list;
  if ("migrationsList" in p) p.migrationsList = fixList(p.migrationsList);
  if (method === "diff") {
    p.from = p.from?.tag === "migrations" ? fixList(p.from) : p.from;
    p.to = p.to?.tag === "migrations" ? fixList(p.to) : p.to;
    p.exitCode ??= null;
    p.script ??= false;
  }
  if (method === "introspect") {
    p.namespaces ??= null;
    p.compositeTypeDepth ??= -1;
    p.force ??= false;
  }
  if (method === "reset") p.filter ??= EMPTY_FILTER;
  else if (
    [
      "applyMigrations",
      "createMigration",
      "devDiagnostic",
      "diagnoseMigrationHistory",
      "evaluateDataLoss",
      "schemaPush",
      "diff",
    ].includes(method)
  ) {
    p.filters ??= EMPTY_FILTER;
  }
  return p;
}

function toRpcError(err) {
  const panic = panicRegistry.take();
  if (err instanceof RpcError) return err;
  if (panic || err instanceof WebAssembly.RuntimeError) {
    return new RpcError(panic ?? err?.message ?? String(err), { isPanic: true });
  }
  const message = typeof err?.message === "string" ? err.message : String(err);
  return new RpcError(message.replace(/\n+$/, ""), {
    code: typeof err?.code === "string" ? err.code : undefined,
    meta: err?.meta,
  });
}

export function startRpcServer({ writeOut, datamodels, datasource }) {
  const factory = datasource?.url ? createAdapterFactory(datasource) : null;
  let engine = null;
  let crash = null; // rejects the in-flight request when the wasm engine dies asynchronously
  let nextOutgoingId = 1;
  const pendingOutgoing = new Map();

  const send = (message) => writeOut(JSON.stringify(message) + "\n");

  async function getEngine() {
    if (!factory) {
      throw new RpcError("The datasource URL is empty: set it in prisma.config.ts (datasource.url).", {
        code: "P1012",
      });
    }
    engine ??= createEngine(datamodels, factory).catch((err) => {
      engine = null;
      throw err;
    });
    return engine;
  }

  /** Asks the CLI to print text (the native engine's `print` request, used by `migrate diff`). */
  function printOnClient(content) {
    const id = nextOutgoingId++;
    return new Promise((resolve, reject) => {
      pendingOutgoing.set(id, { resolve, reject });
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });
  }

  /** Works around the wasm engine ignoring the shadow-DB factory until devDiagnostic has run. */
  async function withShadowWarmup(eng, params, run) {
    try {
      return await run();
    } catch (err) {
      if (!String(err?.message).includes(SHADOW_FACTORY_ERROR)) throw err;
      log("INFO", "Warming up the shadow database connector with devDiagnostic");
      await eng.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
      return run();
    }
  }

  async function dispatch(method, rawParams) {
    if (method === "createDatabase") {
      const ds = rawParams?.datasource;
      const url = ds?.tag === "ConnectionString" ? ds.url : datasource?.url;
      try {
        return { databaseName: await createDatabase(url) };
      } catch (err) {
        const { code, message } = describeConnectionError(err, url);
        throw new RpcError(message, { code });
      }
    }
    if (method === "getDatabaseDescription") {
      throw new RpcError("getDatabaseDescription is not supported by the wasm schema engine.");
    }
    const params = normalize(method, rawParams);
    const eng = await getEngine();
    if (FORWARDED.has(method)) return eng[method](params);
    switch (method) {
      case "getDatabaseVersion":
      case "version":
        return eng.version(rawParams ?? null);
      case "debugPanic":
        return eng.debugPanic();
      case "evaluateDataLoss":
      case "createMigration":
        return withShadowWarmup(eng, params, () => eng[method](params));
      case "diff": {
        const result = await eng.diff(params);
        if (typeof result?.stdout === "string" && result.stdout !== "") await printOnClient(result.stdout);
        return { ...result, stdout: null };
      }
      default:
        throw new RpcError(`Method not found: ${method}`, { rpcCode: -32601 });
    }
  }

  async function handleRequest({ id, method, params }) {
    const crashed = new Promise((_, reject) => {
      crash = reject;
    });
    try {
      panicRegistry.take();
      const result = await Promise.race([dispatch(method, params), crashed]);
      if (id !== undefined) send({ jsonrpc: "2.0", id, result: result === undefined ? {} : result });
    } catch (err) {
      const e = toRpcError(err);
      if (e.isPanic) engine = null; // never reuse a wasm instance that trapped
      log("ERROR", e.message, { is_panic: e.isPanic, ...(e.code ? { error_code: e.code } : {}) });
      if (id === undefined) return;
      const message = redact(e.message);
      send({
        jsonrpc: "2.0",
        id,
        error: {
          code: e.rpcCode ?? 4466,
          message: e.isPanic || e.rpcCode ? message : "An error happened. Check the data field for details.",
          data: { is_panic: e.isPanic, message, meta: e.meta ?? {}, error_code: e.code ?? null },
        },
      });
    } finally {
      crash = null;
    }
  }

  const onCrash = (err) => {
    if (crash) return crash(err);
    engine = null;
    log("ERROR", `Uncaught error outside a request: ${err?.stack ?? err}`);
  };
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);

  let queue = Promise.resolve();
  const shutdown = async (code = 0) => {
    await factory?.cleanup().catch(() => {});
    process.exit(code);
  };
  process.once("SIGTERM", () => shutdown(0));
  process.once("SIGINT", () => shutdown(130));

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (line.trim() === "") return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (msg.method === undefined && pendingOutgoing.has(msg.id)) {
      const pending = pendingOutgoing.get(msg.id);
      pendingOutgoing.delete(msg.id);
      if (msg.error) pending.reject(new RpcError(`Client error: ${JSON.stringify(msg.error)}`));
      else pending.resolve(msg.result);
      return;
    }
    queue = queue.then(() => handleRequest(msg));
  });
  lines.on("close", () => {
    queue.then(() => shutdown(0));
  });
}
