import type { GetStepTools } from "inngest";
import type { inngest } from "../client";
import { approvalDecided, orgAutomationPaused, workflowPaused } from "../events";
import { approvalStatus, handleApprovalTimeout } from "@/server/approvals/expire-approval";
import { notifyApprovers, reminderDueAt, remindApprovers } from "@/server/approvals/notify";
import { withScope } from "@/server/db/tenancy";
import { executeAction } from "@/server/governance/execute-action";
import { loadLivePolicy } from "@/server/governance/policy-store";
import { proposeAction, type ProposalOutcome } from "@/server/governance/propose-action";
import { recordStep, setRunStatus, startRun } from "@/server/runs/run-service";
import { holdTrigger } from "@/server/workflows/workflow-service";

/**
 * The governance runtime every workflow function shares: start (or hold, or de-duplicate) a run,
 * then propose actions, let the gate decide, wait for people where the policy says and execute
 * through connectors. Every side effect is its own step, so a retry or a restart never repeats
 * one that completed.
 */

export type Step = GetStepTools<typeof inngest>;
export type ApprovalTimeout = Parameters<typeof handleApprovalTimeout>[2];

type RunTrigger = {
  orgId: string;
  workflowId: string;
  eventName: string;
  eventData: Record<string, unknown>;
  triggerKey: string;
  entityKey: string | null;
  input: Record<string, unknown>;
};

export type StartedRun =
  | { status: "held" }
  | { status: "duplicate"; runId: string }
  | { status: "started"; runId: string; versionId: string; timeout: ApprovalTimeout };

/** Starts the run for a trigger; a paused workflow holds the trigger, a repeated one starts nothing. */
export async function beginGovernedRun(step: Step, trigger: RunTrigger): Promise<StartedRun> {
  const { orgId, workflowId } = trigger;
  const started = await step.run("start-run", async () => {
    const live = await withScope({ orgId }, (tx) => loadLivePolicy(tx, orgId, workflowId));
    if (live.paused) {
      await holdTrigger(orgId, workflowId, { name: trigger.eventName, data: trigger.eventData });
      return { held: true as const };
    }
    const run = await startRun({
      orgId,
      workflowId,
      versionId: live.versionId,
      triggerEvent: trigger.eventName,
      triggerKey: trigger.triggerKey,
      entityKey: trigger.entityKey,
      input: trigger.input,
    });
    return { held: false as const, ...run, versionId: live.versionId, timeout: live.policy.approval.timeout };
  });
  if (started.held) return { status: "held" };
  if (!started.created) return { status: "duplicate", runId: started.runId };
  return { status: "started", runId: started.runId, versionId: started.versionId, timeout: started.timeout };
}

/**
 * Flow control every governed workflow function shares: concurrency per organisation and the kill
 * switch (pausing a workflow or the organisation cancels its runs). Fresh per function: the
 * options' arrays are mutable.
 */
export const governedFlowControl = () => ({
  concurrency: [{ key: "event.data.orgId", limit: 10 }] as [{ key: string; limit: number }],
  cancelOn: [
    { event: workflowPaused, if: "async.data.workflowId == event.data.workflowId" },
    { event: orgAutomationPaused, if: "async.data.orgId == event.data.orgId" },
  ],
  retries: 4 as const,
});

type IntakeTrigger = {
  name: string;
  data: { orgId: string; workflowId: string; intakeItemId: string; triggerKey: string; requesterId: string | null };
};

/** Starts the run of a template function triggered by an intake item (one run per source id). */
export function beginIntakeRun(step: Step, event: IntakeTrigger): Promise<StartedRun> {
  const { orgId, workflowId, intakeItemId, triggerKey } = event.data;
  return beginGovernedRun(step, {
    orgId,
    workflowId,
    eventName: event.name,
    eventData: event.data,
    triggerKey,
    entityKey: intakeItemId,
    input: { intakeItemId },
  });
}

type GovernArgs = {
  step: Step;
  orgId: string;
  workflowId: string;
  runId: string;
  requesterId: string | null;
  timeout: ApprovalTimeout;
  /** Raw proposals, validated one by one against ZProposedAction, so one bad action fails alone. */
  actions: readonly Record<string, unknown>[];
  /** Distinguishes step ids when a function governs several batches of actions. */
  prefix?: string;
};

/** What became of each action: executed, shadowed, blocked, rejected, expired, invalid, conflict... */
export async function governActions(args: GovernArgs): Promise<string[]> {
  const { step, orgId, workflowId, runId, requesterId, timeout } = args;
  const results: string[] = [];
  for (const [i, raw] of args.actions.entries()) {
    const index = args.prefix ? `${args.prefix}-${i}` : String(i);
    const proposal = await step.run(`propose-${index}`, () =>
      proposeAndRecord({ orgId, workflowId, runId, requesterId, raw, name: `propose-${index}` }),
    );
    if ("error" in proposal) {
      results.push("invalid");
      continue;
    }
    const approvalId = proposal.approvalId;
    if (approvalId) await step.run(`notify-${index}`, () => notifyApprovers(orgId, approvalId));
    results.push(await settleAction({ index, orgId, workflowId, runId, proposal, timeout, step }));
  }
  return results;
}

async function proposeAndRecord(args: {
  orgId: string;
  workflowId: string;
  runId: string;
  requesterId: string | null;
  raw: Record<string, unknown>;
  name: string;
}): Promise<ProposalOutcome | { error: string }> {
  const { orgId, workflowId, runId, raw, name } = args;
  const t0 = Date.now();
  try {
    const outcome = await withScope({ orgId }, async (tx) =>
      proposeAction(
        tx,
        { orgId, runId, live: await loadLivePolicy(tx, orgId, workflowId), requesterId: args.requesterId },
        raw,
      ),
    );
    await recordStep(orgId, runId, { name, input: raw, output: outcome, latencyMs: Date.now() - t0 });
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordStep(orgId, runId, { name, input: raw, error: message, latencyMs: Date.now() - t0 });
    return { error: message };
  }
}

/** Step results come back as JSON: dates as strings. */
type Jsonified<T> = { [K in keyof T]: T[K] extends Date | null ? string | null : T[K] };

async function settleAction(args: {
  index: string;
  orgId: string;
  workflowId: string;
  runId: string;
  proposal: Jsonified<ProposalOutcome>;
  timeout: ApprovalTimeout;
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
  index: string;
  orgId: string;
  approvalId: string;
  expiresAt: string | null;
  timeout: ApprovalTimeout;
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
    // Three quarters into each wait, remind whoever may still decide (once per level: the
    // reminder's dedupe key), then re-read the request in case it was decided meanwhile.
    const beforeReminder = await step.waitForEvent(`approval-${index}-${level}-remind`, {
      ...match,
      timeout: reminderDueAt(expiresAt, args.timeout.hours),
    });
    if (beforeReminder) return beforeReminder.data.outcome;
    const now = await step.run(`remind-${index}-${level}`, async () => {
      await remindApprovers(orgId, approvalId);
      return approvalStatus(orgId, approvalId);
    });
    if (now !== "pending") return now;
    const decided = await step.waitForEvent(`approval-${index}-${level}`, { ...match, timeout: new Date(expiresAt) });
    if (decided) return decided.data.outcome;
    const timedOut = await step.run(`timeout-${index}-${level}`, () =>
      handleApprovalTimeout(orgId, approvalId, args.timeout, level),
    );
    if (timedOut.kind === "escalated") {
      expiresAt = new Date(timedOut.expiresAt);
      continue;
    }
    return timedOut.kind === "already" ? timedOut.status : "expired";
  }
  return "expired";
}
