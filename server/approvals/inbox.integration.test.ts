import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { withScope } from "../db/tenancy";
import { callerFor } from "../testing/callers";
import { proposeInvoiceStatus, seedInboxOrg, type InboxScenario } from "./testing/seed-approvals";

let s: InboxScenario;
const as = (user: { id: string }) => callerFor(user, s.slug).approval;
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: { code?: string }) => e.code ?? "ERROR",
  );

/** The token my view of the item hands out; every decision carries it. */
const tokenFor = async (user: { id: string }, approvalId: string) =>
  (await as(user).get({ approvalId })).decisionToken ?? "none";
type DecideInput = Parameters<ReturnType<typeof as>["decide"]>[0];
const decide = async (user: { id: string }, input: DecideInput) =>
  as(user).decide({ ...input, decisionToken: input.decisionToken ?? (await tokenFor(user, input.approvalId)) });

beforeAll(async () => {
  s = await seedInboxOrg("Inbox Test");
});

describe("approvals inbox", () => {
  it("lists what I may decide, soonest due first, with reasons, source data and the diff", async () => {
    const first = await proposeInvoiceStatus(s, { amount: 400, vendor: "Paper Co" });
    const second = await proposeInvoiceStatus(s, { amount: 700 });
    await withScope({ orgId: s.orgId }, (tx) =>
      tx.approvalRequest.update({
        where: { id: second.approvalId },
        data: { expiresAt: new Date(Date.now() + 60_000) },
      }),
    );
    const { items, facets } = await as(s.approver).inbox();
    const ids = items.map((i) => i.id);
    expect(ids.indexOf(second.approvalId)).toBeLessThan(ids.indexOf(first.approvalId));
    const item = items.find((i) => i.id === first.approvalId)!;
    expect(item.action).toMatchObject({
      field: "status",
      oldValue: "received",
      newValue: "approved",
      confidence: 0.82,
      risk: "low",
    });
    expect(item.action.decisionReasons.map((r) => r.code)).toContain("amount_approval");
    expect(item.sourceData).toMatchObject({ vendor: "Paper Co", total: 400 });
    expect(item).toMatchObject({
      myRefusal: null,
      batchable: true,
      outcome: "waiting",
      workflow: { id: s.workflowId },
    });
    expect(item.stillCan.map((p) => p.id).sort()).toEqual([s.approver.id, s.approver2.id].sort());
    expect(facets).toMatchObject({ domains: ["finance"], workflows: [{ id: s.workflowId, name: "Invoice approval" }] });
    // The workflow's author may never decide, so the request is not in their inbox.
    expect((await as(s.owner).inbox()).items.map((i) => i.id)).not.toContain(first.approvalId);
  });

  it("returns a page of cards with the total", async () => {
    const page = await as(s.approver).inbox({ limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
  });

  it("filters by risk, domain and workflow", async () => {
    const high = await proposeInvoiceStatus(s, { amount: 300, risk: "high" });
    const highOnly = await as(s.approver).inbox({ risk: "high" });
    expect(highOnly.items.map((i) => i.id)).toContain(high.approvalId);
    expect(highOnly.items.every((i) => i.action.risk === "high")).toBe(true);
    expect((await as(s.approver).inbox({ domain: "sales" })).items).toHaveLength(0);
    expect((await as(s.approver).inbox({ workflowId: "nope" })).items).toHaveLength(0);
  });

  it("mails the eligible approvers a link that only opens the item", async () => {
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 450 });
    const mails = await db.devMail.findMany({ where: { text: { contains: approvalId } } });
    expect(mails.map((m) => m.to).sort()).toEqual([s.approver.email, s.approver2.email].sort());
    expect(mails[0]!.text).toContain(`/o/${s.slug}/approvals/${approvalId}`);
    expect(mails[0]!.text).toContain("received → approved");
    const opened = await as(s.approver).get({ approvalId });
    expect(opened).toMatchObject({ id: approvalId, status: "pending", decisions: [] });
    const row = await withScope({ orgId: s.orgId }, (tx) =>
      tx.approvalRequest.findUniqueOrThrow({ where: { id: approvalId }, include: { decisions: true } }),
    );
    expect(row).toMatchObject({ status: "pending", decisions: [] });
  });

  it("validates an edit, and executes the edited value once approved", async () => {
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 500 });
    expect(await codeOf(decide(s.approver, { approvalId, approve: true, editedValue: 42 }))).toBe("BAD_REQUEST");
    expect(await codeOf(decide(s.approver, { approvalId, approve: true, editedValue: "  " }))).toBe("BAD_REQUEST");
    expect(await codeOf(decide(s.approver, { approvalId, approve: false }))).toBe("BAD_REQUEST");
    const result = await decide(s.approver, { approvalId, approve: true, editedValue: "approved_partial" });
    expect(result).toMatchObject({ outcome: "approved", approvals: 1, required: 1 });
    const item = await as(s.approver).get({ approvalId });
    expect(item).toMatchObject({
      status: "approved",
      action: { finalValue: "approved_partial", status: "approved" },
      outcome: "approved",
    });
    const history = await as(s.approver).history();
    expect(history.find((h) => h.approvalId === approvalId)).toMatchObject({ approve: true, outcome: "approved" });
  });

  it("needs two different people above the two-person amount", async () => {
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 6000 });
    const token = await tokenFor(s.approver, approvalId);
    expect(await decide(s.approver, { approvalId, approve: true, decisionToken: token })).toMatchObject({
      outcome: "pending",
      approvals: 1,
      required: 2,
    });
    const waiting = await as(s.approver).get({ approvalId });
    expect(waiting.decisions.map((d) => d.approver.id)).toEqual([s.approver.id]);
    expect(waiting.stillCan.map((p) => p.id)).toEqual([s.approver2.id]);
    expect(waiting.myRefusal).toMatch(/already decided/);
    // The token is single use: the same person, the same token, a second time is refused.
    expect(waiting.decisionToken).toBeNull();
    expect(await codeOf(decide(s.approver, { approvalId, approve: true, decisionToken: token }))).toBe("CONFLICT");
    expect(await decide(s.approver2, { approvalId, approve: true })).toMatchObject({
      outcome: "approved",
      approvals: 2,
    });
  });

  it("batch-approves low-risk single-approver items and refuses the rest", async () => {
    const a = await proposeInvoiceStatus(s, { amount: 200, notify: false });
    const b = await proposeInvoiceStatus(s, { amount: 250, notify: false });
    const two = await proposeInvoiceStatus(s, { amount: 7000, notify: false });
    const items = await Promise.all(
      [a, b, two].map(async ({ approvalId }) => ({
        approvalId,
        decisionToken: await tokenFor(s.approver2, approvalId),
      })),
    );
    const { results } = await as(s.approver2).batchApprove({ items });
    expect(results.slice(0, 2)).toEqual([
      { approvalId: a.approvalId, ok: true, outcome: "approved", error: null },
      { approvalId: b.approvalId, ok: true, outcome: "approved", error: null },
    ]);
    expect(results[2]).toMatchObject({ approvalId: two.approvalId, ok: false, outcome: null });
    expect(results[2]!.error).toMatch(/two people/);
    expect((await as(s.approver2).get({ approvalId: two.approvalId })).status).toBe("pending");
  });

  it("records a rejection with its reason in my history and the audit log", async () => {
    const { approvalId } = await proposeInvoiceStatus(s, { amount: 350, notify: false });
    await decide(s.approver, { approvalId, approve: false, reason: "Duplicate invoice" });
    const history = await as(s.approver).history();
    expect(history.find((h) => h.approvalId === approvalId)).toMatchObject({
      approve: false,
      reason: "Duplicate invoice",
      outcome: "rejected",
    });
    const audit = await withScope({ orgId: s.orgId }, (tx) =>
      tx.auditEntry.findFirst({ where: { action: "approval.decided", targetId: approvalId } }),
    );
    expect(audit).not.toBeNull();
  });

  it("keeps the inbox to members with approval.read", async () => {
    expect(await codeOf(callerFor(s.approver, "no-such-org").approval.inbox())).toBe("NOT_FOUND");
  });
});
