import type { InngestFunction } from "inngest";
import { governedRun } from "./governed-run";
import { leadRouting } from "./lead-routing";
import { supportTriage } from "./support-triage";
import { apInvoiceMatching } from "./ap-invoice-matching";
import { contentDistribution, contentMentionTracking } from "./content-distribution";

/** Every function the app serves at /api/inngest (one per template, plus the generic governed run). */
export const functions: InngestFunction.Any[] = [
  governedRun,
  leadRouting,
  supportTriage,
  apInvoiceMatching,
  contentDistribution,
  contentMentionTracking,
];
