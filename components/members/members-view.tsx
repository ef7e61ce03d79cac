"use client";

import { RequirePermission } from "@/components/shell/require-permission";
import { useOrg } from "@/components/shell/org-context";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/server/auth/permissions";
import { InvitationList } from "./invitation-list";
import { InviteForm } from "./invite-form";
import { MemberList } from "./member-list";

export function MembersView() {
  const org = useOrg();
  return (
    <RequirePermission permission="member.read" area="Members">
      <PageHeader title="Members" description={`People in ${org.name} and what they may do.`} />
      <div className="space-y-6">
        <MemberList />
        {can(org.role, "member.invite") ? <InviteForm /> : null}
        <InvitationList />
      </div>
    </RequirePermission>
  );
}
