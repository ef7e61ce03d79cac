import type { Metadata } from "next";
import { SecurityPanel } from "@/components/account/security-panel";
import { requireSession } from "@/components/auth/require-session";
import { SimpleShell } from "@/components/shell/simple-shell";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Account security" };

export default async function AccountSecurityPage() {
  await requireSession("/account/security");
  return (
    <SimpleShell>
      <PageHeader title="Account security" description="Two-factor authentication and recovery codes." />
      <SecurityPanel />
    </SimpleShell>
  );
}
