import { beforeAll, describe, expect, it } from "vitest";
import { addMember, createUser } from "../../prisma/factories";
import { db } from "../db/client";
import { withScope } from "../db/tenancy";
import { callerFor } from "../testing/callers";
import { handleApprovalTimeout } from "./expire-approval";
import { reminderDueAt, remindApprovers } from "./notify";
import { proposeInvoiceStatus, seedInboxOrg, type InboxScenario } from "./testing/seed-approvals";

let s: InboxScenario;
let admin: { id: string; email: string };
const TIMEOUT = {
  hours: 4,
  onTimeout: "escalate" as const,
  escalation: [{ roles: ["admin" as const, "owner" as const] }],
};

const mailsAbout = (approvalId: string, subject: string) =>
  db.devMail.findMany({ where: { text: { contains: approvalId }, subject: { startsWith: subject } } });
const logOf = (approvalId: string, kind: string) =>
  withScope({ orgId: s.orgId }, (tx) =>
    tx.notificationLog.findMany({ where: { approvalRequestId: approvalId, kind } }),
  );
const expireNow = (approvalId: string) =>
  withScope({ orgId: s.orgId }, (tx) =>
    tx.approvalRequest.update({ where: { id: approvalId }, data: { expiresAt: new Date(Date.now() - 1000) } }),
  );

beforeAll(async () => {
  s = await seedInboxOrg("Reminder Test");
  admin = await createUser({ email: `admin-${s.slug}@example.test`, name: "Ada Admin" });
  await addMember({ orgId: s.orgId, user: admin, role: "admin" });
});

describe("reminders, escalation and expiry notices", () => {
  it("reminds three quarters into the wait", () => {
    const expiresAt = new Date("2026-11-22T12:00:00Z");
    expect(reminderDueAt(expiresAt, 4).toISOString()).toBe("2026-11-22T11:00:00.000Z");
    expect(reminderDueAt(expiresAt, 24).toISOString()).toBe("2026-11-22T06:00:00.000Z");
  });

  it("reminds the people who may still decide, once however often it is called", async () => {
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 6000, notify: false });
    const token = (await callerFor(s.approver, s.slug).approval.get({ approvalId })).decisionToken!;
    await callerFor(s.approver, s.slug).approval.decide({ approvalId, approve: true, decisionToken: token });

    expect(await remindApprovers(s.orgId, approvalId)).toMatchObject({ sent: 2 });
    expect(await remindApprovers(s.orgId, approvalId)).toEqual({ sent: 0, failed: 0, skipped: 0 });
    const reminders = await mailsAbout(approvalId, "Reminder: approval due soon");
    // Avery already approved; Sam and the admin, who still can, hear about it.
    expect(reminders.map((m) => m.to).sort()).toEqual([s.approver2.email, admin.email].sort());
    expect(reminders[0]!.text).toContain(`/o/${s.slug}/approvals/${approvalId}`);
    expect(await logOf(approvalId, "approval_reminder")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: s.approver2.id, channel: "email", status: "sent" }),
        expect.objectContaining({ userId: s.approver2.id, channel: "push", status: "skipped" }),
      ]),
    );
  });

  it("reminds nobody once the request is decided", async () => {
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 300, notify: false });
    const token = (await callerFor(s.approver, s.slug).approval.get({ approvalId })).decisionToken!;
    await callerFor(s.approver, s.slug).approval.decide({
      approvalId,
      approve: false,
      reason: "Duplicate",
      decisionToken: token,
    });
    expect(await remindApprovers(s.orgId, approvalId)).toEqual({ sent: 0, failed: 0, skipped: 0 });
  });

  it("tells the escalated group once, then everyone who could that it expired", async () => {
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 300, notify: false });
    const escalated = await handleApprovalTimeout(s.orgId, approvalId, TIMEOUT, 0);
    expect(escalated.kind).toBe("escalated");
    // A retried timeout step (the same level) changes nothing and sends nothing again.
    expect(await handleApprovalTimeout(s.orgId, approvalId, TIMEOUT, 0)).toEqual(escalated);
    const request = await withScope({ orgId: s.orgId }, (tx) =>
      tx.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } }),
    );
    expect(request).toMatchObject({ escalationLevel: 1, allowedRoles: ["admin", "owner"] });
    // The owner wrote the workflow, so only the admin may decide now.
    expect((await mailsAbout(approvalId, "Escalated to you")).map((m) => m.to)).toEqual([admin.email]);

    // A reminder at the new level goes to the new group.
    await remindApprovers(s.orgId, approvalId);
    expect((await mailsAbout(approvalId, "Reminder")).map((m) => m.to)).toEqual([admin.email]);

    await expireNow(approvalId);
    expect(await handleApprovalTimeout(s.orgId, approvalId, TIMEOUT, 1)).toEqual({ kind: "expired" });
    expect(await handleApprovalTimeout(s.orgId, approvalId, TIMEOUT, 1)).toEqual({ kind: "expired" });
    const expired = await mailsAbout(approvalId, "Expired undecided");
    expect(expired.map((m) => m.to)).toEqual([admin.email]);
    expect(expired[0]!.text).toContain("nothing was executed");
    const kinds = (
      await withScope({ orgId: s.orgId }, (tx) =>
        tx.notificationLog.findMany({ where: { approvalRequestId: approvalId, channel: "email" } }),
      )
    ).map((l) => l.kind);
    expect(kinds.sort()).toEqual(["approval_escalated", "approval_expired", "approval_reminder"]);
  });
});
