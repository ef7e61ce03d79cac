// Stand-in for Prisma's native `schema-engine` binary (which cannot be downloaded offline).
// Accepts the engine's command line and speaks its JSON-RPC on stdin/stdout, forwarding requests
// to @prisma/schema-engine-wasm over @prisma/adapter-pg. See docs in offline-recipes.md.
//
//   index.mjs --version
//   index.mjs --datasource '{"url":"postgresql://..."}' cli can-connect-to-database|create-database|drop-database
//   index.mjs [--datamodels <path>]... [--datasource <json>]      (JSON-RPC server)
import fs from "node:fs";
import { addSecretUrl, guardStdout, log } from "./log.mjs";

const writeOut = guardStdout(); // from here on, only JSON-RPC / requested output goes to stdout

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--datamodels":
      case "-d":
        args.datamodels.push(value());
        break;
      case "--datasource":
        args.datasource = value();
        break;
      case "--enabled-preview-features":
      case "--extension-types":
        value(); // not supported by the wasm engine; ignored
        break;
      case "--version":
      case "-V":
        args.version = true;
        break;
      case "--help":
      case "-h":
        args.help = true;
        break;
      case "cli":
        args.cli = argv.slice(i + 1);
        i = argv.length;
        break;
      default:
        log("WARN", `Ignoring unknown argument ${JSON.stringify(a).slice(0, 60)}`);
    }
  }
  return args;
}

function parseDatasource(json) {
  if (json === undefined) return undefined;
  try {
    const ds = JSON.parse(json);
    addSecretUrl(ds?.url);
    addSecretUrl(ds?.shadowDatabaseUrl);
    addSecretUrl(ds?.directUrl);
    return ds;
  } catch {
    addSecretUrl(json);
    throw new Error("--datasource is not valid JSON");
  }
}

/** `cli <command>` mode: errors are reported as JSON log lines on stderr plus a non-zero exit. */
async function runCliCommand(command, datasource) {
  const { canConnect, createDatabase, dropDatabase, describeConnectionError } = await import("./pg-direct.mjs");
  const url = datasource?.url;
  // The CLI discards the first stderr line, so start with an informational one.
  log("INFO", `Starting schema engine CLI command ${command}`);
  const fail = (err) => {
    const { code, message } = describeConnectionError(err, url);
    log("ERROR", message, { is_panic: false, ...(code ? { error_code: code } : {}) });
    return 1;
  };
  if (!url) {
    log("ERROR", "The datasource URL is empty: set it in prisma.config.ts (datasource.url).", { error_code: "P1012" });
    return 1;
  }
  try {
    switch (command) {
      case "can-connect-to-database":
        await canConnect(url);
        return 0;
      case "create-database":
        log("INFO", `Database '${await createDatabase(url)}' was successfully created.`);
        return 0;
      case "drop-database":
        await dropDatabase(url);
        return 0;
      default:
        log("ERROR", `Unknown CLI command: ${command}`);
        return 1;
    }
  } catch (err) {
    return fail(err);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    const { engineHash } = await import("./wasm.mjs");
    writeOut(`schema-engine-cli ${engineHash()}\n`);
    return 0;
  }
  if (args.help) {
    writeOut("schema-engine stand-in (wasm). Usage: [--datamodels <path>]... [--datasource <json>] [cli <command>]\n");
    return 0;
  }
  const datasource = parseDatasource(args.datasource);
  if (args.cli) return runCliCommand(args.cli[0], datasource);

  const datamodels =
    args.datamodels.length > 0 ? args.datamodels.map((p) => [p, fs.readFileSync(p, "utf8")]) : undefined;
  const { startRpcServer } = await import("./rpc.mjs");
  startRpcServer({ writeOut, datamodels, datasource });
  return undefined; // keep running until stdin closes
}

main().then(
  (code) => {
    if (code !== undefined) process.exit(code); // one-shot modes; the RPC server exits on stdin close
  },
  (err) => {
    log("ERROR", err?.message ?? String(err), { is_panic: false });
    process.exit(1);
  },
);
