import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../prisma/factories";
import { financePolicy } from "../../prisma/factories/governance";
import { createScratchDatabase, EngineClient, freePort, serveApp, testKeys } from "../conformance/harness";
import { startLocalExecutor, type LocalExecutor } from "../local-executor";
import type { VersionPolicy } from "@/server/governance/policy-store";

// The app's Inngest client reads its configuration from env when first imported.
const keys = testKeys();
const executorPort = await freePort();
process.env.INNGEST_BASE_URL = `http://127.0.0.1:${executorPort}`;
process.env.INNGEST_SIGNING_KEY = keys.signingKey;
process.env.INNGEST_EVENT_KEY = keys.eventKey;
delete process.env.INNGEST_DEV;

const route = await import("@/app/api/inngest/route");
const { inngest } = await import("../client");
const { withScope } = await import("@/server/db/tenancy");
const { callerFor } = await import("@/server/testing/callers");
const { createWorkflow, publishVersion, pauseAutomation, resumeAutomation } =
  await import("@/server/workflows/workflow-service");

const POLICY: VersionPolicy = financePolicy({ timeout: { hours: 1, onTimeout: "escalate", escalation: [] } });

let executor: LocalExecutor;
let app: Awaited<ReturnType<typeof serveApp>>;
const engine = new EngineClient(`http://127.0.0.1:${executorPort}`, keys);
let orgId = "";
let slug = "";
let approver: { id: string };
let admin: { id: string; email: string };

async function newWorkflow(policy: VersionPolicy) {
  const author = { orgId, userId: admin.id, actor: { type: "human" as const, id: admin.id, label: admin.email } };
  const { workflowId, versionId } = await createWorkflow(author, { name: "Invoices", templateKey: "ap", policy });
  const owner = await withScope({ orgId }, (tx) => tx.membership.findFirstOrThrow({ where: { orgId, role: "owner" } }));
  await publishVersion(
    { orgId, userId: owner.userId, actor: { type: "human", id: owner.userId, label: null } },
    versionId,
  );
  await withScope({ orgId }, (tx) => tx.workflow.update({ where: { id: workflowId }, data: { mode: "auto" } }));
  return workflowId;
}

async function newInvoice() {
  return withScope({ orgId }, (tx) =>
    tx.businessRecord.create({ data: { orgId, type: "invoice", data: { status: "received" } } }),
  );
}

async function statusOf(recordId: string) {
  const row = await withScope({ orgId }, (tx) => tx.businessRecord.findUniqueOrThrow({ where: { id: recordId } }));
  return (row.data as { status: string }).status;
}

function trigger(workflowId: string, recordId: string, amount: number, triggerKey = uniqueEmail("trigger")) {
  return inngest.send({
    name: "workflow/run.requested",
    data: {
      orgId,
      workflowId,
      triggerKey,
      entityKey: recordId,
      requesterId: null,
      input: { recordId },
      actions: [
        {
          kind: "field_write",
          recordType: "invoice",
          recordId,
          field: "status",
          newValue: "approved",
          reason: "PO match",
          confidence: 0.97,
          amount,
        },
      ],
    },
  });
}

const pendingApproval = (recordId: string) =>
  vi.waitFor(
    async () => {
      const request = await withScope({ orgId }, (tx) =>
        tx.approvalRequest.findFirst({ where: { orgId, status: "pending", action: { recordId } } }),
      );
      if (!request) throw new Error("no approval request yet");
      return request;
    },
    { timeout: 20_000, interval: 50 },
  );

beforeAll(async () => {
  const handlers = route as unknown as Parameters<typeof serveApp>[0];
  app = await serveApp(handlers);
  executor = await startLocalExecutor({
    databaseUrl: await createScratchDatabase(),
    port: executorPort,
    appUrl: app.url,
    ...keys,
    retryBaseMs: 200,
    checkpointing: true,
  });
  await executor.synced;

  const owner = await createUser({ email: uniqueEmail("owner") });
  const org = await createOrgWithOwner(owner, "Engine Org");
  orgId = org.id;
  slug = org.slug;
  admin = await createUser({ email: uniqueEmail("admin") });
  await addMember({ orgId, user: admin, role: "admin" });
  approver = await createUser({ email: uniqueEmail("approver") });
  await addMember({
    orgId,
    user: approver as never,
    role: "approver",
    approvalDomains: ["finance"],
    approvalLimit: 10_000,
  });
});

afterAll(async () => {
  await executor?.stop();
  await app?.close();
});

