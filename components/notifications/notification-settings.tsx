"use client";

import { RequirePermission } from "@/components/shell/require-permission";
import { useOrg } from "@/components/shell/org-context";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/server/auth/permissions";
import { NotificationLog } from "./notification-log";
import { PushToggle } from "./push-toggle";

/** /o/<org>/settings/notifications: push on this device, and (with audit.read) the log. */
export function NotificationSettings() {
  const org = useOrg();
  return (
    <RequirePermission permission="approval.read" area="notification settings">
      <PageHeader
        title="Notifications"
        description="Approvals reach you by email, and by push on the devices you turn it on for."
      />
      <div className="space-y-4">
        <Card title="This device">
          <PushToggle />
        </Card>
        {can(org.role, "audit.read") ? (
          <Card title="Notification log" description="Every email and push attempt: sent, failed or skipped.">
            <NotificationLog />
          </Card>
        ) : null}
      </div>
    </RequirePermission>
  );
}
