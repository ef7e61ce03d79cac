import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { InviteView } from "@/components/invite/invite-view";
import { auth } from "@/server/auth/config";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const session = await auth();
  return (
    <AuthCard title="You're invited to Handrail" subtitle="Join your team's organisation.">
      <InviteView token={token} viewerEmail={session?.user ? (session.user.email ?? "") : null} />
    </AuthCard>
  );
}
