"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { authHref } from "@/components/lib/callback-url";
import { errorCode, errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorState } from "@/components/ui/error-state";
import { Logo } from "@/components/ui/logo";
import { LoadingBlock } from "@/components/ui/spinner";
import { OrgContext, orgPath } from "./org-context";
import { OrgNav } from "./org-nav";
import { OrgSwitcher } from "./org-switcher";
import { UserMenu } from "./user-menu";

export function OrgShell({ slug, children }: { slug: string; children: ReactNode }) {
  const trpc = useTRPC();
  const current = useQuery(trpc.org.current.queryOptions());
  const [navOpen, setNavOpen] = useState(false);
  const org = current.data;

  return (
    <div className="flex min-h-full flex-col">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-1 px-3 sm:gap-2 sm:px-4">
          {org ? (
            <button
              type="button"
              className="inline-flex size-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 md:hidden"
              aria-label={navOpen ? "Close navigation" : "Open navigation"}
              aria-expanded={navOpen}
              aria-controls="org-nav"
              onClick={() => setNavOpen(!navOpen)}
              data-testid="nav-toggle"
            >
              <svg viewBox="0 0 20 20" className="size-5" aria-hidden>
                <path
                  d={navOpen ? "M5 5l10 10M15 5L5 15" : "M3 6h14M3 10h14M3 14h14"}
                  stroke="currentColor"
                  strokeWidth="1.6"
                  strokeLinecap="round"
                />
              </svg>
            </button>
          ) : null}
          <Logo compact href={orgPath(slug)} />
          <span aria-hidden className="text-slate-300">
            /
          </span>
          <OrgSwitcher slug={slug} name={org?.name} />
          <div className="ml-auto">
            <UserMenu />
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col md:flex-row">
        {org ? (
          <nav
            id="org-nav"
            aria-label="Organisation"
            className={cn(
              "border-b border-slate-200 bg-white px-3 py-3 md:block md:w-56 md:shrink-0 md:border-r md:border-b-0 md:bg-transparent md:py-6",
              navOpen ? "block" : "hidden",
            )}
            data-testid="org-nav"
          >
            <OrgNav slug={slug} role={org.role} onNavigate={() => setNavOpen(false)} />
          </nav>
        ) : null}
        <main className="min-w-0 flex-1 px-4 py-6 sm:px-6 md:py-8">
          {current.isPending ? (
            <LoadingBlock label="Loading organisation…" />
          ) : current.isError ? (
            <ShellError error={current.error} slug={slug} onRetry={() => void current.refetch()} />
          ) : (
            <OrgContext.Provider value={current.data}>
              {current.data.twoFactorBlocked ? (
                <Alert
                  tone="warning"
                  className="mb-6"
                  title="Two-factor authentication required"
                  data-testid="two-factor-banner"
                >
                  {current.data.name} requires two-factor authentication for your role. Until you turn it on, most
                  actions are blocked.{" "}
                  <Link href="/account/security" className="font-medium underline">
                    Set it up under Account security
                  </Link>
                </Alert>
              ) : null}
              {children}
            </OrgContext.Provider>
          )}
        </main>
      </div>
    </div>
  );
}

function ShellError({ error, slug, onRetry }: { error: unknown; slug: string; onRetry: () => void }) {
  const code = errorCode(error);
  if (code === "NOT_FOUND") {
    return (
      <ErrorState
        title="Organisation not found"
        message={`There is no organisation “${slug}”, or you are not a member of it.`}
        action={
          <Link href="/" className={buttonClasses("secondary")}>
            Go to your organisations
          </Link>
        }
        data-testid="org-not-found"
      />
    );
  }
  if (code === "UNAUTHORIZED") {
    return (
      <ErrorState
        title="Your session has ended"
        message="Please sign in again."
        action={
          <Link href={authHref("/sign-in", orgPath(slug))} className={buttonClasses("primary")}>
            Sign in
          </Link>
        }
      />
    );
  }
  return (
    <ErrorState
      title="We could not load this organisation"
      message={errorMessage(error)}
      action={
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      }
    />
  );
}
