import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { authHref, safeCallbackUrl } from "@/components/lib/callback-url";
import { auth } from "@/server/auth/config";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { callbackUrl: raw } = await searchParams;
  const callbackUrl = safeCallbackUrl(raw, "/");
  if ((await auth())?.user) redirect(callbackUrl);
  const signUpHref = authHref("/sign-up", callbackUrl === "/" ? undefined : callbackUrl);
  return (
    <AuthCard title="Sign in to Handrail" subtitle="Welcome back.">
      <SignInForm callbackUrl={callbackUrl} signUpHref={signUpHref} />
    </AuthCard>
  );
}
