import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter, log: ["warn", "error"] });
}

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { handrailDb?: PrismaClient };
export const db: PrismaClient = globalForDb.handrailDb ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.handrailDb = db;
