import type { FIELD_RULES, SUPPRESSION_LISTS } from "@/server/governance/policy.schemas";

type FieldRule = (typeof FIELD_RULES)[number];

export const RULE_LABELS: Record<FieldRule, { label: string; description: string }> = {
  write: { label: "Write", description: "AI may change the field (the gate's other rules still apply)." },
  write_if_empty: {
    label: "Write if empty",
    description: "AI may fill the field when it is empty; a change needs approval.",
  },
  suggest_only: { label: "Suggest only", description: "AI may suggest a value; a person approves every change." },
  never: { label: "Never", description: "AI may never change the field; such actions are blocked." },
};

export const LIST_LABELS: Record<(typeof SUPPRESSION_LISTS)[number], { label: string; description: string }> = {
  opt_out: { label: "Opt-outs", description: "People who asked not to be contacted. No message reaches them." },
  customers: { label: "Customers", description: "Existing customers: no prospecting mail, routing or enrolment." },
  open_opportunities: {
    label: "Open opportunities",
    description: "Accounts with a deal in progress: their owner decides.",
  },
  strategic_accounts: {
    label: "Strategic accounts",
    description: "Named and strategic accounts: hands off for automation.",
  },
  competitors: { label: "Competitors", description: "Competitors' people and domains." },
};
