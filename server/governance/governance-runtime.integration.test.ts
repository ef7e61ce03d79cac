import { beforeAll, describe, expect, it } from "vitest";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../prisma/factories";
import { financePolicy } from "../../prisma/factories/governance";
import { decideApproval, type Approver } from "../approvals/decide-approval";
import { handleApprovalTimeout } from "../approvals/expire-approval";
import type { Role } from "../auth/permissions";
import { db } from "../db/client";
import { withScope } from "../db/tenancy";
import { createWorkflow, pauseAutomation, publishVersion, resumeAutomation } from "../workflows/workflow-service";
import { executeAction } from "./execute-action";
import { loadLivePolicy, type VersionPolicy } from "./policy-store";
import { proposeAction } from "./propose-action";
import { rollbackAction } from "./rollback-action";
import { startRun } from "../runs/run-service";

const POLICY: VersionPolicy = {
  ...financePolicy({
    reviewFlags: ["strategic"],
    timeout: { hours: 1, onTimeout: "escalate", escalation: [{ roles: ["owner"] }] },
    maxActionsPerRun: 5,
  }),
  fieldContract: { invoice: { status: { rule: "write", protected: false } } },
};

type Person = { id: string; email: string };
let orgId = "";
let workflowId = "";
let author: Person;
const people = {} as Record<"admin" | "approverA" | "approverB" | "smallApprover", Person & { role: Role }>;

function approverFor(p: Person & { role: Role }, domains = ["finance"], limit: number | null = 100_000): Approver {
  return {
    orgId,
    userId: p.id,
    role: p.role,
    approvalDomains: domains,
    approvalLimit: limit,
    actor: { type: "human", id: p.id, label: p.email },
  };
}

async function newRecord(data: Record<string, string>) {
  return withScope({ orgId }, (tx) => tx.businessRecord.create({ data: { orgId, type: "invoice", data: data } }));
}

async function propose(recordId: string, extra: Record<string, unknown> = {}, requesterId: string | null = null) {
  const run = await startRun({
    orgId,
    workflowId,
    versionId: "v",
    triggerEvent: "test",
    triggerKey: uniqueEmail("run"),
    entityKey: null,
    input: {},
  });
  return withScope({ orgId }, async (tx) =>
    proposeAction(
      tx,
      { orgId, runId: run.runId, live: await loadLivePolicy(tx, orgId, workflowId), requesterId },
      {
        kind: "field_write",
        recordType: "invoice",
        recordId,
        field: "status",
        newValue: "approved",
        reason: "matches PO",
        confidence: 0.95,
        ...extra,
      },
    ),
  );
}

async function readStatus(recordId: string) {
  const row = await withScope({ orgId }, (tx) => tx.businessRecord.findUniqueOrThrow({ where: { id: recordId } }));
  return (row.data as Record<string, unknown>).status;
}

beforeAll(async () => {
  author = await createUser({ email: uniqueEmail("author") });
  const org = await createOrgWithOwner(author, "Governed Org");
  orgId = org.id;
  for (const [key, role] of [
    ["admin", "admin"],
    ["approverA", "approver"],
    ["approverB", "approver"],
    ["smallApprover", "approver"],
  ] as const) {
    const user = await createUser({ email: uniqueEmail(key) });
    await addMember({ orgId, user, role });
    people[key] = { ...user, role };
  }
  const created = await createWorkflow(
    { orgId, userId: author.id, actor: { type: "human", id: author.id, label: author.email } },
    { name: "AP", templateKey: "ap", policy: POLICY },
  );
  workflowId = created.workflowId;
  await publishVersion(
    { orgId, userId: people.admin.id, actor: { type: "human", id: people.admin.id, label: null } },
    created.versionId,
  );
  await withScope({ orgId }, (tx) => tx.workflow.update({ where: { id: workflowId }, data: { mode: "auto" } }));
});

