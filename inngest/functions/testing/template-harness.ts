import { vi } from "vitest";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../../prisma/factories";
import { startEngine } from "./engine-harness";
import type { Prisma } from "@/server/db/generated/client";
import type { VersionPolicy } from "@/server/governance/policy-store";
import type { RecordType } from "@/server/records/record-types";

/**
 * Runs template functions the way production does: the app's /api/inngest handler served over
 * HTTP, the local executor (durable, on its own scratch database) calling it, real Postgres.
 * The Inngest client reads its configuration from env when first imported, so everything that
 * may import it is imported here, after the env is set.
 */
export async function startTemplateHarness() {
  const { engine, stop } = await startEngine();
  const { inngest } = await import("../../client");
  const { withScope } = await import("@/server/db/tenancy");
  const { createWorkflow, publishVersion } = await import("@/server/workflows/workflow-service");
  const { insertRecord } = await import("@/server/records/record-store");
  const { RECORD_TYPES } = await import("@/server/records/record-types");
  const { decideApproval } = await import("@/server/approvals/decide-approval");

  /** An organisation with an author (admin), a publisher (owner) and two approvers for every domain. */
  async function newOrg(name: string) {
    const owner = await createUser({ email: uniqueEmail("owner") });
    const org = await createOrgWithOwner(owner, name);
    const admin = await createUser({ email: uniqueEmail("admin") });
    await addMember({ orgId: org.id, user: admin, role: "admin" });
    const approvers: { id: string; email: string }[] = [];
    for (const label of ["approver-a", "approver-b"]) {
      const user = await createUser({ email: uniqueEmail(label) });
      await addMember({
        orgId: org.id,
        user,
        role: "approver",
        approvalDomains: ["finance", "marketing"],
        approvalLimit: 1_000_000,
      });
      approvers.push(user);
    }
    const orgId = org.id;

    /** A published version of a template workflow in the given mode (auto unless said otherwise). */
    async function workflow(input: {
      templateKey: string;
      policy: VersionPolicy;
      settings: unknown;
      prompts: unknown;
      mode?: "shadow" | "suggest" | "auto";
    }) {
      const author = { orgId, userId: admin.id, actor: { type: "human" as const, id: admin.id, label: admin.email } };
      const { workflowId, versionId } = await createWorkflow(author, {
        name: input.templateKey,
        templateKey: input.templateKey,
        policy: input.policy,
      });
      await withScope({ orgId }, (tx) =>
        tx.workflowVersion.update({
          where: { id: versionId },
          data: { settings: input.settings as object, prompts: input.prompts as object },
        }),
      );
      await publishVersion({ orgId, userId: owner.id, actor: { type: "human", id: owner.id, label: null } }, versionId);
      await withScope({ orgId }, (tx) =>
        tx.workflow.update({ where: { id: workflowId }, data: { mode: input.mode ?? "auto" } }),
      );
      return workflowId;
    }

    /** A record in the built-in system of record, validated by its type's schema. */
    async function record(type: RecordType, data: Record<string, unknown>) {
      const parsed = RECORD_TYPES[type].schema.parse(data) as Record<string, unknown>;
      const created = await withScope({ orgId }, (tx) =>
        insertRecord(tx, { orgId, type, data: parsed, actor: { type: "system", id: null } }),
      );
      return created.id;
    }

    async function records(type: RecordType) {
      return withScope({ orgId }, (tx) =>
        tx.businessRecord.findMany({ where: { orgId, type }, orderBy: { createdAt: "asc" } }),
      ).then((rows) => rows.map((r) => ({ id: r.id, data: r.data as Record<string, unknown> })));
    }

    /** Accepts an intake item and sends its trigger event, as intake does. */
    async function intake(
      workflowId: string,
      kind: "invoice" | "article" | "mention",
      payload: Prisma.InputJsonObject,
    ) {
      const sourceId = uniqueEmail(kind);
      const item = await withScope({ orgId }, (tx) =>
        tx.intakeItem.create({ data: { orgId, workflowId, channel: "api", sourceId, payload: payload } }),
      );
      const name = { invoice: "invoice/received", article: "article/published", mention: "mention/received" }[kind];
      const { ids } = await inngest.send({
        name,
        data: { orgId, workflowId, intakeItemId: item.id, triggerKey: sourceId, requesterId: null },
      });
      return { eventId: ids[0]!, intakeItemId: item.id };
    }

    /** The pending approval request of the workflow's action on a record type, once the run opens it. */
    function pendingApproval(workflowId: string, recordType: string, kind?: string) {
      return vi.waitFor(
        async () => {
          const request = await withScope({ orgId }, (tx) =>
            tx.approvalRequest.findFirst({
              where: {
                orgId,
                status: "pending",
                action: { recordType, run: { workflowId }, ...(kind ? { kind } : {}) },
              },
              include: { action: true },
              orderBy: { createdAt: "asc" },
            }),
          );
          if (!request) throw new Error(`no pending approval for ${recordType} yet`);
          return request;
        },
        { timeout: 30_000, interval: 100 },
      );
    }

    /** A decision by an approver, and the event the approvals router sends after it. */
    async function decide(approvalId: string, approve: boolean, who = 0) {
      const user = approvers[who]!;
      const { result, settled } = await decideApproval(
        {
          orgId,
          userId: user.id,
          role: "approver",
          approvalDomains: ["finance", "marketing"],
          approvalLimit: 1_000_000,
          actor: { type: "human", id: user.id, label: user.email },
        },
        { approvalId, approve, reason: approve ? undefined : "Not this one." },
      );
      if (settled && result.outcome !== "pending") {
        await inngest.send({ name: "approval/decided", data: { orgId, approvalId, outcome: result.outcome } });
      }
      return result;
    }

    async function run(workflowId: string) {
      return withScope({ orgId }, (tx) =>
        tx.run.findFirstOrThrow({ where: { orgId, workflowId }, include: { steps: true, actions: true } }),
      );
    }

    return { orgId, org, owner, admin, approvers, workflow, record, records, intake, pendingApproval, decide, run };
  }

  return {
    engine,
    newOrg,
    withScope,
    stop,
  };
}
