import { describe, expect, it } from "vitest";
import { can, canGrantRole, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from "./permissions";

describe("permission matrix", () => {
  it("only names known permissions", () => {
    for (const role of ROLES) {
      for (const permission of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(permission);
    }
  });

  it("gives the owner everything and the auditor nothing that changes state", () => {
    expect(ROLE_PERMISSIONS.owner).toEqual(PERMISSIONS);
    const writes = PERMISSIONS.filter((p) => !/\.(read|export)$/.test(p));
    for (const p of writes) expect(can("auditor", p), p).toBe(false);
  });

  it("keeps separation of duties: builders cannot publish, approvers cannot edit workflows", () => {
    expect(can("builder", "workflow.edit")).toBe(true);
    expect(can("builder", "workflow.publish")).toBe(false);
    expect(can("approver", "approval.decide")).toBe(true);
    expect(can("approver", "workflow.edit")).toBe(false);
    expect(can("approver", "member.read")).toBe(false);
  });

  it("never lets a role grant above itself", () => {
    expect(canGrantRole("owner", "owner")).toBe(true);
    expect(canGrantRole("admin", "owner")).toBe(false);
    expect(canGrantRole("admin", "admin")).toBe(true);
    expect(canGrantRole("admin", "approver")).toBe(true);
    for (const role of ROLES) expect(canGrantRole("builder", role)).toBe(false);
  });
});
