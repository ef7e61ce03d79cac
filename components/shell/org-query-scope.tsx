"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { makeQueryClient, TRPCProvider, useTRPCClient } from "@/components/trpc";

/**
 * Each organisation gets its own query cache. The tRPC client picks the organisation from the
 * URL, not from the query key, so a shared cache would show one organisation's data under
 * another's URL after a client-side navigation. Mounted with `key={slug}`.
 */
export function OrgQueryScope({ children }: { children: ReactNode }) {
  const trpcClient = useTRPCClient();
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
