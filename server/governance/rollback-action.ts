import { appendAudit } from "../audit/append-audit";
import type { AuditActor } from "../audit/audit.schemas";
import { withScope } from "../db/tenancy";
import { AppError } from "../errors";
import { connectorFor } from "../connectors/registry";
import { sameJsonValue } from "./json-equal";

/**
 * Applies the compensating change for an executed action: the value before it, written the same
 * way, and only if nobody changed the field since (otherwise a conflict is reported).
 */
export async function rollbackAction(
  orgId: string,
  actionId: string,
  actor: AuditActor,
): Promise<"rolled_back" | "conflict"> {
  return withScope({ orgId }, async (tx) => {
    const execution = await tx.actionExecution.findFirst({ where: { actionId, orgId } });
    if (!execution) throw new AppError("NOT_FOUND", "That action was never executed.");
    if (execution.rolledBackAt) throw new AppError("CONFLICT", "That action was already rolled back.");
    const ref = { orgId, recordType: execution.recordType, recordId: execution.recordId, field: execution.field };
    const connector = connectorFor(execution.recordType, false);
    const current = await connector.read(tx, ref);
    if (!sameJsonValue(current, execution.after)) {
      await appendAudit(tx, {
        orgId,
        actor,
        action: "action.conflict",
        targetType: execution.recordType,
        targetId: execution.recordId,
        data: { field: execution.field, expected: execution.after, found: current },
      });
      return "conflict";
    }
    await connector.write(tx, ref, execution.before, {
      actorType: actor.type,
      actorId: actor.id,
      actionId,
    });
    await tx.actionExecution.update({ where: { id: execution.id }, data: { rolledBackAt: new Date() } });
    await tx.action.update({ where: { id: actionId }, data: { status: "rolled_back" } });
    await appendAudit(tx, {
      orgId,
      actor,
      action: "action.rolled_back",
      targetType: execution.recordType,
      targetId: execution.recordId,
      data: { field: execution.field, restored: execution.before, replaced: current },
    });
    return "rolled_back";
  });
}
