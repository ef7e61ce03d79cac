import { defineTemplate } from "../template-registry";
import { apInvoicePolicy } from "./policy";
import { AP_INVOICE_PROMPTS } from "./prompts";
import { apInvoiceSampleData, apInvoiceSampleItems } from "./sample-data";
import { ZApInvoiceSettings } from "./settings";

export const apInvoiceTemplate = defineTemplate({
  key: "ap_invoice_matching",
  name: "AP invoice matching",
  description:
    "Reads each invoice (vendor, number, dates, lines, totals, terms), matches it to its purchase order within a tolerance, catches duplicates and new vendors, creates the bill for approvers by amount, schedules the payment per the vendor's terms and asks a person to release it.",
  intakeKinds: ["invoice"],
  settings: ZApInvoiceSettings,
  policy: apInvoicePolicy,
  prompts: AP_INVOICE_PROMPTS,
  sampleData: apInvoiceSampleData,
  sampleItems: apInvoiceSampleItems,
  minutesPerItem: 9,
});
