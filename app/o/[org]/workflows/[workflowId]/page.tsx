import type { Metadata } from "next";
import { WorkflowDetail } from "@/components/workflows/workflow-detail";

export const metadata: Metadata = { title: "Workflow" };

export default async function WorkflowPage({ params }: PageProps<"/o/[org]/workflows/[workflowId]">) {
  const { workflowId } = await params;
  return <WorkflowDetail workflowId={workflowId} />;
}
