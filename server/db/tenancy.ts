import { db } from "./client";
import type { Prisma } from "./generated/client";

export type Tx = Prisma.TransactionClient;

/**
 * What the database is told about the caller for one transaction. Row-level security policies
 * read these settings (see the RLS migration): without `orgId`, no tenant row is visible.
 */
export type DbScope = {
  orgId?: string;
  userId?: string;
  /** Lets an invitation be read by its token before the reader belongs to the organisation. */
  inviteTokenHash?: string;
  /** Lets public intake read its endpoint by id or form key before it knows the organisation. */
  intakeKey?: string;
  /** Lets an API key be read by its hash before the caller's organisation is known. */
  apiKeyHash?: string;
  /** Lets the platform audit chain (events that belong to no organisation) be read and appended. */
  platformAudit?: boolean;
};

/**
 * Runs `fn` in one transaction whose RLS settings are `scope`. Every tenant-scoped query goes
 * through here; `set_config(..., true)` is transaction-local, so a pooled connection never
 * carries one caller's organisation into another's query.
 */
export async function withScope<T>(scope: DbScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT
        set_config('app.org_id', ${scope.orgId ?? ""}, true),
        set_config('app.user_id', ${scope.userId ?? ""}, true),
        set_config('app.invite_token_hash', ${scope.inviteTokenHash ?? ""}, true),
        set_config('app.platform_audit', ${scope.platformAudit ? "on" : ""}, true),
        set_config('app.intake_key', ${scope.intakeKey ?? ""}, true),
        set_config('app.api_key_hash', ${scope.apiKeyHash ?? ""}, true)`;
      return fn(tx);
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}

/** Narrows a transaction opened without an organisation (e.g. by invitation token) to one. */
export async function enterOrg(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('app.org_id', ${orgId}, true)`;
}
