import { beforeAll, describe, expect, it } from "vitest";
import { currentTotp } from "../auth/totp";
import { withScope } from "../db/tenancy";
import { callerFor } from "../testing/callers";
import { enrolTwoFactor, wrongTotp } from "../testing/integration";
import { issueDecisionToken } from "./decision-token";
import { STEP_UP_MESSAGES } from "./step-up";
import { proposeInvoiceStatus, seedInboxOrg, type InboxScenario } from "./testing/seed-approvals";

let s: InboxScenario;
const as = (user: { id: string }) => callerFor(user, s.slug).approval;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: "OK", message: "" }),
    (e: { code?: string; message?: string }) => ({ code: e.code ?? "ERROR", message: e.message ?? "" }),
  );
const tokenFor = async (user: { id: string }, approvalId: string) =>
  (await as(user).get({ approvalId })).decisionToken!;
/** A code of the next time step: enrolment used the current one, and a used step never works again. */
const nextCode = (secret: string) => currentTotp(secret, Date.now() + 30_000);

beforeAll(async () => {
  s = await seedInboxOrg("Step-up Test");
});

describe("2FA step-up for high-risk approvals", () => {
  it("asks a person without 2FA to set it up, and never lets a high-risk item into a batch", async () => {
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 300, risk: "high" });
    const row = await withScope({ orgId: s.orgId }, (tx) =>
      tx.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } }),
    );
    expect(row.stepUpRequired).toBe(true);
    const item = await as(s.approver).get({ approvalId });
    expect(item).toMatchObject({ stepUp: true, batchable: false });

    const refused = await failure(
      as(s.approver).decide({ approvalId, approve: true, decisionToken: await tokenFor(s.approver, approvalId) }),
    );
    expect(refused).toEqual({ code: "PRECONDITION_FAILED", message: STEP_UP_MESSAGES.notEnrolled });
    const batch = await as(s.approver).batchApprove({
      items: [{ approvalId, decisionToken: await tokenFor(s.approver, approvalId) }],
    });
    expect(batch.results[0]).toMatchObject({ ok: false });
    expect((await as(s.approver).get({ approvalId })).status).toBe("pending");
    const audit = await withScope({ orgId: s.orgId }, (tx) =>
      tx.auditEntry.findMany({ where: { action: "approval.refused", targetId: approvalId } }),
    );
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it("approves with a fresh code, refuses a missing, wrong or replayed one", async () => {
    const { secret } = await enrolTwoFactor(s.approver);
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 310, risk: "high" });
    const token = await tokenFor(s.approver, approvalId);
    const decide = (totpCode?: string) =>
      as(s.approver).decide({ approvalId, approve: true, decisionToken: token, totpCode });

    expect(await failure(decide())).toEqual({ code: "PRECONDITION_FAILED", message: STEP_UP_MESSAGES.missing });
    expect((await failure(decide(wrongTotp(secret)))).code).toBe("BAD_REQUEST");
    const code = nextCode(secret);
    // High risk needs two people (the policy's highRiskApprovals): the first approval is recorded.
    expect(await decide(code)).toMatchObject({ outcome: "pending", approvals: 1, required: 2 });
    const entry = await withScope({ orgId: s.orgId }, (tx) =>
      tx.auditEntry.findFirstOrThrow({ where: { action: "approval.decided", targetId: approvalId } }),
    );
    expect(entry.data).toMatchObject({ approve: true, stepUp: true });

    // The same code cannot approve another request: its time step is used.
    const other = await proposeInvoiceStatus(s, { amount: 320, risk: "high" });
    const replay = await failure(
      as(s.approver).decide({
        approvalId: other.approvalId,
        approve: true,
        decisionToken: await tokenFor(s.approver, other.approvalId),
        totpCode: code,
      }),
    );
    expect(replay).toEqual({ code: "BAD_REQUEST", message: STEP_UP_MESSAGES.invalid });
    // Rejecting changes nothing, so it needs no code.
    expect(
      await as(s.approver).decide({
        approvalId: other.approvalId,
        approve: false,
        reason: "Not ours",
        decisionToken: await tokenFor(s.approver, other.approvalId),
      }),
    ).toMatchObject({ outcome: "rejected" });
  });

  it("asks for a code above the approver's own step-up limit, set by an owner", async () => {
    const members = await callerFor(s.owner, s.slug).member.list();
    const sam = members.find((m) => m.userId === s.approver2.id)!;
    await callerFor(s.owner, s.slug).member.updateRole({
      memberId: sam.id,
      role: "approver",
      approvalDomains: ["finance"],
      approvalLimit: 10_000,
      stepUpLimit: 1000,
    });
    expect((await callerFor(s.owner, s.slug).member.list()).find((m) => m.id === sam.id)).toMatchObject({
      stepUpLimit: 1000,
    });
    const big = await proposeInvoiceStatus(s, { amount: 2000 });
    const small = await proposeInvoiceStatus(s, { amount: 900 });
    expect(await as(s.approver2).get({ approvalId: big.approvalId })).toMatchObject({ stepUp: true, batchable: false });
    expect(await as(s.approver).get({ approvalId: big.approvalId })).toMatchObject({ stepUp: false, batchable: true });
    expect(await as(s.approver2).get({ approvalId: small.approvalId })).toMatchObject({ stepUp: false });

    const { results } = await as(s.approver2).batchApprove({
      items: [
        { approvalId: big.approvalId, decisionToken: await tokenFor(s.approver2, big.approvalId) },
        { approvalId: small.approvalId, decisionToken: await tokenFor(s.approver2, small.approvalId) },
      ],
    });
    expect(results[0]).toMatchObject({ ok: false });
    expect(results[0]!.error).toMatch(/two-factor/);
    expect(results[1]).toMatchObject({ ok: true, outcome: "approved" });
  });

  it("stops guessing after five wrong codes", async () => {
    const { secret } = await enrolTwoFactor(s.approver2);
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 330, risk: "high" });
    const token = await tokenFor(s.approver2, approvalId);
    const decide = (totpCode: string) =>
      failure(as(s.approver2).decide({ approvalId, approve: true, decisionToken: token, totpCode }));
    for (let i = 0; i < 5; i++) expect((await decide(wrongTotp(secret))).code).toBe("BAD_REQUEST");
    expect((await decide(nextCode(secret))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("takes decisions only with the token the person's own view handed out", async () => {
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 340 });
    const approver = as(s.approver);
    expect((await failure(approver.decide({ approvalId, approve: true }))).code).toBe("FORBIDDEN");
    const samsToken = await tokenFor(s.approver2, approvalId);
    expect((await failure(approver.decide({ approvalId, approve: true, decisionToken: samsToken }))).code).toBe(
      "FORBIDDEN",
    );
    const expired = issueDecisionToken(
      { orgId: s.orgId, approvalId, userId: s.approver.id },
      new Date(Date.now() - 1000),
    );
    expect((await failure(approver.decide({ approvalId, approve: true, decisionToken: expired }))).code).toBe(
      "CONFLICT",
    );
    expect((await approver.get({ approvalId })).status).toBe("pending");
  });
});
