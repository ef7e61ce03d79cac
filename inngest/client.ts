import { Inngest } from "inngest";

/**
 * The one Inngest client. Where it sends events and how it verifies calls comes from env only
 * (INNGEST_BASE_URL, INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY, INNGEST_DEV), so the same code runs
 * against Inngest Cloud, a self-hosted Inngest server, or the local executor `npm start` runs.
 */
export const inngest = new Inngest({ id: "handrail" });
