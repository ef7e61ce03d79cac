import type { WorkflowPrompts } from "../../ai/prompt-versions";

/** The rules tables of lead routing (source, identity, enrichment, urgency, territory), versioned like prompts. */
export const LEAD_RULES_VERSION = "lead-routing.rules@1";

/** The prompts a lead routing version pins (WorkflowVersion.prompts). */
export const LEAD_ROUTING_PROMPTS: WorkflowPrompts = {
  "lead.score": {
    version: "lead-routing.fit@1",
    instructions:
      "Score how well the lead fits as a customer, from 0 to 100: stated budget, decision-making authority, a clear need, a near timeline and company size.",
  },
  summarise: {
    version: "lead-routing.handoff@1",
    instructions:
      "Summarise the lead for the sales owner taking it over, in at most 3 sentences: who, what they need, when.",
  },
  "draft.welcome": {
    version: "lead-routing.welcome@1",
    instructions:
      "Draft a short, friendly welcome email to a new lead from the variables given; say who will follow up and promise nothing else.",
  },
  "lead-routing.rules": { version: LEAD_RULES_VERSION },
};
