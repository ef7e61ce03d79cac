import { withScope } from "../db/tenancy";
import { env } from "../env";
import { sendMail } from "../mail/send-mail";
import { refuseApprover } from "./inbox";

/** The deep link of one request. It only opens the item: deciding is a POST from a signed-in session. */
export const approvalLink = (slug: string, approvalId: string) =>
  `${env.APP_URL}/o/${encodeURIComponent(slug)}/approvals/${encodeURIComponent(approvalId)}`;

const show = (v: unknown) =>
  v === null || v === undefined ? "(empty)" : typeof v === "string" ? v : JSON.stringify(v);

/**
 * Emails every member who may decide a new approval request. Called after the proposal committed
 * (the governed run's own step), so a mail never announces a request that was rolled back.
 * A failed mail is logged and counted, never thrown: the request stands and the inbox shows it.
 */
export async function notifyApprovers(orgId: string, approvalId: string): Promise<{ sent: number; failed: number }> {
  const { request, org, eligible } = await withScope({ orgId }, async (tx) => {
    const request = await tx.approvalRequest.findFirstOrThrow({
      where: { id: approvalId, orgId },
      include: { action: { include: { run: { select: { workflow: { select: { name: true } } } } } } },
    });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { slug: true, name: true } });
    const members = await tx.membership.findMany({ where: { orgId }, include: { user: { select: { email: true } } } });
    const eligible = members.filter(
      (m) =>
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
    );
    return { request, org, eligible };
  });
  if (request.status !== "pending") return { sent: 0, failed: 0 };
  const a = request.action;
  const link = approvalLink(org.slug, approvalId);
  const subject = `Approval needed: ${a.run.workflow.name} wants to change ${a.recordType}.${a.field}`;
  const people = request.requiredApprovals > 1 ? `It needs ${request.requiredApprovals} approvers.\n` : "";
  const text =
    `${a.run.workflow.name} in ${org.name} proposes:\n\n  ${a.recordType}.${a.field}: ${show(a.oldValue)} → ${show(a.newValue)}\n\n` +
    `Why: ${a.reason}\nConfidence: ${Math.round(a.confidence * 100)}%  ·  Risk: ${a.risk}\n${people}` +
    `Due by ${request.expiresAt.toISOString()}.\n\nOpen it (opening the link does not approve anything): ${link}\n`;
  let sent = 0;
  let failed = 0;
  for (const m of eligible) {
    try {
      await sendMail({ to: m.user.email, subject, text });
      sent += 1;
    } catch (error) {
      failed += 1;
      console.error(`[approvals] could not notify an approver of ${approvalId}: ${(error as Error).name}`);
    }
  }
  return { sent, failed };
}
