import { randomUUID } from "node:crypto";
import { addMember, createOrgWithOwner, createUser } from "../../../prisma/factories";
import { financePolicy } from "../../../prisma/factories/governance";
import { withScope } from "../../db/tenancy";
import { loadLivePolicy, type VersionPolicy } from "../../governance/policy-store";
import { proposeAction } from "../../governance/propose-action";
import { startRun } from "../../runs/run-service";
import { createWorkflow, publishVersion } from "../../workflows/workflow-service";
import { notifyApprovers } from "../notify";

/**
 * Test and benchmark data for the approvals inbox: an organisation whose owner wrote an invoice
 * workflow, two finance approvers, and proposals made through the real gate (so the requests,
 * reasons and audit entries are exactly what a governed run creates). Never used by the product.
 */
export const INBOX_POLICY: VersionPolicy = financePolicy();

export const SEED_PASSWORD = "correct horse battery staple";

type Person = { id: string; email: string };
export type InboxScenario = {
  orgId: string;
  slug: string;
  owner: Person;
  approver: Person;
  approver2: Person;
  workflowId: string;
};

const tag = () => randomUUID().slice(0, 8);

export async function seedInboxOrg(name = "Inbox Org"): Promise<InboxScenario> {
  const t = tag();
  const owner = await createUser({ email: `owner-${t}@example.test`, name: "Olivia Owner", password: SEED_PASSWORD });
  const org = await createOrgWithOwner(owner, `${name} ${t}`);
  const approver = await createUser({
    email: `approver-${t}@example.test`,
    name: "Avery Approver",
    password: SEED_PASSWORD,
  });
  const approver2 = await createUser({
    email: `second-${t}@example.test`,
    name: "Sam Second",
    password: SEED_PASSWORD,
  });
  for (const user of [approver, approver2]) {
    await addMember({ orgId: org.id, user, role: "approver", approvalDomains: ["finance"], approvalLimit: 10_000 });
  }
  // The owner writes the workflow; a second person publishes it (separation of duties).
  const { workflowId, versionId } = await createWorkflow(
    { orgId: org.id, userId: owner.id, actor: { type: "human", id: owner.id, label: owner.email } },
    { name: "Invoice approval", templateKey: "ap", policy: INBOX_POLICY },
  );
  await publishVersion(
    { orgId: org.id, userId: approver2.id, actor: { type: "human", id: approver2.id, label: approver2.email } },
    versionId,
  );
  await withScope({ orgId: org.id }, (tx) => tx.workflow.update({ where: { id: workflowId }, data: { mode: "auto" } }));
  return { orgId: org.id, slug: org.slug, owner, approver, approver2, workflowId };
}

export type Proposal = {
  amount: number;
  newValue?: string;
  risk?: "low" | "medium" | "high";
  vendor?: string;
  notify?: boolean;
};

/** One invoice record and one proposal to set its status, through the gate; returns the request id. */
export async function proposeInvoiceStatus(
  s: InboxScenario,
  p: Proposal,
): Promise<{ approvalId: string; recordId: string }> {
  const record = await withScope({ orgId: s.orgId }, (tx) =>
    tx.businessRecord.create({
      data: {
        orgId: s.orgId,
        type: "invoice",
        data: { status: "received", vendor: p.vendor ?? "Acme Paper Ltd", total: p.amount, currency: "EUR" },
      },
    }),
  );
  const live = await withScope({ orgId: s.orgId }, (tx) => loadLivePolicy(tx, s.orgId, s.workflowId));
  const { runId } = await startRun({
    orgId: s.orgId,
    workflowId: s.workflowId,
    versionId: live.versionId,
    triggerEvent: "workflow/run.requested",
    triggerKey: `seed-${tag()}-${record.id}`,
    entityKey: record.id,
    input: { recordId: record.id },
  });
  const outcome = await withScope({ orgId: s.orgId }, async (tx) =>
    proposeAction(
      tx,
      { orgId: s.orgId, runId, live: await loadLivePolicy(tx, s.orgId, s.workflowId), requesterId: null },
      {
        kind: "field_write",
        recordType: "invoice",
        recordId: record.id,
        field: "status",
        newValue: p.newValue ?? "approved",
        reason: "The invoice matches purchase order PO-1042 and the goods receipt.",
        confidence: 0.82,
        amount: p.amount,
        risk: p.risk ?? "low",
        source: "invoice-matcher",
      },
    ),
  );
  if (!outcome.approvalId) throw new Error(`the gate did not ask for approval (${outcome.decision})`);
  if (p.notify !== false) await notifyApprovers(s.orgId, outcome.approvalId);
  return { approvalId: outcome.approvalId, recordId: record.id };
}
