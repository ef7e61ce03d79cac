"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { can, ROLE_LABELS, type Permission } from "@/server/auth/permissions";
import { orgPath, useOrg } from "./org-context";

/** Renders `children` only when the role has `permission`; the server checks again on every call. */
export function RequirePermission({
  permission,
  area,
  children,
}: {
  permission: Permission;
  area: string;
  children: ReactNode;
}) {
  const org = useOrg();
  if (can(org.role, permission)) return <>{children}</>;
  return <Forbidden area={area} />;
}

export function Forbidden({ area, message }: { area: string; message?: string }) {
  const org = useOrg();
  return (
    <ErrorState
      title={`You don't have access to ${area}`}
      message={
        message ?? `Your role (${ROLE_LABELS[org.role]}) does not include this. Ask an owner or admin if you need it.`
      }
      action={
        <Link href={orgPath(org.slug)} className={buttonClasses("secondary")}>
          Back to overview
        </Link>
      }
      data-testid="forbidden-state"
    />
  );
}
