import type { WorkflowPrompts } from "../../ai/prompt-versions";

/** The rules tables of support triage (skill, routing, knowledge-base match, refunds), versioned like prompts. */
export const SUPPORT_RULES_VERSION = "support-triage.rules@1";

/** The prompts a support triage version pins (WorkflowVersion.prompts). */
export const SUPPORT_TRIAGE_PROMPTS: WorkflowPrompts = {
  "support.category": { version: "support-triage.category@1" },
  "support.urgency": { version: "support-triage.urgency@1" },
  "support.sentiment": { version: "support-triage.sentiment@1" },
  "draft.billing": { version: "support-triage.reply@1" },
  "draft.refund": { version: "support-triage.reply@1" },
  "draft.technical": { version: "support-triage.reply@1" },
  "draft.account_access": { version: "support-triage.reply@1" },
  "draft.feature_request": { version: "support-triage.reply@1" },
  "draft.how_to": { version: "support-triage.reply@1" },
  "draft.other": { version: "support-triage.reply@1" },
  "support-triage.rules": { version: SUPPORT_RULES_VERSION },
};
