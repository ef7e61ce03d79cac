import type { Metadata } from "next";
import { ApprovalsInbox } from "@/components/approvals/approvals-inbox";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Approvals" };

/**
 * The first page of cards is loaded here, with the same procedure and permission checks the
 * browser's call gets, so a phone shows cards without a second round trip. A failure (signed
 * out, no permission) falls back to the client's own request, which shows the right state.
 */
export default async function ApprovalsPage({ params }: PageProps<"/o/[org]/approvals">) {
  const { org } = await params;
  const initial = await serverCaller(org)
    .then((caller) => caller.approval.inbox())
    .catch(() => undefined);
  return <ApprovalsInbox initial={initial} />;
}