describe("governance runtime", () => {
  it("refuses to let a version's author publish it", async () => {
    const other = await createWorkflow(
      { orgId, userId: people.admin.id, actor: { type: "human", id: null, label: null } },
      { name: "X", templateKey: "x", policy: POLICY },
    );
    await expect(
      publishVersion(
        { orgId, userId: people.admin.id, actor: { type: "human", id: null, label: null } },
        other.versionId,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("executes a confident small action automatically, snapshotting the old value", async () => {
    const record = await newRecord({ status: "received" });
    const outcome = await propose(record.id, { amount: 50 });
    expect(outcome.decision).toBe("auto");
    expect(await executeAction(orgId, outcome.actionId, { shadow: false, workflowId })).toBe("executed");
    expect(await readStatus(record.id)).toBe("approved");
    const execution = await withScope({ orgId }, (tx) =>
      tx.actionExecution.findUniqueOrThrow({ where: { actionId: outcome.actionId } }),
    );
    expect(execution.before).toBe("received");
    // Idempotent on the action id.
    expect(await executeAction(orgId, outcome.actionId, { shadow: false, workflowId })).toBe("already_executed");
  });

  it("requires two distinct people above the two-person threshold and refuses the same person twice", async () => {
    const record = await newRecord({ status: "received" });
    const outcome = await propose(record.id, { amount: 6000 });
    expect(outcome.decision).toBe("approve_two");
    const first = await decideApproval(approverFor(people.approverA), {
      approvalId: outcome.approvalId!,
      approve: true,
    });
    expect(first.result.outcome).toBe("pending");
    await expect(
      decideApproval(approverFor(people.approverA), { approvalId: outcome.approvalId!, approve: true }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await executeAction(orgId, outcome.actionId, { shadow: false, workflowId })).toBe("not_approved");
    const second = await decideApproval(approverFor(people.approverB), {
      approvalId: outcome.approvalId!,
      approve: true,
    });
    expect(second).toMatchObject({ settled: true, result: { outcome: "approved", approvals: 2 } });
    expect(await executeAction(orgId, outcome.actionId, { shadow: false, workflowId })).toBe("executed");
  });

  it("refuses the requester, the version's author, other domains and amounts over the approver's limit", async () => {
    const record = await newRecord({ status: "received" });
    const outcome = await propose(record.id, { amount: 500 }, people.approverA.id);
    const id = outcome.approvalId!;
    await expect(
      decideApproval(approverFor(people.approverA), { approvalId: id, approve: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      decideApproval({ ...approverFor({ ...author, role: "owner" }) }, { approvalId: id, approve: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      decideApproval(approverFor(people.approverB, ["sales"]), { approvalId: id, approve: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      decideApproval(approverFor(people.smallApprover, ["finance"], 100), { approvalId: id, approve: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const refused = await withScope({ orgId }, (tx) =>
      tx.auditEntry.count({ where: { orgId, action: "approval.refused", targetId: id } }),
    );
    expect(refused).toBe(4);
  });

  it("executes the approver's edited value and keeps both in the audit log", async () => {
    const record = await newRecord({ status: "received" });
    const outcome = await propose(record.id, { amount: 500 });
    await decideApproval(approverFor(people.approverB), {
      approvalId: outcome.approvalId!,
      approve: true,
      editedValue: "approved_partially",
    });
    expect(await executeAction(orgId, outcome.actionId, { shadow: false, workflowId })).toBe("executed");
    expect(await readStatus(record.id)).toBe("approved_partially");
    const entry = await withScope({ orgId }, (tx) =>
      tx.auditEntry.findFirstOrThrow({ where: { orgId, action: "action.executed", targetId: record.id } }),
    );
    expect(entry.data).toMatchObject({ proposed: "approved", after: "approved_partially" });
    expect(entry.actorType).toBe("human_approved_ai");
  });

  it("requires a reason to reject", async () => {
    const record = await newRecord({ status: "received" });
    const outcome = await propose(record.id, { amount: 500 });
    const { ZDecideApprovalRequest } = await import("../approvals/approval.schemas");
    expect(ZDecideApprovalRequest.safeParse({ approvalId: outcome.approvalId, approve: false }).success).toBe(false);
    const rejected = await decideApproval(approverFor(people.approverB), {
      approvalId: outcome.approvalId!,
      approve: false,
      reason: "wrong vendor",
    });
    expect(rejected.result.outcome).toBe("rejected");
    expect(await executeAction(orgId, outcome.actionId, { shadow: false, workflowId })).toBe("not_approved");
  });

  it("turns 1,000 concurrent decisions on one request into exactly one execution", async () => {
    const record = await newRecord({ status: "received" });
    const outcome = await propose(record.id, { amount: 500 });
    const deciders = [people.approverA, people.approverB, people.admin];
    const decisions = await Promise.allSettled(
      Array.from({ length: 1000 }, (_, i) =>
        decideApproval(approverFor(deciders[i % deciders.length]!), { approvalId: outcome.approvalId!, approve: true }),
      ),
    );
    const settled = decisions.filter((d) => d.status === "fulfilled" && d.value.settled);
    expect(settled).toHaveLength(1);
    // The run's execute step may be delivered more than once (retries, restarts): still one write.
    const executions = await Promise.all(
      Array.from({ length: 20 }, () => executeAction(orgId, outcome.actionId, { shadow: false, workflowId })),
    );
    expect(executions.filter((e) => e === "executed")).toHaveLength(1);
    expect(executions.filter((e) => e !== "executed").every((e) => e === "already_executed")).toBe(true);
    const rows = await withScope({ orgId }, (tx) =>
      tx.actionExecution.count({ where: { actionId: outcome.actionId } }),
    );
    expect(rows).toBe(1);
  });

  it("sends a changed value back as a conflict instead of overwriting it", async () => {
    const record = await newRecord({ status: "received" });
    const outcome = await propose(record.id, { amount: 50 });
    await withScope({ orgId }, (tx) =>
      tx.businessRecord.update({ where: { id: record.id }, data: { data: { status: "paid" } } }),
    );
    expect(await executeAction(orgId, outcome.actionId, { shadow: false, workflowId })).toBe("conflict");
    expect(await readStatus(record.id)).toBe("paid");
  });

  it("rolls back with the compensating change, and detects a conflict on rollback", async () => {
    const record = await newRecord({ status: "received" });
    const outcome = await propose(record.id, { amount: 50 });
    await executeAction(orgId, outcome.actionId, { shadow: false, workflowId });
    const actor = { type: "human" as const, id: people.admin.id, label: null };
    expect(await rollbackAction(orgId, outcome.actionId, actor)).toBe("rolled_back");
    expect(await readStatus(record.id)).toBe("received");
    await expect(rollbackAction(orgId, outcome.actionId, actor)).rejects.toMatchObject({ code: "CONFLICT" });

    const second = await newRecord({ status: "received" });
    const other = await propose(second.id, { amount: 50 });
    await executeAction(orgId, other.actionId, { shadow: false, workflowId });
    await withScope({ orgId }, (tx) =>
      tx.businessRecord.update({ where: { id: second.id }, data: { data: { status: "edited by hand" } } }),
    );
    expect(await rollbackAction(orgId, other.actionId, actor)).toBe("conflict");
    expect(await readStatus(second.id)).toBe("edited by hand");
  });

  it("escalates once on timeout, then expires without executing", async () => {
    const record = await newRecord({ status: "received" });
    const outcome = await propose(record.id, { amount: 500 });
    const timeout = POLICY.approval.timeout;
    expect((await handleApprovalTimeout(orgId, outcome.approvalId!, timeout)).kind).toBe("escalated");
    // After escalation only owners may decide.
    await expect(
      decideApproval(approverFor(people.approverB), { approvalId: outcome.approvalId!, approve: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await handleApprovalTimeout(orgId, outcome.approvalId!, timeout)).kind).toBe("expired");
    expect(await executeAction(orgId, outcome.actionId, { shadow: false, workflowId })).toBe("not_approved");
  });

  it("keeps a decision made before the timer fired", async () => {
    const record = await newRecord({ status: "received" });
    const outcome = await propose(record.id, { amount: 500 });
    await decideApproval(approverFor(people.approverB), { approvalId: outcome.approvalId!, approve: true });
    expect(await handleApprovalTimeout(orgId, outcome.approvalId!, POLICY.approval.timeout)).toEqual({
      kind: "already",
      status: "approved",
    });
  });

  it("checks the kill switch again right before executing", async () => {
    const record = await newRecord({ status: "received" });
    const auto = await propose(record.id, { amount: 50 });
    // A pause that lands between approval and execution, before any sweep reached this action.
    await db.organization.update({ where: { id: orgId }, data: { automationPausedAt: new Date() } });
    try {
      expect(await executeAction(orgId, auto.actionId, { shadow: false, workflowId })).toBe("paused");
      expect(await readStatus(record.id)).toBe("received");
    } finally {
      await db.organization.update({ where: { id: orgId }, data: { automationPausedAt: null } });
    }
  });

  it("cancels unfinished runs, their approvals and approved actions when a workflow is paused", async () => {
    const record = await newRecord({ status: "received" });
    const auto = await propose(record.id, { amount: 50 });
    const pending = await propose(record.id, { amount: 500 });
    const actor = {
      orgId,
      userId: people.admin.id,
      actor: { type: "human" as const, id: people.admin.id, label: null },
    };
    await pauseAutomation(actor, workflowId);
    try {
      expect(await executeAction(orgId, auto.actionId, { shadow: false, workflowId })).toBe("not_approved");
      expect(await readStatus(record.id)).toBe("received");
      const request = await withScope({ orgId }, (tx) =>
        tx.approvalRequest.findUniqueOrThrow({ where: { id: pending.approvalId! } }),
      );
      expect(request.status).toBe("cancelled");
      const action = await withScope({ orgId }, (tx) => tx.action.findUniqueOrThrow({ where: { id: auto.actionId } }));
      expect(action.status).toBe("cancelled");
    } finally {
      await resumeAutomation(actor, workflowId);
    }
    const workflow = await withScope({ orgId }, (tx) => tx.workflow.findUniqueOrThrow({ where: { id: workflowId } }));
    expect(workflow.pausedAt).toBeNull();
  });

  it("records in shadow mode without writing", async () => {
    await withScope({ orgId }, (tx) => tx.workflow.update({ where: { id: workflowId }, data: { mode: "shadow" } }));
    try {
      const record = await newRecord({ status: "received" });
      const outcome = await propose(record.id, { amount: 6000 });
      expect(outcome).toMatchObject({ shadow: true, decision: "approve_two", approvalId: null });
      expect(await executeAction(orgId, outcome.actionId, { shadow: true, workflowId })).toBe("shadowed");
      expect(await readStatus(record.id)).toBe("received");
    } finally {
      await withScope({ orgId }, (tx) => tx.workflow.update({ where: { id: workflowId }, data: { mode: "auto" } }));
    }
  });

  it("caps the actions one run may propose", async () => {
    const record = await newRecord({ status: "received" });
    const run = await startRun({
      orgId,
      workflowId,
      versionId: "v",
      triggerEvent: "t",
      triggerKey: uniqueEmail("cap"),
      entityKey: null,
      input: {},
    });
    const make = () =>
      withScope({ orgId }, async (tx) =>
        proposeAction(
          tx,
          { orgId, runId: run.runId, live: await loadLivePolicy(tx, orgId, workflowId), requesterId: null },
          {
            kind: "field_write",
            recordType: "invoice",
            recordId: record.id,
            field: "status",
            newValue: "x",
            reason: "loop",
            confidence: 0.99,
          },
        ),
      );
    for (let i = 0; i < 5; i++) await make();
    await expect(make()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});
