"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { Role } from "@/server/auth/permissions";
import { orgPath } from "./org-context";
import { navItemsFor } from "./nav-items";

type OrgNavProps = { slug: string; role: Role; onNavigate?: () => void };

export function OrgNav({ slug, role, onNavigate }: OrgNavProps) {
  const pathname = usePathname();
  return (
    <ul className="space-y-0.5">
      {navItemsFor(role).map((item) => {
        const href = orgPath(slug, item.section);
        const active = item.section === "" ? pathname === href : pathname.startsWith(href);
        return (
          <li key={item.key}>
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-2 text-sm font-medium",
                active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
              )}
              data-testid={`nav-${item.key}`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
