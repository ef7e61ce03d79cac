import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>["intake"];
export type IntakeSetup = Outputs["setup"];
export type IntakeItemRow = Outputs["items"][number];
export type ApiKeyRow = Outputs["apiKeys"][number];
