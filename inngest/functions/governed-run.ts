import { inngest } from "../client";
import { orgAutomationPaused, workflowPaused, workflowRunRequested } from "../events";
import { beginGovernedRun, governActions } from "./govern-actions";
import { setRunStatus } from "@/server/runs/run-service";

/**
 * The generic governed run: a trigger that carries the actions to propose. Templates compute
 * their actions with AI steps first and then govern them the same way (govern-actions.ts).
 */
export const governedRun = inngest.createFunction(
  {
    id: "governed-run",
    triggers: [workflowRunRequested],
    // Trigger idempotency is the Run table's unique (workflowId, triggerKey), not the engine's
    // 24-hour idempotency key: a trigger held during a pause must start a run when replayed.
    concurrency: [{ key: "event.data.orgId", limit: 10 }],
    rateLimit: { key: "event.data.workflowId + ':' + event.data.entityKey", limit: 60, period: "1m" },
    cancelOn: [
      { event: workflowPaused, if: "async.data.workflowId == event.data.workflowId" },
      { event: orgAutomationPaused, if: "async.data.orgId == event.data.orgId" },
    ],
    retries: 4,
  },
  async ({ event, step }) => {
    const { orgId, workflowId } = event.data;
    const started = await beginGovernedRun(step, {
      orgId,
      workflowId,
      eventName: event.name,
      eventData: event.data,
      triggerKey: event.data.triggerKey,
      entityKey: event.data.entityKey,
      input: event.data.input,
    });
    if (started.status !== "started") return started;
    const { runId, timeout } = started;
    const results = await governActions({
      step,
      orgId,
      workflowId,
      runId,
      requesterId: event.data.requesterId,
      timeout,
      actions: event.data.actions,
    });
    await step.run("finish-run", () => setRunStatus(orgId, runId, "completed", { output: { results } }));
    return { status: "completed", runId, results };
  },
);
