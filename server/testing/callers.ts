import pg from "pg";
import { ORG_HEADER } from "../trpc/procedures";
import { createCaller } from "../trpc/root";

export const TEST_IP = "203.0.113.7";

/** A tRPC caller as the browser would be: signed in as `user` (or not), inside `orgSlug`. */
export function callerFor(user: { id: string } | null, orgSlug?: string, ip = TEST_IP) {
  const headers = new Headers();
  if (orgSlug) headers.set(ORG_HEADER, orgSlug);
  return createCaller({ sessionUser: user ? { id: user.id } : null, headers, ip });
}

/** A superuser connection, for tests that prove what the app's own role cannot see or do. */
export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_ADMIN_URL;
  if (!url) throw new Error("DATABASE_ADMIN_URL is not set: run tests through `npm test` or vitest's global setup");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A connection as the application's role with no tenant setting at all. */
export async function withAppClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
