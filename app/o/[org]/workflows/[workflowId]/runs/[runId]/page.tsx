import type { Metadata } from "next";
import { RunDetail } from "@/components/workflows/run-detail";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: PageProps<"/o/[org]/workflows/[workflowId]/runs/[runId]">) {
  const { workflowId, runId } = await params;
  return <RunDetail workflowId={workflowId} runId={runId} />;
}
