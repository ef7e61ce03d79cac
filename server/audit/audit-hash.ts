import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export const GENESIS_HASH = "0".repeat(64);

export type HashedFields = {
  chainKey: string;
  seq: number;
  orgId: string | null;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  data: unknown;
  ip: string | null;
  createdAt: Date;
  prevHash: string;
};

/** SHA-256 over the canonical JSON (RFC 8785) of an entry and its predecessor's hash. */
export function hashAuditEntry(fields: HashedFields): string {
  const canonical = canonicalize({ ...fields, createdAt: fields.createdAt.toISOString() });
  if (canonical === undefined) throw new Error("audit entry could not be canonicalised");
  return createHash("sha256").update(canonical).digest("hex");
}
