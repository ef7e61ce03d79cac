"use client";

import { AuthCard } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <AuthCard title="Something went wrong" subtitle="An unexpected error stopped this page. Please try again.">
      <Button className="w-full" onClick={reset} data-testid="page-error-retry">
        Try again
      </Button>
    </AuthCard>
  );
}
