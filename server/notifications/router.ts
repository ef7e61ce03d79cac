import { appendAudit } from "../audit/append-audit";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";
import { listNotificationLog } from "./list-notification-log";
import {
  ZApprovalNotificationsRequest,
  ZNotificationLogRequest,
  ZNotificationLogResponse,
  ZPushStatus,
  ZSubscribePushRequest,
  ZUnsubscribePushRequest,
} from "./notification.schemas";
import { pushStatus, subscribePush, unsubscribePush } from "./push-subscriptions";

/**
 * Push on this device and the notification log. Mounted under `approval.notifications`: every
 * notice today is about an approval, and whoever may read approvals may get them.
 */
export const notificationRouter = router({
  pushStatus: orgProcedure("approval.read")
    .output(ZPushStatus)
    .query(({ ctx }) => ctx.scope((tx) => pushStatus(tx, ctx.user.id))),
  subscribe: orgProcedure("approval.read")
    .input(ZSubscribePushRequest)
    .output(ZPushStatus)
    .mutation(({ ctx, input }) =>
      ctx.scope(async (tx) => {
        const status = await subscribePush(tx, ctx.user.id, input, ctx.headers.get("user-agent"));
        await appendAudit(tx, {
          orgId: ctx.org.id,
          actor: ctx.actor,
          action: "push.subscribed",
          targetType: "user",
          targetId: ctx.user.id,
          data: { devices: status.devices },
          ip: ctx.ip,
        });
        return status;
      }),
    ),
  unsubscribe: orgProcedure("approval.read")
    .input(ZUnsubscribePushRequest)
    .output(ZPushStatus)
    .mutation(({ ctx, input }) =>
      ctx.scope(async (tx) => {
        const status = await unsubscribePush(tx, ctx.user.id, input.endpoint);
        await appendAudit(tx, {
          orgId: ctx.org.id,
          actor: ctx.actor,
          action: "push.unsubscribed",
          targetType: "user",
          targetId: ctx.user.id,
          data: { devices: status.devices },
          ip: ctx.ip,
        });
        return status;
      }),
    ),
  /** Every email and push attempt of the organisation, with filters (auditors, admins, owners). */
  log: orgProcedure("audit.read")
    .input(ZNotificationLogRequest)
    .output(ZNotificationLogResponse)
    .query(({ ctx, input }) => ctx.scope((tx) => listNotificationLog(tx, ctx.org.id, input))),
  /** The notices about one request, for its detail page. */
  forApproval: orgProcedure("approval.read")
    .input(ZApprovalNotificationsRequest)
    .output(ZNotificationLogResponse)
    .query(({ ctx, input }) =>
      ctx.scope((tx) => listNotificationLog(tx, ctx.org.id, { approvalId: input.approvalId, limit: 100 })),
    ),
});
