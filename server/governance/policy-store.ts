import type { Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { ZApprovalPolicy, ZFieldContract, ZSuppressionLists, type GovernancePolicy } from "./policy.schemas";
import { z } from "zod";

/** What a version stores: everything governed except the mode, which is the workflow's. */
export const ZVersionPolicy = z.object({
  approval: ZApprovalPolicy,
  fieldContract: ZFieldContract.default({}),
  suppression: ZSuppressionLists.default({}),
});
export type VersionPolicy = z.infer<typeof ZVersionPolicy>;

export type LivePolicy = {
  policy: GovernancePolicy;
  versionId: string;
  versionAuthorId: string;
  workflowId: string;
  paused: boolean;
};

/** The published version of a workflow, parsed: the only policy the gate ever reads. */
export async function loadLivePolicy(tx: Tx, orgId: string, workflowId: string): Promise<LivePolicy> {
  const workflow = await tx.workflow.findFirst({
    where: { id: workflowId, orgId },
    include: { versions: { where: { status: "published" }, take: 1 }, org: { select: { automationPausedAt: true } } },
  });
  if (!workflow) throw new AppError("NOT_FOUND", "That workflow was not found.");
  const version = workflow.versions[0];
  if (!version) throw new AppError("PRECONDITION_FAILED", "The workflow has no published version.");
  return {
    policy: { mode: workflow.mode, ...ZVersionPolicy.parse(version.policy) },
    versionId: version.id,
    versionAuthorId: version.authorId,
    workflowId,
    paused: Boolean(workflow.pausedAt ?? workflow.org.automationPausedAt),
  };
}

/** Defence in depth for the kill switch: re-read right before anything executes. */
export async function isAutomationPaused(tx: Tx, orgId: string, workflowId: string): Promise<boolean> {
  const workflow = await tx.workflow.findFirst({
    where: { id: workflowId, orgId },
    select: { pausedAt: true, org: { select: { automationPausedAt: true } } },
  });
  return !workflow || Boolean(workflow.pausedAt ?? workflow.org.automationPausedAt);
}
