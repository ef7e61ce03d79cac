"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useTRPC } from "@/components/trpc";
import { Dropdown, dropdownItemClass } from "@/components/ui/dropdown";

function initials(name: string | null | undefined, email: string | undefined): string {
  const source = name?.trim() || email || "?";
  const parts = source.split(/[\s@.]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (name && parts[1] ? parts[1][0] : "")).toUpperCase();
}

export function UserMenu() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const label = me.data?.name ?? me.data?.email;
  return (
    <Dropdown
      label="Account menu"
      align="right"
      data-testid="user-menu"
      trigger={
        <>
          <span
            aria-hidden
            className="inline-flex size-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700"
          >
            {me.data ? initials(me.data.name, me.data.email) : ""}
          </span>
          <span className="hidden max-w-[10rem] truncate sm:inline">{label}</span>
        </>
      }
    >
      {(close) => (
        <>
          {me.data ? (
            <p className="truncate border-b border-slate-100 px-3 pt-1.5 pb-2 text-xs text-slate-500">
              Signed in as <span className="font-medium text-slate-700">{me.data.email}</span>
            </p>
          ) : null}
          <Link href="/account/security" onClick={close} className={dropdownItemClass} data-testid="user-menu-security">
            Account security
          </Link>
          <button
            type="button"
            className={dropdownItemClass}
            onClick={() => void signOut({ redirectTo: "/sign-in" })}
            data-testid="sign-out"
          >
            Sign out
          </button>
        </>
      )}
    </Dropdown>
  );
}
