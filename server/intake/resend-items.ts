import { appendAudit } from "../audit/append-audit";
import { withScope } from "../db/tenancy";
import { deliverItem } from "./deliver-item";
import { requireWorkflow, type IntakeActor } from "./intake-endpoint";
import { kindOfPayload } from "./normalise-payload";

const BATCH = 100;

/**
 * Sends the trigger events of items stored while the engine was unreachable (status
 * `accepted`), oldest first. The person who submitted an item by hand stays its requester.
 */
export async function resendPendingItems(ctx: IntakeActor, workflowId: string) {
  const pending = await withScope({ orgId: ctx.orgId, userId: ctx.userId }, async (tx) => {
    const workflow = await requireWorkflow(tx, ctx.orgId, workflowId);
    const items = await tx.intakeItem.findMany({
      where: { orgId: ctx.orgId, workflowId, status: "accepted" },
      orderBy: { receivedAt: "asc" },
      take: BATCH,
      select: { id: true, sourceId: true, payload: true },
    });
    const accepted = await tx.auditEntry.findMany({
      where: {
        orgId: ctx.orgId,
        action: "intake.item_accepted",
        targetId: { in: items.map((i) => i.id) },
        actorType: "human",
      },
      select: { targetId: true, actorId: true },
    });
    const requesters = new Map(accepted.map((a) => [a.targetId, a.actorId]));
    return items.map((item) => ({
      itemId: item.id,
      sourceId: item.sourceId,
      kind: kindOfPayload(workflow.templateKey, item.payload),
      requesterId: requesters.get(item.id) ?? null,
    }));
  });

  let sent = 0;
  for (const item of pending) {
    if (!item.kind) continue;
    const ok = await deliverItem({ ...item, kind: item.kind, orgId: ctx.orgId, workflowId });
    if (!ok) break; // the engine is still down: stop, keep the rest for the next attempt
    sent += 1;
  }
  await withScope({ orgId: ctx.orgId, userId: ctx.userId }, (tx) =>
    appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "intake.items_resent",
      targetType: "workflow",
      targetId: workflowId,
      data: { pending: pending.length, sent },
    }),
  );
  return { pending: pending.length, sent };
}
