import { keepAliveFetch } from "./keep-alive-fetch";
import { SdkClient } from "./sdk-client";

/**
 * The one Inngest client. Where it sends events and how it verifies calls comes from env only
 * (INNGEST_BASE_URL, INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY, INNGEST_DEV), so the same code runs
 * against Inngest Cloud, a self-hosted Inngest server, or the local executor `npm start` runs.
 * Its own API calls (events, step checkpoints) reuse keep-alive sockets and compute their
 * headers once per request (keep-alive-fetch.ts, sdk-client.ts).
 */
export const inngest = new SdkClient({ id: "handrail", fetch: keepAliveFetch });
