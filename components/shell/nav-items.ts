import { can, type Permission, type Role } from "@/server/auth/permissions";

export type NavItem = { key: string; label: string; section: string; permission: Permission };

/** The org sections and the permission each needs; the pages check the same permission. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: "overview", label: "Overview", section: "", permission: "org.read" },
  { key: "approvals", label: "Approvals", section: "/approvals", permission: "approval.read" },
  { key: "workflows", label: "Workflows", section: "/workflows", permission: "workflow.read" },
  { key: "records", label: "Records", section: "/records", permission: "record.read" },
  { key: "members", label: "Members", section: "/members", permission: "member.read" },
  { key: "audit", label: "Audit log", section: "/audit", permission: "audit.read" },
  { key: "settings", label: "Settings", section: "/settings", permission: "org.update" },
];

export const navItemsFor = (role: Role) => NAV_ITEMS.filter((item) => can(role, item.permission));
