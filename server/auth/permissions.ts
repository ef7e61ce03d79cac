/**
 * The permission matrix: the single source of truth read by the server (procedure guards),
 * the UI (hiding what a role may not do) and the tests (enumerating every role × permission).
 * No server-only imports here, so client components can import it.
 */
export const ROLES = ["owner", "admin", "builder", "approver", "operator", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "org.read",
  "org.update",
  "org.security",
  "member.read",
  "member.invite",
  "member.updateRole",
  "member.remove",
  "audit.read",
  "audit.export",
  "workflow.read",
  "workflow.edit",
  "workflow.publish",
  "workflow.pause",
  "run.read",
  "run.cancel",
  "approval.read",
  "approval.decide",
  "record.read",
  "record.write",
  "intake.manage",
  "governance.edit",
  "governance.killSwitch",
  "action.rollback",
  "roi.read",
  "ai.settings",
  "billing.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL = PERMISSIONS;

export const ROLE_PERMISSIONS = {
  owner: ALL,
  admin: ALL.filter((p) => p !== "org.security" && p !== "billing.manage"),
  builder: [
    "org.read",
    "workflow.read",
    "workflow.edit",
    "run.read",
    "record.read",
    "intake.manage",
    "roi.read",
    "approval.read",
  ],
  // Approvers and operators also do the work by hand in the systems of record (the human outcomes
  // shadow mode compares with).
  approver: ["org.read", "approval.read", "approval.decide", "record.read", "record.write", "workflow.read"],
  operator: [
    "org.read",
    "workflow.read",
    "workflow.pause",
    "run.read",
    "run.cancel",
    "record.read",
    "record.write",
    "governance.killSwitch",
    "action.rollback",
    "roi.read",
  ],
  auditor: ["org.read", "audit.read", "audit.export", "workflow.read", "run.read", "record.read", "roi.read"],
} as const satisfies Record<Role, readonly Permission[]>;

export function can(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

/**
 * Rank used when granting roles: you may only grant a role whose rank is at most your own.
 * The four specialist roles sit side by side below admin.
 */
export const ROLE_RANK: Record<Role, number> = {
  owner: 3,
  admin: 2,
  builder: 1,
  approver: 1,
  operator: 1,
  auditor: 1,
};

export function canGrantRole(granter: Role, role: Role): boolean {
  return can(granter, "member.updateRole") && ROLE_RANK[role] <= ROLE_RANK[granter];
}

/** Roles whose members must have two-factor authentication when the organisation requires it. */
export const PRIVILEGED_ROLES: readonly Role[] = ["owner", "admin", "approver"];

export const APPROVAL_DOMAINS = ["sales", "support", "finance", "marketing", "operations"] as const;
export type ApprovalDomain = (typeof APPROVAL_DOMAINS)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  builder: "Builder",
  approver: "Approver",
  operator: "Operator",
  auditor: "Auditor",
};