describe("governed run through the local executor and the app's /api/inngest handler", () => {
  it("executes a small action at once and waits for a person on a larger one", async () => {
    const workflowId = await newWorkflow(POLICY);
    const small = await newInvoice();
    const large = await newInvoice();
    const {
      ids: [smallEvent],
    } = await trigger(workflowId, small.id, 50);
    const {
      ids: [largeEvent],
    } = await trigger(workflowId, large.id, 500);

    const smallRun = await engine.finished(smallEvent!);
    expect(smallRun.status).toBe("Completed");
    expect(await statusOf(small.id)).toBe("approved");

    const request = await pendingApproval(large.id);
    expect(await statusOf(large.id)).toBe("received");
    // A decision carries the token the approver's own view of the item handed out.
    const { decisionToken } = await callerFor(approver, slug).approval.get({ approvalId: request.id });
    const decided = await callerFor(approver, slug).approval.decide({
      approvalId: request.id,
      approve: true,
      editedValue: "approved_with_note",
      decisionToken: decisionToken!,
    });
    expect(decided.outcome).toBe("approved");

    const largeRun = await engine.finished(largeEvent!);
    expect(largeRun.status).toBe("Completed");
    expect(await statusOf(large.id)).toBe("approved_with_note");
  });

  it("still executes when the decision's event never reaches the waiting run", async () => {
    const workflowId = await newWorkflow(POLICY);
    const invoice = await newInvoice();
    const {
      ids: [event],
    } = await trigger(workflowId, invoice.id, 500);
    const request = await pendingApproval(invoice.id);
    // Decided through the service alone: no approval/decided event is sent (as when a decision
    // lands before the run's wait is registered). The run's re-read after its first wait finds it.
    const { decideApproval } = await import("@/server/approvals/decide-approval");
    await decideApproval(
      {
        orgId,
        userId: approver.id,
        role: "approver",
        approvalDomains: ["finance"],
        approvalLimit: 10_000,
        actor: { type: "human", id: approver.id, label: null },
      },
      { approvalId: request.id, approve: true },
    );
    const run = await engine.finished(event!, 40_000);
    expect(run.status).toBe("Completed");
    expect(await statusOf(invoice.id)).toBe("approved");
  }, 60_000);

  it("starts one run for a repeated trigger key", async () => {
    const workflowId = await newWorkflow(POLICY);
    const invoice = await newInvoice();
    const key = uniqueEmail("dup");
    const first = await trigger(workflowId, invoice.id, 50, key);
    const second = await trigger(workflowId, invoice.id, 50, key);
    await engine.finished(first.ids[0]!);
    await engine.waitForRuns(second.ids[0]!, (runs) => runs.every((r) => r.status !== "Running"));
    const runs = await withScope({ orgId }, (tx) => tx.run.count({ where: { workflowId, triggerKey: key } }));
    expect(runs).toBe(1);
  });

  it("the kill switch cancels a waiting run and holds new triggers until resume", async () => {
    const workflowId = await newWorkflow(POLICY);
    const waiting = await newInvoice();
    const {
      ids: [waitingEvent],
    } = await trigger(workflowId, waiting.id, 500);
    await pendingApproval(waiting.id);

    const actor = { orgId, userId: admin.id, actor: { type: "human" as const, id: admin.id, label: admin.email } };
    await pauseAutomation(actor, workflowId);
    const cancelled = await engine.finished(waitingEvent!);
    expect(cancelled.status).toBe("Cancelled");

    const later = await newInvoice();
    const {
      ids: [heldEvent],
    } = await trigger(workflowId, later.id, 50);
    await engine.finished(heldEvent!);
    expect(await statusOf(later.id)).toBe("received");
    expect(await withScope({ orgId }, (tx) => tx.heldTrigger.count({ where: { workflowId, replayedAt: null } }))).toBe(
      1,
    );

    expect(await resumeAutomation(actor, workflowId)).toEqual({ replayed: 1 });
    await vi.waitFor(async () => expect(await statusOf(later.id)).toBe("approved"), { timeout: 20_000, interval: 50 });
    expect(await statusOf(waiting.id)).toBe("received");
  });

  it("escalates a request nobody decides, then expires it without executing", async () => {
    const quick = {
      ...POLICY,
      approval: {
        ...POLICY.approval,
        timeout: { hours: 1 / 3600, onTimeout: "escalate" as const, escalation: [{ roles: ["owner" as const] }] },
      },
    };
    const workflowId = await newWorkflow(quick);
    const invoice = await newInvoice();
    const {
      ids: [event],
    } = await trigger(workflowId, invoice.id, 500);
    const run = await engine.finished(event!, 30_000);
    expect(run.status).toBe("Completed");
    const request = await withScope({ orgId }, (tx) =>
      tx.approvalRequest.findFirstOrThrow({ where: { action: { recordId: invoice.id } } }),
    );
    expect(request).toMatchObject({ status: "expired", escalationLevel: 1 });
    expect(await statusOf(invoice.id)).toBe("received");
  });
});
