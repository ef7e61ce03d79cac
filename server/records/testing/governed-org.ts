import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../../prisma/factories";
import { financePolicy } from "../../../prisma/factories/governance";
import type { AuditActor } from "../../audit/audit.schemas";
import type { Role } from "../../auth/permissions";
import { withScope } from "../../db/tenancy";
import { loadLivePolicy, type VersionPolicy } from "../../governance/policy-store";
import { proposeAction, type ProposalOutcome } from "../../governance/propose-action";
import { startRun } from "../../runs/run-service";
import { createWorkflow, publishVersion } from "../../workflows/workflow-service";

export type Person = { id: string; email: string; actor: AuditActor };

/** An organisation with a member per role and one published workflow in auto mode. */
export async function createGovernedOrg(name: string, policy: Partial<VersionPolicy> = {}) {
  const owner = await createUser({ email: uniqueEmail("owner") });
  const org = await createOrgWithOwner(owner, name);
  const people = {} as Record<Role, Person>;
  people.owner = { id: owner.id, email: owner.email, actor: actorOf(owner) };
  for (const role of ["admin", "builder", "approver", "operator", "auditor"] as const) {
    const user = await createUser({ email: uniqueEmail(role) });
    await addMember({ orgId: org.id, user, role, approvalDomains: ["sales", "finance", "support", "marketing"] });
    people[role] = { id: user.id, email: user.email, actor: actorOf(user) };
  }
  const created = await createWorkflow(
    { orgId: org.id, userId: owner.id, actor: people.owner.actor },
    { name: "Records", templateKey: "lead_routing", policy: { ...financePolicy({ domain: "sales" }), ...policy } },
  );
  await publishVersion({ orgId: org.id, userId: people.admin.id, actor: people.admin.actor }, created.versionId);
  await withScope({ orgId: org.id }, (tx) =>
    tx.workflow.update({ where: { id: created.workflowId }, data: { mode: "auto" } }),
  );
  return { org, people, workflowId: created.workflowId };
}

function actorOf(user: { id: string; email: string }): AuditActor {
  return { type: "human", id: user.id, label: user.email };
}

let runCounter = 0;

/** Proposes one action in a fresh run of the workflow, as governActions does. */
export async function proposeInRun(
  orgId: string,
  workflowId: string,
  raw: Record<string, unknown>,
): Promise<ProposalOutcome> {
  runCounter += 1;
  const run = await startRun({
    orgId,
    workflowId,
    versionId: "test",
    triggerEvent: "test",
    triggerKey: `records-${process.pid}-${Date.now()}-${runCounter}`,
    entityKey: null,
    input: {},
  });
  return withScope({ orgId }, async (tx) =>
    proposeAction(
      tx,
      { orgId, runId: run.runId, live: await loadLivePolicy(tx, orgId, workflowId), requesterId: null },
      {
        reason: "test",
        confidence: 0.99,
        ...raw,
      },
    ),
  );
}
