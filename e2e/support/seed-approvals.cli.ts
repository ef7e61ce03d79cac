/**
 * Seeds an organisation with pending approvals for one Playwright test, through the real services
 * (factories, workflow publishing, the governance gate, notifications). Run by approvals-seed.ts
 * with the test database in its env; reads the request as JSON on stdin, prints the scenario.
 * `runs` start real governed runs through the workflow executor (an event, as intake sends one)
 * and wait until each has opened its approval request. `twoFactor` turns on 2FA for the first
 * approver and prints its secret. Test-only, and outside the product: nothing here is reachable
 * over HTTP.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { inngest } from "../../inngest/client";
import {
  proposeInvoiceStatus,
  seedInboxOrg,
  type InboxScenario,
  type Proposal,
} from "../../server/approvals/testing/seed-approvals";
import { encryptSecret } from "../../server/auth/crypto";
import { newTotpSecret } from "../../server/auth/totp";
import { db } from "../../server/db/client";
import { withScope } from "../../server/db/tenancy";

type Input = { proposals?: Proposal[]; runs?: { amount: number }[]; twoFactor?: boolean; into?: InboxScenario };
const input = JSON.parse(readFileSync(0, "utf8")) as Input;
// `into`: add to an organisation an earlier call seeded, instead of a new one.
const scenario = input.into ?? (await seedInboxOrg("E2E Approvals"));
const approvals = [];
for (const p of input.proposals ?? []) approvals.push(await proposeInvoiceStatus(scenario, p));

/** The request the run opened, once the run has notified the approvers and waits. */
async function openedApproval(recordId: string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const request = await withScope({ orgId: scenario.orgId }, (tx) =>
      tx.approvalRequest.findFirst({
        where: { action: { recordId, run: { status: "waiting" } } },
        select: { id: true },
      }),
    );
    if (request) return request.id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the governed run did not wait on an approval within 30 s");
}

const runs = [];
for (const run of input.runs ?? []) {
  const record = await withScope({ orgId: scenario.orgId }, (tx) =>
    tx.businessRecord.create({
      data: {
        orgId: scenario.orgId,
        type: "invoice",
        data: { status: "received", vendor: "Paper Co", total: run.amount, currency: "EUR" },
      },
    }),
  );
  const { ids } = await inngest.send({
    name: "workflow/run.requested",
    data: {
      orgId: scenario.orgId,
      workflowId: scenario.workflowId,
      triggerKey: `e2e-${randomUUID()}`,
      entityKey: record.id,
      requesterId: null,
      input: { recordId: record.id },
      actions: [
        {
          kind: "field_write",
          recordType: "invoice",
          recordId: record.id,
          field: "status",
          newValue: "approved",
          reason: "The invoice matches purchase order PO-1042 and the goods receipt.",
          confidence: 0.82,
          amount: run.amount,
          risk: "low",
          source: "invoice-matcher",
        },
      ],
    },
  });
  runs.push({ eventId: ids[0], recordId: record.id, approvalId: await openedApproval(record.id) });
}

let totpSecret: string | null = null;
if (input.twoFactor) {
  totpSecret = newTotpSecret();
  await db.user.update({
    where: { id: scenario.approver.id },
    data: { totpSecret: encryptSecret(totpSecret), totpEnabledAt: new Date() },
  });
}
process.stdout.write(`\n${JSON.stringify({ ...scenario, approvals, runs, totpSecret })}\n`);
process.exit(0);
