import { describe, expect, it } from "vitest";
import { approverScopeFor, refuseMemberChange } from "./member-rules";

describe("refuseMemberChange", () => {
  it("refuses demoting or removing the last owner", () => {
    expect(refuseMemberChange({ kind: "role", actorRole: "owner", from: "owner", to: "admin", ownerCount: 1 })).toMatch(
      /at least one owner/,
    );
    expect(refuseMemberChange({ kind: "remove", actorRole: "owner", from: "owner", ownerCount: 1 })).toMatch(
      /at least one owner/,
    );
  });

  it("allows demoting an owner when another owner remains", () => {
    expect(
      refuseMemberChange({ kind: "role", actorRole: "owner", from: "owner", to: "admin", ownerCount: 2 }),
    ).toBeNull();
  });

  it("refuses an admin making anyone (themselves included) owner", () => {
    expect(refuseMemberChange({ kind: "role", actorRole: "admin", from: "admin", to: "owner", ownerCount: 1 })).toMatch(
      /cannot grant the owner role/,
    );
  });

  it("refuses an admin touching an owner", () => {
    expect(refuseMemberChange({ kind: "remove", actorRole: "admin", from: "owner", ownerCount: 2 })).toMatch(
      /above yours/,
    );
  });

  it("lets an admin change specialist roles", () => {
    expect(
      refuseMemberChange({ kind: "role", actorRole: "admin", from: "builder", to: "approver", ownerCount: 1 }),
    ).toBeNull();
  });
});

describe("approverScopeFor", () => {
  it("keeps approval scope only for approvers", () => {
    expect(approverScopeFor("approver", ["finance"], 500)).toEqual({
      approvalDomains: ["finance"],
      approvalLimit: 500,
    });
    expect(approverScopeFor("builder", ["finance"], 500)).toEqual({ approvalDomains: [], approvalLimit: null });
  });
});
