import { withScope } from "../db/tenancy";
import { env } from "../env";
import type { NotificationKind } from "../notifications/notification-kinds";
import { sendNotice, type NoticeTally, type Recipient } from "../notifications/notify-people";
import { refuseApprover } from "./inbox";

/** The path of one request. It only opens the item: deciding is a POST from a signed-in session. */
export const approvalPath = (slug: string, approvalId: string) =>
  `/o/${encodeURIComponent(slug)}/approvals/${encodeURIComponent(approvalId)}`;

/** The deep link mailed to approvers. */
export const approvalLink = (slug: string, approvalId: string) => `${env.APP_URL}${approvalPath(slug, approvalId)}`;

const show = (v: unknown) =>
  v === null || v === undefined ? "(empty)" : typeof v === "string" ? v : JSON.stringify(v);

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The request, its organisation, and who may decide it now and has not yet. */
async function loadAudience(orgId: string, approvalId: string) {
  return withScope({ orgId }, async (tx) => {
    const request = await tx.approvalRequest.findFirstOrThrow({
      where: { id: approvalId, orgId },
      include: {
        decisions: { select: { approverId: true } },
        action: { include: { run: { select: { workflow: { select: { name: true } } } } } },
      },
    });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { slug: true, name: true } });
    const members = await tx.membership.findMany({ where: { orgId }, include: { user: { select: { email: true } } } });
    const decided = new Set(request.decisions.map((d) => d.approverId));
    const recipients: Recipient[] = members
      .filter(
        (m) =>
          !decided.has(m.userId) &&
          refuseApprover(
            {
              orgId,
              userId: m.userId,
              role: m.role,
              approvalDomains: m.approvalDomains,
              approvalLimit: m.approvalLimit === null ? null : Number(m.approvalLimit),
            },
            request,
          ) === null,
      )
      .map((m) => ({ userId: m.userId, email: m.user.email }));
    return { request, org, recipients };
  });
}

type Audience = Awaited<ReturnType<typeof loadAudience>>;

const HEADLINES: Record<NotificationKind, { subject: string; push: string; lead: string }> = {
  approval_assigned: { subject: "Approval needed", push: "Approval needed", lead: "proposes" },
  approval_reminder: {
    subject: "Reminder: approval due soon",
    push: "Reminder: approval due soon",
    lead: "still waits for a decision on",
  },
  approval_escalated: {
    subject: "Escalated to you: approval needed",
    push: "Escalated to you",
    lead: "was not decided in time; it now waits for you to decide",
  },
  approval_expired: {
    subject: "Expired undecided",
    push: "Approval expired",
    lead: "was not decided in time, so nothing was executed:",
  },
};

function compose(kind: NotificationKind, { request, org }: Audience) {
  const a = request.action;
  const workflow = a.run.workflow.name;
  const change = `${a.recordType}.${a.field}: ${show(a.oldValue)} → ${show(a.newValue)}`;
  const h = HEADLINES[kind];
  const link = approvalLink(org.slug, request.id);
  const people = request.requiredApprovals > 1 ? `It needs ${request.requiredApprovals} approvers.\n` : "";
  const due = kind === "approval_expired" ? "" : `Due by ${request.expiresAt.toISOString()}.\n`;
  const text =
    `${workflow} in ${org.name} ${h.lead}:\n\n  ${change}\n\n` +
    `Why: ${a.reason}\nConfidence: ${Math.round(a.confidence * 100)}%  ·  Risk: ${a.risk}\n${people}${due}` +
    `\nOpen it (opening the link does not approve anything): ${link}\n`;
  return {
    mail: { subject: `${h.subject}: ${workflow} wants to change ${a.recordType}.${a.field}`, text },
    push: {
      title: h.push,
      body: clip(`${workflow}: ${change}`, 140),
      url: approvalPath(org.slug, request.id),
      tag: `approval-${request.id}`,
    },
  };
}

const NOTHING: NoticeTally = { sent: 0, failed: 0, skipped: 0 };

async function notify(orgId: string, approvalId: string, kind: NotificationKind, onceKey: (a: Audience) => string) {
  const audience = await loadAudience(orgId, approvalId);
  const pending = audience.request.status === "pending";
  if (kind === "approval_expired" ? audience.request.status !== "expired" : !pending) return NOTHING;
  return sendNotice(
    { orgId, kind, approvalId, onceKey: onceKey(audience), ...compose(kind, audience) },
    audience.recipients,
  );
}

/**
 * Tells every member who may decide a new request, by email and Web Push. Called after the
 * proposal committed (the governed run's own step), so nobody hears of a request that was
 * rolled back; once per person and channel however often the step retries.
 */
export const notifyApprovers = (orgId: string, approvalId: string) =>
  notify(orgId, approvalId, "approval_assigned", () => `approval_assigned:${approvalId}`);

/**
 * Reminds the people who may still decide a pending request that it is about to expire: once
 * per escalation level (the dedupe key), whatever calls it how often. Nothing after a decision.
 */
export const remindApprovers = (orgId: string, approvalId: string) =>
  notify(orgId, approvalId, "approval_reminder", (a) => `approval_reminder:${approvalId}:${a.request.escalationLevel}`);

/** Tells the group a request escalated to (its new allowed roles), once per level. */
export const notifyEscalated = (orgId: string, approvalId: string) =>
  notify(
    orgId,
    approvalId,
    "approval_escalated",
    (a) => `approval_escalated:${approvalId}:${a.request.escalationLevel}`,
  );

/** Tells the last group that the request expired undecided and nothing was executed. */
export const notifyExpired = (orgId: string, approvalId: string) =>
  notify(orgId, approvalId, "approval_expired", () => `approval_expired:${approvalId}`);

/**
 * When to remind: three quarters into the current wait (the policy's timeout hours, which each
 * escalation level restarts), so people hear before the request escalates or expires.
 */
export function reminderDueAt(expiresAt: Date, timeoutHours: number): Date {
  return new Date(expiresAt.getTime() - timeoutHours * 0.25 * 3600_000);
}
