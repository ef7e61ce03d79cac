// Loads @prisma/schema-engine-wasm by hand (its entry imports the .wasm file as an ES module,
// which Node 20 cannot do) and creates SchemaEngine instances on top of our adapter factory.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { forwardEngineLog } from "./log.mjs";

const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));

/** Collects the message of a Rust panic; the wasm glue calls global.PRISMA_WASM_PANIC_REGISTRY.set_message. */
export const panicRegistry = {
  message: null,
  set_message(message) {
    panicRegistry.message = message;
  },
  take() {
    const m = panicRegistry.message;
    panicRegistry.message = null;
    return m;
  },
};
globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

/** The engine's git hash, without instantiating the module (used for `--version`). */
export function engineHash() {
  const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  return version.split("-").pop().split(".").pop();
}

let compiled;
let generation = 0;

/**
 * Instantiates a fresh copy of the wasm glue + module. After a panic the old instance may be in
 * an inconsistent state, so each call gets its own glue module (a distinct import URL).
 */
async function instantiate() {
  compiled ??= WebAssembly.compile(fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm")));
  const glueUrl = pathToFileURL(path.join(pkgDir, "schema_engine_bg.js")).href + `?instance=${generation++}`;
  const glue = await import(glueUrl);
  const instance = await WebAssembly.instantiate(await compiled, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

/**
 * @param {[string, string][] | undefined} datamodels [path, content] pairs
 * @param {object} adapterFactory a SqlMigrationAwareDriverAdapterFactory
 */
export async function createEngine(datamodels, adapterFactory) {
  const glue = await instantiate();
  return glue.SchemaEngine.new(
    { datamodels },
    (line) => forwardEngineLog(line),
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
