import { canGrantRole, ROLE_RANK, type Role } from "../auth/permissions";

export type MemberChange =
  | { kind: "role"; actorRole: Role; from: Role; to: Role; ownerCount: number }
  | { kind: "remove"; actorRole: Role; from: Role; ownerCount: number };

/**
 * Why a change to a membership is refused, or null when it is allowed. Pure, so the rules are
 * tested on their own: nobody grants above their own role or touches someone ranked above them,
 * and an organisation always keeps an owner.
 */
export function refuseMemberChange(change: MemberChange): string | null {
  if (ROLE_RANK[change.from] > ROLE_RANK[change.actorRole]) {
    return "You cannot change a member whose role is above yours.";
  }
  if (change.kind === "role" && !canGrantRole(change.actorRole, change.to)) {
    return `Your role cannot grant the ${change.to} role.`;
  }
  const losesOwner = change.from === "owner" && (change.kind === "remove" || change.to !== "owner");
  if (losesOwner && change.ownerCount <= 1) {
    return "An organisation must keep at least one owner. Make someone else owner first.";
  }
  return null;
}

/** Approval scope only applies to approvers; other roles carry none. */
export function approverScopeFor(role: Role, domains: string[], limit: number | null) {
  return role === "approver"
    ? { approvalDomains: domains, approvalLimit: limit }
    : { approvalDomains: [], approvalLimit: null };
}
