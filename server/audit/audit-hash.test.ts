import { describe, expect, it } from "vitest";
import { GENESIS_HASH, hashAuditEntry, type HashedFields } from "./audit-hash";

const entry: HashedFields = {
  chainKey: "org_1",
  seq: 1,
  orgId: "org_1",
  actorType: "human",
  actorId: "u1",
  actorLabel: "a@example.test",
  action: "org.created",
  targetType: null,
  targetId: null,
  outcome: "success",
  data: { name: "Acme", slug: "acme" },
  ip: null,
  createdAt: new Date("2026-11-21T12:00:00.000Z"),
  prevHash: GENESIS_HASH,
};

describe("hashAuditEntry", () => {
  it("does not depend on key order in data", () => {
    expect(hashAuditEntry({ ...entry, data: { slug: "acme", name: "Acme" } })).toBe(hashAuditEntry(entry));
  });

  it("changes with any field, including the link to the previous entry", () => {
    const base = hashAuditEntry(entry);
    expect(hashAuditEntry({ ...entry, data: { name: "Acme!", slug: "acme" } })).not.toBe(base);
    expect(hashAuditEntry({ ...entry, prevHash: "f".repeat(64) })).not.toBe(base);
    expect(hashAuditEntry({ ...entry, outcome: "denied" })).not.toBe(base);
  });
});
