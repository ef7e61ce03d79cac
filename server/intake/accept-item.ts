import { randomUUID } from "node:crypto";
import type { IntakeKind } from "@/inngest/events";
import type { Prisma } from "../db/generated/client";
import { appendAudit } from "../audit/append-audit";
import type { AuditActor } from "../audit/audit.schemas";
import { withScope } from "../db/tenancy";
import { deliverItem } from "./deliver-item";
import type { AttachmentToStore } from "./email-intake";
import type { IntakeChannel } from "./intake.schemas";

export type AcceptItem = {
  orgId: string;
  workflowId: string;
  channel: IntakeChannel;
  kind: IntakeKind;
  payload: Record<string, unknown>;
  sourceId: string;
  attachments?: AttachmentToStore[];
  /** Who sent it: a person (upload), an API key, or the channel itself. */
  actor: AuditActor;
  requesterId: string | null;
};

export type AcceptResult = { itemId: string; duplicate: boolean; status: "accepted" | "sent" };

/**
 * Stores an item once per (workflow, source id) and sends its trigger event. Concurrent copies
 * race on the unique index (INSERT … ON CONFLICT DO NOTHING): exactly one is created; the others
 * are logged as duplicates of it and start nothing. The item is committed before the event is
 * sent, so an engine that is down loses nothing: the item stays `accepted` to be resent.
 */
export async function acceptIntakeItem(input: AcceptItem): Promise<AcceptResult> {
  const { orgId, workflowId } = input;
  const stored = await withScope({ orgId }, async (tx) => {
    const [created] = await tx.intakeItem.createManyAndReturn({
      data: [
        {
          orgId,
          workflowId,
          channel: input.channel,
          sourceId: input.sourceId,
          payload: input.payload as Prisma.InputJsonObject,
          status: "accepted",
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!created) {
      const original = await tx.intakeItem.findUniqueOrThrow({
        where: { workflowId_sourceId: { workflowId, sourceId: input.sourceId } },
        select: { id: true, status: true },
      });
      // A log row, so people see the repeat; its source id never collides with a real one.
      await tx.intakeItem.create({
        data: {
          orgId,
          workflowId,
          channel: input.channel,
          sourceId: `duplicate:${original.id}:${randomUUID()}`,
          payload: { duplicate_of: original.id },
          status: "duplicate",
        },
      });
      return {
        itemId: original.id,
        duplicate: true,
        status: original.status === "sent" ? "sent" : "accepted",
      } as const;
    }
    if (input.attachments?.length) {
      await tx.intakeAttachment.createMany({
        data: input.attachments.map((a) => ({
          id: a.id,
          orgId,
          intakeItemId: created.id,
          filename: a.filename,
          contentType: a.contentType,
          size: a.content.byteLength,
          content: Buffer.from(a.content),
          extractedText: a.extractedText,
        })),
      });
    }
    await appendAudit(tx, {
      orgId,
      actor: input.actor,
      action: "intake.item_accepted",
      targetType: "intake_item",
      targetId: created.id,
      data: { workflowId, channel: input.channel, kind: input.kind, attachments: input.attachments?.length ?? 0 },
    });
    return { itemId: created.id, duplicate: false, status: "accepted" } as const;
  });
  if (stored.duplicate) return stored;
  const sent = await deliverItem({
    itemId: stored.itemId,
    orgId,
    workflowId,
    kind: input.kind,
    sourceId: input.sourceId,
    requesterId: input.requesterId,
  });
  return { itemId: stored.itemId, duplicate: false, status: sent ? "sent" : "accepted" };
}
