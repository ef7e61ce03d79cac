"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

export function SignOutButton({ variant = "ghost", className }: { variant?: ButtonVariant; className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      size="sm"
      loading={pending}
      className={className}
      data-testid="sign-out"
      onClick={() => {
        setPending(true);
        // A full reload to /sign-in drops every cached query of this session.
        void signOut({ redirectTo: "/sign-in" });
      }}
    >
      Sign out
    </Button>
  );
}
