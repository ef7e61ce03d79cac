import { Spinner } from "@/components/ui/spinner";

export type SetupStage = "idle" | "creating" | "loading" | "sending" | "waiting" | "done" | "failed";

const STEPS: { stage: SetupStage; label: string }[] = [
  { stage: "creating", label: "Create the workflow in shadow mode" },
  { stage: "loading", label: "Load sample data" },
  { stage: "sending", label: "Send a first sample item through intake" },
  { stage: "waiting", label: "First shadow run" },
];
const ORDER: SetupStage[] = ["idle", "creating", "loading", "sending", "waiting", "done"];

/** Which setup steps are done, which one runs, which wait. */
export function SetupProgress({ stage, sampleCount }: { stage: SetupStage; sampleCount: number | null }) {
  const at = ORDER.indexOf(stage);
  return (
    <ol className="mt-3 space-y-2" data-testid="wizard-progress">
      {STEPS.map((step) => {
        const index = ORDER.indexOf(step.stage);
        const state = stage === "failed" ? "waiting" : at > index ? "done" : at === index ? "running" : "waiting";
        return (
          <li
            key={step.stage}
            className="flex items-center gap-2 text-sm"
            data-testid={`wizard-step-${step.stage}`}
            data-state={state}
          >
            <span className="flex size-5 items-center justify-center">
              {state === "done" ? (
                <span className="text-emerald-600" aria-label="done">
                  ✓
                </span>
              ) : state === "running" ? (
                <Spinner label="in progress" />
              ) : (
                <span className="size-2 rounded-full bg-slate-300" aria-hidden />
              )}
            </span>
            <span className={state === "waiting" ? "text-slate-500" : "text-slate-900"}>
              {step.label}
              {step.stage === "loading" && sampleCount !== null && state === "done" ? ` (${sampleCount} records)` : ""}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
