import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { requireSession } from "@/components/auth/require-session";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { CreateOrgForm } from "@/components/onboarding/create-org-form";

export const metadata: Metadata = { title: "Create an organisation" };

export default async function OnboardingPage() {
  const session = await requireSession("/onboarding");
  return (
    <AuthCard
      title="Create your organisation"
      subtitle="An organisation holds your workflows, approvers and audit log. You will be its owner."
      footer={
        <span className="inline-flex flex-wrap items-center justify-center gap-2">
          Signed in as {session.user?.email ?? "you"}.
          <SignOutButton />
        </span>
      }
    >
      <CreateOrgForm />
    </AuthCard>
  );
}
