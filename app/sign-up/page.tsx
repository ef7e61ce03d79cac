import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { authHref, safeCallbackUrl } from "@/components/lib/callback-url";
import { auth } from "@/server/auth/config";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const { callbackUrl: raw, email } = await searchParams;
  const callbackUrl = safeCallbackUrl(raw, "/onboarding");
  if ((await auth())?.user) redirect(callbackUrl);
  const signInHref = authHref("/sign-in", callbackUrl === "/onboarding" ? undefined : callbackUrl);
  return (
    <AuthCard title="Create your account" subtitle="Set up governed automation for your team in minutes.">
      <SignUpForm
        callbackUrl={callbackUrl}
        signInHref={signInHref}
        initialEmail={typeof email === "string" ? email.slice(0, 254) : ""}
      />
    </AuthCard>
  );
}
