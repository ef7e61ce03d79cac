import type pg from "pg";
import type { FunctionConfig, Registry } from "./registry";
import { canonicalJson, signBody } from "./signing";
import { errorMessage, log } from "./util";

/**
 * Syncs the app. The executor PUTs the serve URL asking for an in-band sync (the SDK answers
 * with its function list, signed request); an SDK that refuses in-band falls back to POSTing
 * {INNGEST_BASE_URL}/fn/register, which the HTTP API accepts as well.
 */
export async function syncApp(opts: {
  pool: pg.Pool;
  registry: Registry;
  appUrl: string;
  signingKey: string;
}): Promise<number> {
  const body = canonicalJson({ url: opts.appUrl });
  const res = await fetch(opts.appUrl, {
    method: "PUT",
    headers: {
      "content-type": "application/json",
      "x-inngest-sync-kind": "in_band",
      "x-inngest-signature": signBody(body, opts.signingKey),
    },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`sync answered HTTP ${res.status}`);
  if (res.headers.get("x-inngest-sync-kind") === "in_band") {
    const parsed = JSON.parse(text) as { functions?: FunctionConfig[]; url?: string };
    await opts.registry.replace(opts.pool, opts.appUrl, parsed.functions ?? []);
  }
  // Out-of-band: the SDK has already POSTed /fn/register before answering.
  log("app synced", { functions: opts.registry.size() });
  return opts.registry.size();
}

/** Retries until the app answers: `npm start` starts the executor before Next is listening. */
export async function syncUntilReady(
  opts: Parameters<typeof syncApp>[0] & { isStopped: () => boolean },
): Promise<void> {
  let delay = 250;
  let warned = false;
  while (!opts.isStopped()) {
    try {
      await syncApp(opts);
      return;
    } catch (error) {
      if (!warned) log("app not ready for sync; retrying", { error: errorMessage(error) });
      warned = true;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 5_000);
    }
  }
}
