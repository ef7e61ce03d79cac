"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorCode, errorMessage } from "@/components/lib/trpc-errors";
import { RequirePermission } from "@/components/shell/require-permission";
import { orgPath, useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { buttonClasses } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { can } from "@/server/auth/permissions";
import { ApiKeysCard } from "./api-keys-card";
import { EndpointCard } from "./endpoint-card";
import { InvoiceCard } from "./invoice-card";
import { LeadFormCard } from "./lead-form-card";
import { RecentItemsCard } from "./recent-items-card";
import { SAMPLE_PAYLOADS } from "./samples";

function IntakeSections({ workflowId }: { workflowId: string }) {
  const org = useOrg();
  const trpc = useTRPC();
  const setup = useQuery(trpc.intake.setup.queryOptions({ workflowId }));
  const back = (
    <Link
      href={orgPath(org.slug, `/workflows/${encodeURIComponent(workflowId)}`)}
      className={buttonClasses("secondary")}
    >
      Back to the workflow
    </Link>
  );

  if (setup.isPending) return <LoadingBlock label="Loading intake…" testId="intake-loading" />;
  if (setup.isError) {
    return (
      <ErrorState
        title={errorCode(setup.error) === "NOT_FOUND" ? "Workflow not found" : "Intake could not be loaded"}
        message={errorMessage(setup.error)}
        action={back}
        data-testid="intake-error"
      />
    );
  }
  const { workflow, kinds, endpoint, appUrl } = setup.data;
  const canManage = can(org.role, "intake.manage");
  if (kinds.length === 0) {
    return (
      <ErrorState
        title="This workflow takes no intake"
        message="Only template workflows (lead routing, support triage, AP invoice matching, content distribution) receive items."
        action={back}
        data-testid="intake-unsupported"
      />
    );
  }
  return (
    <>
      <PageHeader
        title={`Intake · ${workflow.name}`}
        description={`How ${kinds.join(" and ")} items reach this workflow.${workflow.pausedAt ? " The workflow is paused: items are stored and their runs wait until it resumes." : ""}`}
        actions={back}
      />
      <div className="space-y-6" data-testid="intake-view">
        {kinds.includes("invoice") && can(org.role, "record.write") ? <InvoiceCard workflowId={workflow.id} /> : null}
        {can(org.role, "record.read") ? <RecentItemsCard workflowId={workflow.id} canManage={canManage} /> : null}
        <EndpointCard setup={setup.data} canManage={canManage} />
        {canManage ? (
          <ApiKeysCard
            workflowId={workflow.id}
            appUrl={appUrl}
            sample={JSON.stringify(SAMPLE_PAYLOADS[kinds[0] ?? "lead"])}
          />
        ) : null}
        {kinds.includes("lead") ? <LeadFormCard appUrl={appUrl} formKey={endpoint?.formKey ?? null} /> : null}
      </div>
    </>
  );
}

/** A workflow's intake: channels, secrets and keys, invoice upload, and what arrived. */
export function IntakeView({ workflowId }: { workflowId: string }) {
  return (
    <RequirePermission permission="workflow.read" area="Intake">
      <IntakeSections workflowId={workflowId} />
    </RequirePermission>
  );
}
