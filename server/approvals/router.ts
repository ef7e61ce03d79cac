import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";
import { AppError } from "../errors";
import { sendAfterCommit } from "../workflows/send-events";
import { ZDecideApprovalRequest, ZDecideApprovalResponse } from "./approval.schemas";
import { decideApproval, type Approver } from "./decide-approval";
import {
  ZApprovalGetRequest,
  ZApprovalItem,
  ZBatchApproveRequest,
  ZBatchApproveResponse,
  ZHistoryResponse,
  ZInboxRequest,
  ZInboxResponse,
} from "./inbox.schemas";
import { checkEditedValue, getApproval, listInbox, listMyDecisions, refuseBatch } from "./inbox";
import { listPendingApprovals } from "./list-approvals";
import { checkDecisionToken } from "./decision-token";
import { notificationRouter } from "../notifications/router";

type Ctx = {
  org: { id: string };
  user: { id: string };
  membership: { role: Approver["role"]; approvalDomains: string[]; approvalLimit: unknown };
  actor: Approver["actor"];
};

const approverOf = (ctx: Ctx): Approver => ({
  orgId: ctx.org.id,
  userId: ctx.user.id,
  role: ctx.membership.role,
  approvalDomains: ctx.membership.approvalDomains,
  approvalLimit: ctx.membership.approvalLimit === null ? null : Number(ctx.membership.approvalLimit),
  actor: ctx.actor,
});

/** A decision carries the token its item view handed out (decision-token.ts). */
function requireToken(ctx: Ctx, approvalId: string, token: string | undefined) {
  if (!token)
    throw new AppError("FORBIDDEN", "This decision was not made from the approval itself. Open it, then decide.");
  checkDecisionToken(token, { orgId: ctx.org.id, approvalId, userId: ctx.user.id });
}

const decided = (orgId: string, approvalId: string, outcome: string) => ({
  name: "approval/decided",
  data: { orgId, approvalId, outcome },
});

export const approvalRouter = router({
  listPending: orgProcedure("approval.read").query(({ ctx }) =>
    ctx.scope((tx) => listPendingApprovals(tx, ctx.org.id)),
  ),
  /** The phone inbox: what I may decide, soonest due first, with everything needed to decide. */
  inbox: orgProcedure("approval.read")
    .input(ZInboxRequest)
    .output(ZInboxResponse)
    .query(({ ctx, input }) => ctx.scope((tx) => listInbox(tx, approverOf(ctx), input))),
  /** What a notification link opens. A read: it never decides. */
  get: orgProcedure("approval.read")
    .input(ZApprovalGetRequest)
    .output(ZApprovalItem)
    .query(({ ctx, input }) => ctx.scope((tx) => getApproval(tx, approverOf(ctx), input.approvalId))),
  history: orgProcedure("approval.read")
    .output(ZHistoryResponse)
    .query(({ ctx }) => ctx.scope((tx) => listMyDecisions(tx, approverOf(ctx)))),
  // A decision is only ever this POST from the approver's own session; GET never decides.
  decide: orgProcedure("approval.decide")
    .input(ZDecideApprovalRequest)
    .output(ZDecideApprovalResponse)
    .mutation(async ({ ctx, input }) => {
      requireToken(ctx, input.approvalId, input.decisionToken);
      if (input.editedValue !== undefined)
        await ctx.scope((tx) => checkEditedValue(tx, ctx.org.id, input.approvalId, input.editedValue));
      const { result, settled } = await decideApproval(approverOf(ctx), input);
      if (settled && result.outcome !== "pending")
        await sendAfterCommit([decided(ctx.org.id, input.approvalId, result.outcome)]);
      return result;
    }),
  /** Approves several low-risk, single-approver requests; each is decided (and audited) on its own. */
  batchApprove: orgProcedure("approval.decide")
    .input(ZBatchApproveRequest)
    .output(ZBatchApproveResponse)
    .mutation(async ({ ctx, input }) => {
      const tokens = new Map(input.items.map((i) => [i.approvalId, i.decisionToken]));
      const ids = [...tokens.keys()];
      const refused = await ctx.scope((tx) => refuseBatch(tx, approverOf(ctx), ids));
      const results = [];
      const events = [];
      for (const approvalId of ids) {
        const refusal = refused.get(approvalId);
        if (refusal) {
          results.push({ approvalId, ok: false, outcome: null, error: refusal });
          continue;
        }
        try {
          requireToken(ctx, approvalId, tokens.get(approvalId));
          const { result, settled } = await decideApproval(approverOf(ctx), { approvalId, approve: true });
          if (settled) events.push(decided(ctx.org.id, approvalId, result.outcome));
          results.push({ approvalId, ok: true, outcome: result.outcome, error: null });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          results.push({ approvalId, ok: false, outcome: null, error: error.message });
        }
      }
      await sendAfterCommit(events);
      return { results };
    }),
  notifications: notificationRouter,
});
