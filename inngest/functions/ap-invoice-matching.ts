import { inngest } from "../client";
import { invoiceReceived } from "../events";
import { beginIntakeRun, governActions, governedFlowControl } from "./govern-actions";
import { setRunStatus } from "@/server/runs/run-service";
import { extractInvoiceStep, matchInvoiceStep } from "@/server/templates/ap-invoice/ap-invoice-steps";

/** An action went through (or would have, in shadow mode): the run may build on it. */
const wentThrough = (result: string | undefined) =>
  result === "executed" || result === "shadowed" || result === "already_executed";

/**
 * AP invoice matching: extract the invoice, find the vendor, match the PO, detect duplicates,
 * then propose through the governance gate: a new vendor (reviewed), the bill (approvers by
 * amount tier, exceptions reviewed), the payment scheduled per the vendor's terms and the
 * payment release (always approved by a person). Each step builds on the one before it.
 */
export const apInvoiceMatching = inngest.createFunction(
  {
    id: "ap-invoice-matching",
    triggers: [invoiceReceived],
    ...governedFlowControl(),
  },
  async ({ event, step }) => {
    const { orgId, workflowId, intakeItemId, requesterId } = event.data;
    const started = await beginIntakeRun(step, event);
    if (started.status !== "started") return started;
    const { runId, versionId, timeout } = started;
    const ref = { orgId, workflowId, runId, versionId };

    const extraction = await step.run("extract-invoice", () => extractInvoiceStep({ ...ref, intakeItemId }));
    const plan = await step.run("match-invoice", () => matchInvoiceStep({ ...ref, extraction }));
    const finish = async (output: Record<string, unknown>) => {
      await step.run("finish-run", () => setRunStatus(orgId, runId, "completed", { output }));
      return { status: "completed" as const, runId, ...output };
    };
    if (plan.outcome === "needs_review") return finish({ outcome: "needs_review", reason: plan.reason });

    const govern = async (prefix: string, action: Record<string, unknown>) =>
      (await governActions({ step, orgId, workflowId, runId, requesterId, timeout, actions: [action], prefix }))[0];
    const results: Record<string, string | undefined> = {};
    const summary = { matchStatus: plan.matchStatus, flags: plan.flags, discrepancies: plan.discrepancies };

    if (plan.vendorAction) {
      results.vendor = await govern("vendor", plan.vendorAction);
      if (!wentThrough(results.vendor)) return finish({ outcome: "vendor_not_created", ...summary, results });
    }
    results.bill = await govern("bill", plan.billAction);
    if (!wentThrough(results.bill) || !plan.paymentAction) {
      return finish({ outcome: plan.duplicate ? "duplicate" : "bill_not_created", ...summary, results });
    }
    results.payment = await govern("payment", plan.paymentAction);
    // In shadow mode the payment does not exist, so there is nothing to release.
    if ((results.payment === "executed" || results.payment === "already_executed") && plan.releaseAction) {
      results.release = await govern("release", plan.releaseAction);
    }
    const outcome =
      results.payment === "shadowed"
        ? "shadowed"
        : results.release === "executed"
          ? "released"
          : wentThrough(results.payment)
            ? "scheduled"
            : "payment_not_scheduled";
    return finish({ outcome, ...summary, results });
  },
);
