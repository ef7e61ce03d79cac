// Logging for the schema-engine stand-in. stdout belongs to JSON-RPC; every log line goes to
// stderr as one JSON object in the shape the Prisma CLI parses ({ level, fields: { message } }).
// Anything that looks like a secret (database URLs, passwords) is redacted first.
import { format } from "node:util";

const secrets = new Set();
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)([^@/?#\s]+)@/gi;

/** Remembers a connection string so that it (and its password) never reaches the output. */
export function addSecretUrl(url) {
  if (typeof url !== "string" || url === "") return;
  secrets.add(url);
  try {
    const { password } = new URL(url);
    if (password) {
      secrets.add(password);
      secrets.add(decodeURIComponent(password));
    }
  } catch {
    // not a URL: the whole string is already registered
  }
}

export function redact(text) {
  let out = String(text);
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (s.length >= 3) out = out.split(s).join("<REDACTED>");
  }
  return out.replace(URL_PASSWORD, "$1<REDACTED>@");
}

function writeLine(obj) {
  process.stderr.write(redact(JSON.stringify(obj)) + "\n");
}

export function log(level, message, extra = {}) {
  writeLine({
    timestamp: new Date().toISOString(),
    level,
    fields: { message: String(message), ...extra },
    target: "schema_engine::logger", // the CLI looks for ERROR records from this target
  });
}

/** Forwards a log line from the wasm engine (a JSON string or an object) to stderr. */
export function forwardEngineLog(line) {
  let obj = line;
  if (typeof line === "string") {
    try {
      obj = JSON.parse(line);
    } catch {
      obj = { level: "INFO", fields: { message: line }, target: "schema_engine_wasm" };
    }
  }
  if (obj && typeof obj === "object") writeLine(obj);
}

/**
 * Keeps stdout clean: console.* and stray process.stdout.write calls become stderr log lines.
 * Returns the real stdout writer for the JSON-RPC channel.
 */
export function guardStdout() {
  const realWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, encoding, cb) => {
    log("INFO", String(chunk).replace(/\n$/, ""));
    const done = typeof encoding === "function" ? encoding : cb;
    if (typeof done === "function") done();
    return true;
  };
  for (const [name, level] of [
    ["log", "INFO"],
    ["info", "INFO"],
    ["debug", "DEBUG"],
    ["warn", "WARN"],
    ["error", "ERROR"],
  ]) {
    // console.error is used by libraries for diagnostics; keep it a log line, not an ERROR
    // record the CLI would mistake for the engine's final error.
    console[name] = (...args) => log(name === "error" ? "WARN" : level, format(...args));
  }
  // Node's own warnings would otherwise print plain text on stderr.
  process.removeAllListeners("warning");
  process.on("warning", (w) => log("WARN", `${w.name}: ${w.message}`));
  return realWrite;
}
