import type { Metadata } from "next";
import { OnboardingWizard } from "@/components/onboarding-wizard/onboarding-wizard";

export const metadata: Metadata = { title: "New workflow" };

/** The onboarding wizard: template → settings → sample data → a first shadow run. */
export default function NewWorkflowPage() {
  return <OnboardingWizard />;
}
