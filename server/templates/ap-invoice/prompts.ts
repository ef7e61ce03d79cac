import type { WorkflowPrompts } from "@/server/ai/prompt-versions";

/** The rule-based reader of line items and payment terms, versioned like a prompt. */
export const LINES_AND_TERMS_VERSION = "ap-invoice.lines-terms@1";

/** The prompts an AP invoice matching version pins (WorkflowVersion.prompts). */
export const AP_INVOICE_PROMPTS: WorkflowPrompts = {
  "invoice.extract": {
    version: "ap-invoice.extract@1",
    instructions:
      "Extract the supplier invoice's fields. Dates as ISO YYYY-MM-DD, currency as an ISO 4217 code, total as the amount due (a number), po_number as the buyer's purchase order number; null when absent.",
  },
  "ap-invoice.lines-terms": { version: LINES_AND_TERMS_VERSION },
};
