import { OrgQueryScope } from "@/components/shell/org-query-scope";
import { OrgShell } from "@/components/shell/org-shell";
import { SignInRedirect } from "@/components/shell/sign-in-redirect";
import { auth } from "@/server/auth/config";

export default async function OrgLayout({ children, params }: LayoutProps<"/o/[org]">) {
  const { org } = await params;
  if (!(await auth())?.user) return <SignInRedirect />;
  return (
    <OrgQueryScope key={org}>
      <OrgShell slug={org}>{children}</OrgShell>
    </OrgQueryScope>
  );
}
