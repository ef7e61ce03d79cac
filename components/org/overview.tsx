"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useOrg, orgPath } from "@/components/shell/org-context";
import { navItemsFor } from "@/components/shell/nav-items";
import { useTRPC } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS, ROLE_PERMISSIONS } from "@/server/auth/permissions";
import { describeApprovalScope } from "./approval-scope";
import { PERMISSION_LABELS } from "./permission-labels";

const SECTION_TEXT: Record<string, string> = {
  members: "See who is here, change roles and invite teammates.",
  audit: "Every change, who made it and when, with an integrity check.",
  settings: "Security requirements for this organisation.",
};

export function Overview() {
  const org = useOrg();
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const sections = navItemsFor(org.role).filter((item) => item.key !== "overview");
  const firstName = me.data?.name?.split(" ")[0];

  return (
    <div className="space-y-6">
      <PageHeader
        title={firstName ? `Welcome, ${firstName}` : "Welcome"}
        description={
          <>
            You are in <span className="font-medium text-slate-700">{org.name}</span>.
          </>
        }
      />
      <Card title="Your role">
        <div className="flex flex-wrap items-center gap-3">
          <Badge tone="brand" className="text-sm" data-testid="overview-role">
            {ROLE_LABELS[org.role]}
          </Badge>
          {org.role === "approver" ? (
            <span className="text-sm text-slate-600" data-testid="overview-approval-scope">
              Approval scope: {describeApprovalScope(org.approvalDomains, org.approvalLimit)}
            </span>
          ) : null}
        </div>
      </Card>
      {sections.length > 0 ? (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="overview-sections">
          {sections.map((item) => (
            <li key={item.key}>
              <Link
                href={orgPath(org.slug, item.section)}
                className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500"
              >
                <p className="font-medium text-slate-900">{item.label}</p>
                <p className="mt-1 text-sm text-slate-600">{SECTION_TEXT[item.key]}</p>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <Card
        title="What your role can do"
        description={`Permissions of the ${ROLE_LABELS[org.role]} role in ${org.name}.`}
      >
        <ul className="grid gap-x-6 gap-y-2 text-sm text-slate-700 sm:grid-cols-2" data-testid="overview-permissions">
          {ROLE_PERMISSIONS[org.role].map((permission) => (
            <li key={permission} className="flex gap-2" data-permission={permission}>
              <svg viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden>
                <path d="M4 10.5l4 4 8-9" fill="none" stroke="currentColor" strokeWidth="2" />
              </svg>
              {PERMISSION_LABELS[permission]}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
