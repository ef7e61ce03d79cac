"use client";

import { redirect, usePathname } from "next/navigation";
import { authHref } from "@/components/lib/callback-url";

/** Layouts don't know the full path; this sends a signed-out visitor to sign in and back here. */
export function SignInRedirect(): never {
  const pathname = usePathname();
  redirect(authHref("/sign-in", pathname));
}
