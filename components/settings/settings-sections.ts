import type { Permission } from "@/server/auth/permissions";

/** The settings pages and the permission each needs (the pages check the same permission). */
export const SETTINGS_SECTIONS: readonly {
  key: string;
  label: string;
  description: string;
  section: string;
  permission: Permission;
}[] = [
  {
    key: "ai",
    label: "AI provider and budgets",
    description: "Which model answers, API keys, PII redaction, token and cost budgets.",
    section: "/settings/ai",
    permission: "ai.settings",
  },
  {
    key: "field-contract",
    label: "Field ownership contract",
    description: "What AI may do with each field of each record type.",
    section: "/settings/field-contract",
    permission: "governance.edit",
  },
  {
    key: "suppression",
    label: "Suppression lists",
    description: "Opt-outs, customers, open opportunities, strategic accounts and competitors.",
    section: "/settings/suppression",
    permission: "governance.edit",
  },
  {
    key: "notifications",
    label: "Notifications",
    description: "Push notifications on this device, and the notification log.",
    section: "/settings/notifications",
    permission: "approval.read",
  },
];
