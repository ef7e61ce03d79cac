import type { Prisma } from "../db/generated/client";
import { appendAudit } from "../audit/append-audit";
import { withScope, type Tx } from "../db/tenancy";
import { connectorFor } from "../connectors/registry";
import { AppError } from "../errors";
import { sameJsonValue } from "./json-equal";
import { isAutomationPaused } from "./policy-store";

export type ExecutionOutcome =
  "executed" | "shadowed" | "already_executed" | "conflict" | "paused" | "not_approved" | "invalid";

const json = (v: unknown) => (v ?? null) as Prisma.InputJsonValue;

/**
 * Executes an approved action through its connector. Idempotent on the action id (a unique
 * execution row), refuses to overwrite a value that changed since the proposal (the action goes
 * back to review as a conflict), and re-checks the kill switch first.
 */
export async function executeAction(
  orgId: string,
  actionId: string,
  options: { shadow: boolean; workflowId: string },
): Promise<ExecutionOutcome> {
  return withScope({ orgId }, async (tx) => {
    // The row lock serialises concurrent executions of the same action.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Action" WHERE "id" = ${actionId} FOR UPDATE`;
    if (!locked[0]) return "not_approved";
    const action = await tx.action.findUniqueOrThrow({
      where: { id: actionId },
      include: { execution: true, approval: true },
    });
    if (action.execution || action.status === "executed" || action.status === "shadowed") return "already_executed";
    const approvedByPeople = action.approval?.status === "approved";
    if (!options.shadow && action.status !== "approved") return "not_approved";
    if (!options.shadow && (await isAutomationPaused(tx, orgId, options.workflowId))) {
      await cancelAction(tx, orgId, actionId, "automation is paused (kill switch)");
      return "paused";
    }

    const ref = { orgId, recordType: action.recordType, recordId: action.recordId, field: action.field };
    const connector = connectorFor(action.recordType, options.shadow);
    const current = await connector.read(tx, ref);
    if (!sameJsonValue(current, action.oldValue)) {
      await tx.action.update({ where: { id: actionId }, data: { status: "conflict" } });
      await appendAudit(tx, {
        orgId,
        actor: { type: "system", id: null, label: connector.name },
        action: "action.conflict",
        targetType: action.recordType,
        targetId: action.recordId,
        data: { field: action.field, expected: action.oldValue, found: current },
      });
      return "conflict";
    }
    let stored: unknown;
    try {
      stored = await connector.write(tx, ref, action.finalValue, {
        actorType: approvedByPeople ? "human_approved_ai" : "ai",
        actionId,
      });
    } catch (error) {
      // The system of record refused the value (e.g. it fails the record type's schema): the action
      // ends here with the reason, instead of failing the run on every retry.
      if (!(error instanceof AppError) || error.code !== "BAD_REQUEST") throw error;
      await cancelAction(tx, orgId, actionId, `the system of record refused the value: ${error.message}`);
      return "invalid";
    }
    // What the system of record kept (normalised), so a rollback compares against the truth.
    const after = stored === undefined ? action.finalValue : stored;
    await tx.actionExecution.create({
      data: {
        orgId,
        actionId,
        recordType: action.recordType,
        recordId: action.recordId,
        field: action.field,
        before: json(current),
        after: json(after),
      },
    });
    await tx.action.update({ where: { id: actionId }, data: { status: options.shadow ? "shadowed" : "executed" } });
    await appendAudit(tx, {
      orgId,
      actor: { type: approvedByPeople ? "human_approved_ai" : "ai", id: null, label: connector.name },
      action: "action.executed",
      targetType: action.recordType,
      targetId: action.recordId,
      data: {
        runId: action.runId,
        field: action.field,
        before: current,
        after,
        proposed: action.newValue,
        shadow: options.shadow,
      },
    });
    return options.shadow ? "shadowed" : "executed";
  });
}

export async function cancelAction(tx: Tx, orgId: string, actionId: string, reason: string): Promise<void> {
  await tx.action.update({ where: { id: actionId }, data: { status: "cancelled" } });
  await tx.approvalRequest.updateMany({ where: { actionId, status: "pending" }, data: { status: "cancelled" } });
  await appendAudit(tx, {
    orgId,
    actor: { type: "system", id: null, label: "governance runtime" },
    action: "action.cancelled",
    targetType: "action",
    targetId: actionId,
    data: { reason },
  });
}
