import { randomUUID } from "node:crypto";
import { runAiStep } from "@/server/ai/run-ai-step";
import { withScope } from "@/server/db/tenancy";
import { ZInvoicePayload } from "@/server/intake/intake-payloads";
import { recordStep } from "@/server/runs/run-service";
import { pinnedVersion, RULES_MODEL } from "../run-steps";
import { loadApRecords, loadVendorInvoices } from "./ap-records";
import { readLinesAndTerms } from "./invoice-lines";
import { findVendor } from "./match-invoice";
import { planInvoice, vendorEmailIn, type InvoiceExtraction, type InvoicePlan } from "./plan-invoice";
import { LINES_AND_TERMS_VERSION } from "./prompts";
import { readApInvoiceSettings } from "./settings";

/** The AI reads the header of the invoice; line items sit further down and are read by rules. */
const AI_TEXT_LIMIT = 20_000;

type RunRef = { orgId: string; workflowId: string; runId: string; versionId: string };

async function loadVersion(orgId: string, versionId: string) {
  return withScope({ orgId }, (tx) =>
    tx.workflowVersion.findFirstOrThrow({ where: { id: versionId, orgId }, select: { prompts: true, settings: true } }),
  );
}

const unreadable = (detail: string): InvoiceExtraction => ({
  status: "needs_review",
  detail,
  confidence: 0,
  fields: {
    vendor: null,
    invoice_number: null,
    invoice_date: null,
    due_date: null,
    currency: null,
    total: null,
    po_number: null,
  },
  vendorEmail: null,
  lines: [],
  subtotal: null,
  termsDays: null,
});

/**
 * Reads the intake item's invoice text: header fields through the invoice.extract AI task
 * (recorded as a RunStep with model and prompt version), line items and terms by rules (their
 * own RunStep). Links the intake item to the run.
 */
export async function extractInvoiceStep(ref: RunRef & { intakeItemId: string }): Promise<InvoiceExtraction> {
  const { orgId, runId, intakeItemId } = ref;
  const item = await withScope({ orgId }, async (tx) => {
    const row = await tx.intakeItem.findFirst({ where: { id: intakeItemId, orgId, workflowId: ref.workflowId } });
    if (row && !row.runId) await tx.intakeItem.update({ where: { id: row.id }, data: { runId } });
    return row;
  });
  const payload = ZInvoicePayload.safeParse(item?.payload);
  if (!payload.success) return unreadable("The intake item is missing or is not an invoice.");
  const text = payload.data.text;
  const version = await loadVersion(orgId, ref.versionId);

  const ai = await runAiStep({
    orgId,
    runId,
    workflowId: ref.workflowId,
    prompts: version.prompts,
    step: "extract-invoice",
    request: { kind: "extract", task: "invoice.extract", text: text.slice(0, AI_TEXT_LIMIT) },
  });
  const t0 = Date.now();
  const linesAndTerms = readLinesAndTerms(text);
  await recordStep(orgId, runId, {
    name: "read-lines-and-terms",
    input: { intakeItemId, characters: text.length },
    output: linesAndTerms,
    model: RULES_MODEL,
    promptVersion: pinnedVersion(version.prompts, "ap-invoice.lines-terms", LINES_AND_TERMS_VERSION),
    latencyMs: Date.now() - t0,
  });
  if (ai.status !== "ok" || !("fields" in ai.output)) {
    return { ...unreadable(ai.status === "ok" ? "The extraction returned no fields." : ai.detail), ...linesAndTerms };
  }
  const fields = ai.output.fields as InvoiceExtraction["fields"];
  return {
    status: "ok",
    detail: null,
    confidence: ai.confidence,
    fields,
    vendorEmail: vendorEmailIn(text),
    ...linesAndTerms,
  };
}

/**
 * Finds the vendor, matches the purchase order, looks for duplicates and plans the actions
 * (recorded as the run's "match-invoice" step). Record ids are generated here, once.
 */
export async function matchInvoiceStep(ref: RunRef & { extraction: InvoiceExtraction }): Promise<InvoicePlan> {
  const { orgId, runId, extraction } = ref;
  const t0 = Date.now();
  const version = await loadVersion(orgId, ref.versionId);
  const settings = readApInvoiceSettings(version.settings);
  const records = await withScope({ orgId }, async (tx) => {
    const loaded = await loadApRecords(tx, orgId);
    const vendor = extraction.fields.vendor ? findVendor(extraction.fields.vendor, loaded.vendors) : null;
    return { ...loaded, invoices: vendor ? await loadVendorInvoices(tx, orgId, vendor.id) : [] };
  });
  const plan = planInvoice({
    extraction,
    records,
    settings,
    ids: { vendorId: randomUUID(), invoiceId: randomUUID(), paymentId: randomUUID() },
    today: new Date().toISOString().slice(0, 10),
  });
  await recordStep(orgId, runId, {
    name: "match-invoice",
    input: { fields: extraction.fields, lines: extraction.lines.length, termsDays: extraction.termsDays },
    output:
      plan.outcome === "planned"
        ? {
            vendor: plan.vendor,
            matchStatus: plan.matchStatus,
            discrepancies: plan.discrepancies,
            flags: plan.flags,
            duplicate: plan.duplicate,
          }
        : plan,
    latencyMs: Date.now() - t0,
  });
  return plan;
}
