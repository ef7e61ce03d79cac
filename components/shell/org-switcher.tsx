"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc";
import { Dropdown, dropdownItemClass } from "@/components/ui/dropdown";
import { Spinner } from "@/components/ui/spinner";
import { ROLE_LABELS } from "@/server/auth/permissions";
import { orgPath } from "./org-context";

export function OrgSwitcher({ slug, name }: { slug: string; name: string | undefined }) {
  const trpc = useTRPC();
  const orgs = useQuery(trpc.org.listMine.queryOptions());
  return (
    <Dropdown
      label={`Switch organisation (current: ${name ?? slug})`}
      trigger={<span className="max-w-[9rem] truncate font-medium sm:max-w-[16rem]">{name ?? "Organisations"}</span>}
      data-testid="org-switcher"
    >
      {(close) => (
        <>
          <p className="px-3 pt-1.5 pb-1 text-xs font-medium tracking-wide text-slate-500 uppercase">
            Your organisations
          </p>
          {orgs.isPending ? (
            <div className="px-3 py-2">
              <Spinner label="Loading organisations" />
            </div>
          ) : orgs.isError ? (
            <p className="px-3 py-2 text-sm text-red-700">Could not load your organisations.</p>
          ) : (
            <ul>
              {orgs.data.map((org) => (
                <li key={org.id}>
                  <Link
                    href={orgPath(org.slug)}
                    onClick={close}
                    aria-current={org.slug === slug ? "page" : undefined}
                    className={`${dropdownItemClass} flex items-center justify-between gap-2`}
                    data-testid="org-switcher-item"
                  >
                    <span className={`truncate ${org.slug === slug ? "font-semibold text-slate-900" : ""}`}>
                      {org.name}
                    </span>
                    <span className="shrink-0 text-xs text-slate-500">{ROLE_LABELS[org.role]}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <div className="mt-1 border-t border-slate-100 pt-1">
            <Link
              href="/onboarding"
              onClick={close}
              className={`${dropdownItemClass} text-brand-700`}
              data-testid="org-switcher-new"
            >
              + New organisation
            </Link>
          </div>
        </>
      )}
    </Dropdown>
  );
}
