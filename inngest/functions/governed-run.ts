import type { GetStepTools } from "inngest";
import { inngest } from "../client";
import { approvalDecided, orgAutomationPaused, workflowPaused, workflowRunRequested } from "../events";
import { approvalStatus, handleApprovalTimeout } from "@/server/approvals/expire-approval";
import { notifyApprovers } from "@/server/approvals/notify";
import { withScope } from "@/server/db/tenancy";
import { executeAction } from "@/server/governance/execute-action";
import { loadLivePolicy } from "@/server/governance/policy-store";
import { proposeAction, type ProposalOutcome } from "@/server/governance/propose-action";
import { recordStep, setRunStatus, startRun } from "@/server/runs/run-service";
import { holdTrigger } from "@/server/workflows/workflow-service";

/**
 * The generic governed run: propose each action, let the gate decide, wait for people where the
 * policy says, execute through connectors. Every side effect is its own step, so a retry or a
 * restart never repeats one that completed.
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
    const started = await step.run("start-run", async () => {
      const live = await withScope({ orgId }, (tx) => loadLivePolicy(tx, orgId, workflowId));
      if (live.paused) {
        await holdTrigger(orgId, workflowId, { name: event.name, data: event.data });
        return { held: true as const };
      }
      const run = await startRun({
        orgId,
        workflowId,
        versionId: live.versionId,
        triggerEvent: event.name,
        triggerKey: event.data.triggerKey,
        entityKey: event.data.entityKey,
        input: event.data.input,
      });
      return { held: false as const, ...run, timeout: live.policy.approval.timeout };
    });
    if (started.held) return { status: "held" };
    if (!started.created) return { status: "duplicate", runId: started.runId };
    const { runId, timeout } = started;

    const results: string[] = [];
    for (const [index, raw] of event.data.actions.entries()) {
      const proposal = await step.run(`propose-${index}`, async () => {
        const t0 = Date.now();
        try {
          const outcome = await withScope({ orgId }, async (tx) =>
            proposeAction(
              tx,
              { orgId, runId, live: await loadLivePolicy(tx, orgId, workflowId), requesterId: event.data.requesterId },
              raw,
            ),
          );
          await recordStep(orgId, runId, {
            name: `propose-${index}`,
            input: raw,
            output: outcome,
            latencyMs: Date.now() - t0,
          });
          return outcome;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await recordStep(orgId, runId, {
            name: `propose-${index}`,
            input: raw,
            error: message,
            latencyMs: Date.now() - t0,
          });
          return { error: message };
        }
      });
      if ("error" in proposal) {
        results.push("invalid");
        continue;
      }
      const approvalId = proposal.approvalId;
      if (approvalId) await step.run(`notify-${index}`, () => notifyApprovers(orgId, approvalId));
      results.push(await settleAction({ index, orgId, workflowId, runId, proposal, timeout, step }));
    }

    await step.run("finish-run", () => setRunStatus(orgId, runId, "completed", { output: { results } }));
    return { status: "completed", runId, results };
  },
);

/** Step results come back as JSON: dates as strings. */
type Jsonified<T> = { [K in keyof T]: T[K] extends Date | null ? string | null : T[K] };
type Step = GetStepTools<typeof inngest>;

async function settleAction(args: {
  index: number;
  orgId: string;
  workflowId: string;
  runId: string;
  proposal: Jsonified<ProposalOutcome>;
  timeout: Parameters<typeof handleApprovalTimeout>[2];
  step: Step;
}): Promise<string> {
  const { index, orgId, workflowId, runId, proposal, step } = args;
  if (proposal.shadow) {
    return step.run(`shadow-${index}`, () => executeAction(orgId, proposal.actionId, { shadow: true, workflowId }));
  }
  if (proposal.decision === "block") return "blocked";
  if (proposal.approvalId) {
    await step.run(`waiting-${index}`, () => setRunStatus(orgId, runId, "waiting"));
    const outcome = await awaitDecision({ ...args, approvalId: proposal.approvalId, expiresAt: proposal.expiresAt });
    if (outcome !== "approved") return outcome;
    await step.run(`resume-${index}`, () => setRunStatus(orgId, runId, "running"));
  }
  return step.run(`execute-${index}`, () => executeAction(orgId, proposal.actionId, { shadow: false, workflowId }));
}

/** How long the first wait lasts before the run re-reads the request (see awaitDecision). */
const EARLY_WAIT_MS = 10_000;

/**
 * Waits for people. A decision made before the wait was registered sends an event nobody is
 * waiting for yet, so the first wait is short and followed by a re-read of the request; after
 * that the run waits until expiry, escalating through the policy's groups (bounded).
 */
async function awaitDecision(args: {
  index: number;
  orgId: string;
  approvalId: string;
  expiresAt: string | null;
  timeout: Parameters<typeof handleApprovalTimeout>[2];
  step: Step;
}): Promise<string> {
  const { index, orgId, approvalId, step } = args;
  const match = { event: approvalDecided, if: `async.data.approvalId == '${approvalId}'` } as const;
  let expiresAt = new Date(args.expiresAt ?? Date.now());

  const early = await step.waitForEvent(`approval-${index}-early`, {
    ...match,
    timeout: new Date(Math.min(expiresAt.getTime(), Date.now() + EARLY_WAIT_MS)),
  });
  if (early) return early.data.outcome;
  const status = await step.run(`recheck-${index}`, () => approvalStatus(orgId, approvalId));
  if (status !== "pending") return status;

  for (let level = 0; level <= args.timeout.escalation.length; level++) {
    const decided = await step.waitForEvent(`approval-${index}-${level}`, { ...match, timeout: new Date(expiresAt) });
    if (decided) return decided.data.outcome;
    const timedOut = await step.run(`timeout-${index}-${level}`, () =>
      handleApprovalTimeout(orgId, approvalId, args.timeout),
    );
    if (timedOut.kind === "escalated") {
      expiresAt = new Date(timedOut.expiresAt);
      continue;
    }
    return timedOut.kind === "already" ? timedOut.status : "expired";
  }
  return "expired";
}
