import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's native schema engine cannot be downloaded on offline machines; our stand-in
// forwards the engine's JSON-RPC to @prisma/schema-engine-wasm (docs/decisions/002).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/prisma-schema-engine/bin.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // env() throws when unset and would break `prisma generate` at postinstall.
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
