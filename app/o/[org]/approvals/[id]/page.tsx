import type { Metadata } from "next";
import { ApprovalDetail } from "@/components/approvals/approval-detail";

export const metadata: Metadata = { title: "Approval" };

/** What a notification link opens. Rendering it (or prefetching it) never decides anything. */
export default async function ApprovalPage({ params }: PageProps<"/o/[org]/approvals/[id]">) {
  const { id } = await params;
  return <ApprovalDetail approvalId={id} />;
}
