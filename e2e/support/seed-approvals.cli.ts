/**
 * Seeds an organisation with pending approvals for one Playwright test, through the real services
 * (factories, workflow publishing, the governance gate, notifications). Run by approvals-seed.ts
 * with the test database in its env; reads the proposals as JSON on stdin, prints the scenario.
 * Test-only, and outside the product: nothing here is reachable over HTTP.
 */
import { readFileSync } from "node:fs";
import { proposeInvoiceStatus, seedInboxOrg, type Proposal } from "../../server/approvals/testing/seed-approvals";

const { proposals } = JSON.parse(readFileSync(0, "utf8")) as { proposals: Proposal[] };
const scenario = await seedInboxOrg("E2E Approvals");
const approvals = [];
for (const p of proposals) approvals.push(await proposeInvoiceStatus(scenario, p));
process.stdout.write(`\n${JSON.stringify({ ...scenario, approvals })}\n`);
process.exit(0);
