import type { VersionPolicy } from "@/server/governance/policy-store";
import { defaultContractFor } from "../default-contract";
import type { ContentSettings } from "./settings";

export const FIRST_POST_FLAG = "first_post_on_channel";
export const OVER_LENGTH_FLAG = "over_length";

/**
 * The default governance policy of content distribution: marketing approvers; posts of
 * brand-sensitive articles (the settings' sensitivity tags), first posts on a channel and
 * variants that cannot be fitted to a platform's limit go to review; the rest is scheduled.
 */
export function contentPolicy(settings: ContentSettings): VersionPolicy {
  return {
    approval: {
      domain: "marketing",
      confidence: { act: settings.thresholds.act, review: settings.thresholds.review },
      amount: { approveAbove: 0, twoPersonAbove: 0, blockAbove: null },
      alwaysApprove: [],
      reviewFlags: [
        ...new Set([...settings.sensitiveTags, FIRST_POST_FLAG, OVER_LENGTH_FLAG, "strategic", "vip", "named_account"]),
      ],
      highRiskApprovals: 2,
      timeout: {
        hours: settings.approvals.timeoutHours,
        onTimeout: "escalate",
        escalation: settings.approvals.escalateTo.length > 0 ? [{ roles: settings.approvals.escalateTo }] : [],
      },
      maxActionsPerRun: 40,
    },
    fieldContract: defaultContractFor(["content.channel", "content.article", "content.post", "content.mention"]),
    suppression: {},
  };
}
