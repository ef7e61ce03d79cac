"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { errorCode } from "@/components/lib/trpc-errors";
import { TRPCProvider, useTRPCClient } from "@/components/trpc";

const NO_RETRY = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"];

/**
 * Each organisation gets its own query cache. The tRPC client picks the organisation from the
 * URL, not from the query key, so a shared cache would show one organisation's data under
 * another's URL after a client-side navigation. Mounted with `key={slug}`.
 */
export function OrgQueryScope({ children }: { children: ReactNode }) {
  const trpcClient = useTRPCClient();
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 10_000,
            retry: (count, error) => count < 2 && !NO_RETRY.includes(errorCode(error) ?? ""),
          },
        },
      }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
