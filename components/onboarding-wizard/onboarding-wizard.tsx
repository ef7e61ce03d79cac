"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { errorMessage } from "@/components/lib/trpc-errors";
import { orgPath, useOrg } from "@/components/shell/org-context";
import { RequirePermission } from "@/components/shell/require-permission";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import type { TemplateInfo } from "@/components/workflows/workflow-types";
import type { JsonSchema } from "./json-schema";
import { SetupProgress, type SetupStage } from "./setup-progress";
import { SettingsForm } from "./settings-form";

export function OnboardingWizard() {
  return (
    <RequirePermission permission="workflow.edit" area="creating workflows">
      <Wizard />
    </RequirePermission>
  );
}

function Wizard() {
  const trpc = useTRPC();
  const templates = useQuery(trpc.workflow.templates.queryOptions());
  const [chosen, setChosen] = useState<TemplateInfo | null>(null);

  return (
    <>
      <PageHeader
        title="New workflow from a template"
        description="Choose a template, set it up, and it starts in shadow mode with sample data: it computes what it would do and changes nothing."
      />
      <ol className="mb-4 flex flex-wrap gap-2 text-xs text-slate-600" aria-label="Steps">
        {["Template", "Settings", "Sample data and first run"].map((label, i) => (
          <li
            key={label}
            className={
              (chosen ? i >= 1 : i === 0) && !(chosen && i === 0)
                ? "rounded-full bg-brand-50 px-2.5 py-1 font-medium text-brand-800"
                : "rounded-full bg-slate-100 px-2.5 py-1"
            }
          >
            {i + 1}. {label}
          </li>
        ))}
      </ol>
      {templates.isPending ? (
        <LoadingBlock label="Loading templates…" />
      ) : templates.isError ? (
        <Alert tone="error">{errorMessage(templates.error)}</Alert>
      ) : chosen ? (
        <SetupForm template={chosen} onBack={() => setChosen(null)} />
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" data-testid="template-list">
          {templates.data.map((t) => (
            <li key={t.key}>
              <button
                type="button"
                onClick={() => setChosen(t)}
                className="h-full w-full rounded-lg border border-slate-200 bg-white p-4 text-left shadow-sm hover:border-brand-400"
                data-testid={`template-${t.key}`}
              >
                <span className="block text-base font-semibold text-slate-900">{t.name}</span>
                <span className="mt-1 block text-sm text-slate-600">{t.description}</span>
                <span className="mt-2 block text-xs text-slate-500">
                  Intake: {t.intakeKinds.join(", ")} · about {t.minutesPerItem} minutes per item by hand
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function SetupForm({ template, onBack }: { template: TemplateInfo; onBack: () => void }) {
  const org = useOrg();
  const trpc = useTRPC();
  const [name, setName] = useState(template.name);
  const [settings, setSettings] = useState<Record<string, unknown>>(template.defaultSettings);
  const [step, setStage] = useState<SetupStage>("idle");
  const [workflowId, setWorkflowId] = useState<string | null>(null);
  const [sampleCount, setSampleCount] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const create = useMutation(trpc.workflow.createFromTemplate.mutationOptions());
  const load = useMutation(trpc.workflow.loadSampleData.mutationOptions());
  const send = useMutation(trpc.workflow.sendSampleItem.mutationOptions());
  const detail = useQuery({
    ...trpc.workflow.get.queryOptions({ workflowId: workflowId ?? "" }),
    enabled: step === "waiting" && workflowId !== null,
    refetchInterval: 1000,
  });
  const firstRun = detail.data?.runs.at(-1);
  // The first run counts once it has finished computing (completed, or waiting for people).
  const stage: SetupStage = step === "waiting" && firstRun && firstRun.status !== "running" ? "done" : step;

  async function start() {
    setError(null);
    try {
      setStage("creating");
      const created = workflowId
        ? { workflowId }
        : await create.mutateAsync({ templateKey: template.key, name, settings });
      setWorkflowId(created.workflowId);
      setStage("loading");
      const loaded = await load.mutateAsync({ workflowId: created.workflowId });
      setSampleCount(loaded.created + loaded.existing);
      setStage("sending");
      await send.mutateAsync({ workflowId: created.workflowId, index: 0 });
      setStage("waiting");
    } catch (e) {
      setError(e);
      setStage("failed");
    }
  }

  const busy = stage !== "idle" && stage !== "failed";
  const runHref =
    workflowId && firstRun
      ? orgPath(org.slug, `/workflows/${encodeURIComponent(workflowId)}/runs/${encodeURIComponent(firstRun.id)}`)
      : null;

  return (
    <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
      <Card title={`Set up ${template.name}`} description="Defaults are filled in; change what fits your team.">
        <div className="space-y-5" data-testid="wizard-settings">
          <Field id="workflow-name" label="Workflow name">
            <Input value={name} onChange={(e) => setName(e.target.value)} disabled={busy} data-testid="wizard-name" />
          </Field>
          <fieldset disabled={busy || workflowId !== null} className="space-y-4">
            <SettingsForm schema={template.settingsSchema as JsonSchema} value={settings} onChange={setSettings} />
          </fieldset>
        </div>
      </Card>
      <div className="space-y-4">
        <Card title="Create and try it">
          <p className="text-sm text-slate-600">
            Creates the workflow in <strong>shadow mode</strong>, loads realistic sample data into your records and
            sends a first sample item through intake, so you see a first shadow run.
          </p>
          <SetupProgress stage={stage} sampleCount={sampleCount} />
          {error ? (
            <Alert tone="error" className="mt-3" data-testid="wizard-error">
              {errorMessage(error)}
            </Alert>
          ) : null}
          <div className="mt-4 flex flex-wrap gap-2">
            {stage === "done" && workflowId ? (
              <>
                {runHref ? (
                  <Link href={runHref} className={buttonClasses()} data-testid="wizard-first-run-link">
                    See the first shadow run
                  </Link>
                ) : null}
                <Link
                  href={orgPath(org.slug, `/workflows/${encodeURIComponent(workflowId)}`)}
                  className={buttonClasses("secondary")}
                  data-testid="wizard-workflow-link"
                >
                  Open the workflow
                </Link>
              </>
            ) : (
              <>
                <Button onClick={() => void start()} loading={busy} disabled={busy} data-testid="wizard-create">
                  {stage === "failed" ? "Try again" : "Create in shadow mode"}
                </Button>
                <Button variant="secondary" onClick={onBack} disabled={busy || workflowId !== null}>
                  Other template
                </Button>
              </>
            )}
          </div>
        </Card>
      </div>
    </div>
  );
}
