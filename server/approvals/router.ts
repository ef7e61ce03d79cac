import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";
import { sendAfterCommit } from "../workflows/send-events";
import { ZDecideApprovalRequest, ZDecideApprovalResponse } from "./approval.schemas";
import { decideApproval } from "./decide-approval";
import { listPendingApprovals } from "./list-approvals";

export const approvalRouter = router({
  listPending: orgProcedure("approval.read").query(({ ctx }) => ctx.scope((tx) => listPendingApprovals(tx, ctx.org.id))),
  // A decision is only ever this POST from the approver's own session; GET never decides.
  decide: orgProcedure("approval.decide")
    .input(ZDecideApprovalRequest)
    .output(ZDecideApprovalResponse)
    .mutation(async ({ ctx, input }) => {
      const { result, settled } = await decideApproval(
        {
          orgId: ctx.org.id,
          userId: ctx.user.id,
          role: ctx.membership.role,
          approvalDomains: ctx.membership.approvalDomains,
          approvalLimit: ctx.membership.approvalLimit,
          actor: ctx.actor,
        },
        input,
      );
      if (settled && result.outcome !== "pending") {
        await sendAfterCommit([
          { name: "approval/decided", data: { orgId: ctx.org.id, approvalId: input.approvalId, outcome: result.outcome } },
        ]);
      }
      return result;
    }),
});
