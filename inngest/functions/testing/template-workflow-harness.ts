import { vi } from "vitest";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../../prisma/factories";
import { startEngine } from "./engine-harness";
import type { RecordType } from "@/server/records/record-types";

/**
 * Drives template workflows as production does: installed from the template registry, items
 * through intake, the app's /api/inngest handler over HTTP and the local executor (durable, on a
 * scratch database) calling it, on real Postgres. The Inngest client reads its configuration from
 * env when first imported, so everything that may import it is imported here, after the env is set.
 */
export async function startWorkflowHarness() {
  const { engine, stop } = await startEngine();
  const { inngest } = await import("../../client");
  const { withScope } = await import("@/server/db/tenancy");
  const { db } = await import("@/server/db/client");
  const { setWorkflowMode } = await import("@/server/workflows/workflow-service");
  const { createWorkflowFromTemplate, loadSampleData } = await import("@/server/workflows/template-workflow");
  const { acceptIntakeItem } = await import("@/server/intake/accept-item");
  const { insertRecord } = await import("@/server/records/record-store");
  const { RECORD_TYPES } = await import("@/server/records/record-types");
  const { decideApproval } = await import("@/server/approvals/decide-approval");

  /** An organisation whose builder installs templates; an owner switches modes; two approvers decide. */
  async function newOrg(name: string) {
    const owner = await createUser({ email: uniqueEmail("owner") });
    const org = await createOrgWithOwner(owner, name);
    const builder = await createUser({ email: uniqueEmail("builder") });
    await addMember({ orgId: org.id, user: builder, role: "builder" });
    const approvers: { id: string; email: string }[] = [];
    for (const label of ["approver-a", "approver-b"]) {
      const user = await createUser({ email: uniqueEmail(label) });
      await addMember({
        orgId: org.id,
        user,
        role: "approver",
        approvalDomains: ["sales", "support"],
        approvalLimit: 1e6,
      });
      approvers.push(user);
    }
    const orgId = org.id;
    const as = (user: { id: string; email: string }, role: "owner" | "builder") => ({
      orgId,
      userId: user.id,
      actor: { type: "human" as const, id: user.id, label: user.email },
      role,
    });

    /** A workflow installed from a template with the given settings, sample data loaded, in `mode`. */
    async function install(
      templateKey: string,
      settings: Record<string, unknown>,
      mode: "shadow" | "suggest" | "auto",
    ) {
      const { workflowId } = await createWorkflowFromTemplate(as(builder, "builder"), { templateKey, settings });
      await loadSampleData(as(builder, "builder"), { workflowId });
      if (mode !== "shadow") await setWorkflowMode(as(owner, "owner"), workflowId, mode);
      return workflowId;
    }

    /** Accepts an item through intake (which sends its trigger event). */
    async function intake(workflowId: string, kind: "lead" | "ticket", payload: Record<string, unknown>) {
      const sourceId = uniqueEmail(kind);
      const result = await acceptIntakeItem({
        orgId,
        workflowId,
        channel: "api",
        kind,
        payload,
        sourceId,
        actor: { type: "system", id: null, label: "test" },
        requesterId: null,
      });
      const runId = () =>
        vi.waitFor(
          async () => {
            const run = await withScope({ orgId }, (tx) =>
              tx.run.findFirst({ where: { orgId, workflowId, triggerKey: sourceId } }),
            );
            if (!run) throw new Error("no run yet");
            return run.id;
          },
          { timeout: 30_000, interval: 100 },
        );
      return { intakeItemId: result.itemId, sourceId, runId };
    }

    async function record(type: RecordType, data: Record<string, unknown>) {
      const parsed = RECORD_TYPES[type].schema.parse(data) as Record<string, unknown>;
      const created = await withScope({ orgId }, (tx) =>
        insertRecord(tx, { orgId, type, data: parsed, actor: { type: "system", id: null } }),
      );
      return created.id;
    }

    async function records(type: string) {
      const rows = await withScope({ orgId }, (tx) =>
        tx.businessRecord.findMany({ where: { orgId, type }, orderBy: { createdAt: "asc" } }),
      );
      return rows.map((r) => ({ id: r.id, externalId: r.externalId, data: r.data as Record<string, unknown> }));
    }

    async function runOf(runId: string) {
      return withScope({ orgId }, (tx) =>
        tx.run.findUniqueOrThrow({
          where: { id: runId },
          include: { steps: true, actions: { include: { approval: true }, orderBy: { createdAt: "asc" } } },
        }),
      );
    }

    /** Waits until the run has finished, deciding each approval it opens on the way with `decide`. */
    async function settle(
      runId: string,
      decide: (action: { kind: string; recordType: string; field: string }) => boolean = () => true,
    ) {
      return vi.waitFor(
        async () => {
          const run = await runOf(runId);
          const pending = run.actions.find((a) => a.approval?.status === "pending");
          if (pending?.approval) {
            const approve = decide(pending);
            for (let i = 0; i < pending.approval.requiredApprovals; i++) {
              const user = approvers[i]!;
              const { result, settled } = await decideApproval(
                {
                  orgId,
                  userId: user.id,
                  role: "approver",
                  approvalDomains: ["sales", "support"],
                  approvalLimit: 1e6,
                  actor: { type: "human", id: user.id, label: user.email },
                },
                { approvalId: pending.approval.id, approve, reason: approve ? undefined : "Not this one." },
              );
              if (settled && result.outcome !== "pending") {
                await inngest.send({
                  name: "approval/decided",
                  data: { orgId, approvalId: pending.approval.id, outcome: result.outcome },
                });
              }
              if (!approve) break;
            }
          }
          if (run.status !== "completed" && run.status !== "failed") throw new Error(`run is ${run.status}`);
          return run;
        },
        { timeout: 60_000, interval: 200 },
      );
    }

    async function mailTo(address: string) {
      return db.devMail.findMany({ where: { to: address }, orderBy: { createdAt: "asc" } });
    }

    return {
      orgId,
      org,
      owner,
      builder,
      approvers,
      install,
      intake,
      record,
      records,
      runOf,
      settle,
      mailTo,
      withScope,
    };
  }

  return {
    engine,
    newOrg,
    stop,
  };
}
