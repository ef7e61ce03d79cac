"use client";

import Link from "next/link";
import { orgPath, useOrg } from "@/components/shell/org-context";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/server/auth/permissions";
import { SETTINGS_SECTIONS } from "./settings-sections";
import { TwoFactorRequirement } from "./security-settings";

/** The settings home: links to each section the role may open, then the owner's security settings. */
export function SettingsHub() {
  const org = useOrg();
  const sections = SETTINGS_SECTIONS.filter((s) => can(org.role, s.permission));
  return (
    <>
      <PageHeader title="Settings" description="How this organisation's automation is governed." />
      <ul className="mb-6 grid gap-3 sm:grid-cols-2" data-testid="settings-sections">
        {sections.map((s) => (
          <li key={s.key}>
            <Link
              href={orgPath(org.slug, s.section)}
              className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-slate-400 focus-visible:outline focus-visible:outline-2"
            >
              <span className="font-medium text-slate-900">{s.label}</span>
              <span className="mt-1 block text-sm text-slate-600">{s.description}</span>
            </Link>
          </li>
        ))}
      </ul>
      {can(org.role, "org.security") ? <TwoFactorRequirement /> : null}
    </>
  );
}
