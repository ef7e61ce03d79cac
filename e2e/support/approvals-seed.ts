import { execFile, execFileSync } from "node:child_process";
import pg from "pg";

export type Proposal = {
  amount: number;
  newValue?: string;
  risk?: "low" | "medium" | "high";
  vendor?: string;
  notify?: boolean;
};
type Person = { id: string; email: string };
export type Seeded = {
  orgId: string;
  slug: string;
  owner: Person;
  approver: Person;
  approver2: Person;
  workflowId: string;
  approvals: { approvalId: string; recordId: string }[];
  /** Governed runs started through the executor, each waiting on its approval. */
  runs: { eventId: string; recordId: string; approvalId: string }[];
  /** The first approver's TOTP secret when seeded with `twoFactor`. */
  totpSecret: string | null;
};

export type SeedRequest = {
  proposals?: Proposal[];
  runs?: { amount: number }[];
  twoFactor?: boolean;
  /** Add to this organisation (from an earlier seed) instead of a new one. */
  into?: Pick<Seeded, "orgId" | "slug" | "owner" | "approver" | "approver2" | "workflowId">;
};

export const SEED_PASSWORD = "correct horse battery staple";

/**
 * Creates an organisation (owner = the workflow's author, two finance approvers) and pending
 * approvals through the server's own services, in a child process with the test database's env.
 */
export function seedApprovals(request: Proposal[] | SeedRequest): Seeded {
  const out = execFileSync("npx", ["tsx", "e2e/support/seed-approvals.cli.ts"], {
    input: JSON.stringify(Array.isArray(request) ? { proposals: request } : request),
    env: process.env,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "inherit"],
  });
  const last = out.trim().split("\n").pop();
  if (!last) throw new Error("the approvals seed printed nothing");
  return JSON.parse(last) as Seeded;
}

/**
 * The same, without blocking the test's process: needed when the test itself serves something
 * the seed talks to (the push spec's fake push service).
 */
export function seedApprovalsAsync(request: SeedRequest): Promise<Seeded> {
  return new Promise((resolve, reject) => {
    const child = execFile("npx", ["tsx", "e2e/support/seed-approvals.cli.ts"], { env: process.env }, (error, out) => {
      if (error) return reject(new Error(`the approvals seed failed: ${error.message}`));
      const last = out.trim().split("\n").pop();
      if (!last) return reject(new Error("the approvals seed printed nothing"));
      resolve(JSON.parse(last) as Seeded);
    });
    child.stdin?.end(JSON.stringify(request));
  });
}

export type ApprovalState = {
  status: string;
  actionStatus: string;
  finalValue: unknown;
  decisions: { approverId: string; approve: boolean; reason: string | null }[];
  audit: string[];
};

/** Reads an approval's state as the database has it (superuser, so RLS does not hide rows). */
export async function approvalState(approvalId: string): Promise<ApprovalState> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_ADMIN_URL });
  await client.connect();
  try {
    const r = await client.query<{ status: string; actionStatus: string; finalValue: unknown }>(
      `SELECT r."status", a."status" AS "actionStatus", a."finalValue" FROM "ApprovalRequest" r JOIN "Action" a ON a."id" = r."actionId" WHERE r."id" = $1`,
      [approvalId],
    );
    const d = await client.query<{ approverId: string; approve: boolean; reason: string | null }>(
      `SELECT "approverId", "approve", "reason" FROM "ApprovalDecision" WHERE "approvalRequestId" = $1 ORDER BY "createdAt"`,
      [approvalId],
    );
    const audit = await client.query<{ action: string }>(
      `SELECT "action" FROM "AuditEntry" WHERE "targetId" = $1 ORDER BY "seq"`,
      [approvalId],
    );
    const row = r.rows[0];
    if (!row) throw new Error(`no approval ${approvalId}`);
    return { ...row, decisions: d.rows, audit: audit.rows.map((a) => a.action) };
  } finally {
    await client.end();
  }
}

/** A record's data and the status of the run that governs it, as the database has them. */
export async function recordAndRun(
  recordId: string,
): Promise<{ data: Record<string, unknown>; runStatus: string | null }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_ADMIN_URL });
  await client.connect();
  try {
    const record = await client.query<{ data: Record<string, unknown> }>(
      `SELECT "data" FROM "BusinessRecord" WHERE "id" = $1`,
      [recordId],
    );
    const run = await client.query<{ status: string }>(
      `SELECT r."status"::text AS "status" FROM "Run" r JOIN "Action" a ON a."runId" = r."id" WHERE a."recordId" = $1`,
      [recordId],
    );
    return { data: record.rows[0]?.data ?? {}, runStatus: run.rows[0]?.status ?? null };
  } finally {
    await client.end();
  }
}
