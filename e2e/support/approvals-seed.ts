import { execFileSync } from "node:child_process";
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
};

export const SEED_PASSWORD = "correct horse battery staple";

/**
 * Creates an organisation (owner = the workflow's author, two finance approvers) and pending
 * approvals through the server's own services, in a child process with the test database's env.
 */
export function seedApprovals(proposals: Proposal[]): Seeded {
  const out = execFileSync("npx", ["tsx", "e2e/support/seed-approvals.cli.ts"], {
    input: JSON.stringify({ proposals }),
    env: process.env,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "inherit"],
  });
  const last = out.trim().split("\n").pop();
  if (!last) throw new Error("the approvals seed printed nothing");
  return JSON.parse(last) as Seeded;
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
