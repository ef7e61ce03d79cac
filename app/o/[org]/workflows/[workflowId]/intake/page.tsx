import type { Metadata } from "next";
import { IntakeView } from "@/components/intake/intake-view";

export const metadata: Metadata = { title: "Intake" };

export default async function IntakePage({ params }: PageProps<"/o/[org]/workflows/[workflowId]/intake">) {
  const { workflowId } = await params;
  return <IntakeView workflowId={workflowId} />;
}
