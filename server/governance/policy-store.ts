import type { Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { mergeSuppressionLists, orgFieldContract, tightenFieldContract } from "../records/field-contract";
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

/**
 * The published version of a workflow, parsed and merged with the organisation's field contract
 * and suppression lists: the only policy the gate ever reads.
 */
export async function loadLivePolicy(tx: Tx, orgId: string, workflowId: string): Promise<LivePolicy> {
  const workflow = await tx.workflow.findFirst({
    where: { id: workflowId, orgId },
    include: { versions: { where: { status: "published" }, take: 1 }, org: { select: { automationPausedAt: true } } },
  });
  if (!workflow) throw new AppError("NOT_FOUND", "That workflow was not found.");
  const version = workflow.versions[0];
  if (!version) throw new AppError("PRECONDITION_FAILED", "The workflow has no published version.");
  const own = ZVersionPolicy.parse(version.policy);
  const [contractRows, suppressionRows] = await Promise.all([
    tx.fieldContractRule.findMany({
      where: { orgId },
      select: { recordType: true, field: true, rule: true, protected: true },
    }),
    tx.suppressionEntry.findMany({ where: { orgId }, select: { list: true, value: true } }),
  ]);
  return {
    policy: {
      mode: workflow.mode,
      approval: own.approval,
      // The organisation's field contract and suppression lists apply to every workflow; a version
      // may only tighten them.
      fieldContract: tightenFieldContract(orgFieldContract(contractRows), own.fieldContract),
      suppression: mergeSuppressionLists(suppressionRows, own.suppression),
    },
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
