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

const HASHED_KEYS = [
  "chainKey",
  "seq",
  "orgId",
  "actorType",
  "actorId",
  "actorLabel",
  "action",
  "targetType",
  "targetId",
  "outcome",
  "data",
  "ip",
  "createdAt",
  "prevHash",
] as const satisfies readonly (keyof HashedFields)[];

/**
 * SHA-256 over the canonical JSON (RFC 8785) of an entry and its predecessor's hash. Only the
 * listed fields count, so a stored row (with its id and own hash) can be passed as it is.
 */
export function hashAuditEntry(entry: HashedFields): string {
  const fields: Record<string, unknown> = {};
  for (const key of HASHED_KEYS) fields[key] = entry[key];
  const canonical = canonicalize({ ...fields, createdAt: entry.createdAt.toISOString() });
  if (canonical === undefined) throw new Error("audit entry could not be canonicalised");
  return createHash("sha256").update(canonical).digest("hex");
}
