"use client";

import Link from "next/link";
import { orgPath, useOrg } from "@/components/shell/org-context";
import { RequirePermission } from "@/components/shell/require-permission";
import { PageHeader } from "@/components/ui/page-header";
import { BudgetSettings } from "./budget-settings";
import { ProviderSettings } from "./provider-settings";

export function AiSettingsView() {
  const org = useOrg();
  return (
    <RequirePermission permission="ai.settings" area="AI settings">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={orgPath(org.slug, "/settings")} className="text-slate-500 hover:text-slate-800">
          ← Settings
        </Link>
      </nav>
      <PageHeader
        title="AI provider and budgets"
        description="The model behind this organisation's AI steps, how personal data is protected, and what it may spend."
      />
      <div className="space-y-6" data-testid="ai-settings">
        <ProviderSettings />
        <BudgetSettings />
      </div>
    </RequirePermission>
  );
}
