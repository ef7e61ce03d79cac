import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type WorkflowOverview = Outputs["workflow"]["overview"];
export type WorkflowDetail = Outputs["workflow"]["get"];
export type WorkflowRun = WorkflowDetail["runs"][number];
export type RunAction = WorkflowRun["actions"][number];
export type RunDetail = Outputs["workflow"]["run"];
export type TemplateInfo = Outputs["workflow"]["templates"][number];
