import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createContext } from "./context";
import { createCaller } from "./root";

/**
 * tRPC caller for server components: the same procedures, permission checks and org scoping
 * as the browser gets. `orgSlug` selects the organisation like the browser's header does.
 */
export const serverCaller = cache(async (orgSlug?: string) => {
  const incoming = new Headers(await headers());
  if (orgSlug) incoming.set("x-handrail-org", orgSlug);
  else incoming.delete("x-handrail-org");
  return createCaller(await createContext({ headers: incoming }));
});
