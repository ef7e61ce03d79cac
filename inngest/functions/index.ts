import type { InngestFunction } from "inngest";
import { governedRun } from "./governed-run";
import { apInvoiceMatching } from "./ap-invoice-matching";
import { contentDistribution, contentMentionTracking } from "./content-distribution";

/** Every function the app serves at /api/inngest. */
export const functions: InngestFunction.Any[] = [
  governedRun,
  apInvoiceMatching,
  contentDistribution,
  contentMentionTracking,
];
