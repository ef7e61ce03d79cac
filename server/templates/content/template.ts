import { defineTemplate } from "../template-registry";
import { contentPolicy } from "./policy";
import { CONTENT_PROMPTS } from "./prompts";
import { contentSampleData, contentSampleItems, contentSetupRecords } from "./sample-data";
import { ZContentSettings } from "./settings";

export const contentDistributionTemplate = defineTemplate({
  key: "content_distribution",
  name: "Content distribution",
  description:
    "Turns each published article into a variant per channel within its length limit and a few quote pulls, schedules them at each channel's best hours from past performance, sends brand-sensitive posts and first posts on a channel for approval, and tracks replies and mentions.",
  intakeKinds: ["article", "mention"],
  settings: ZContentSettings,
  policy: contentPolicy,
  prompts: CONTENT_PROMPTS,
  setupRecords: contentSetupRecords,
  sampleData: contentSampleData,
  sampleItems: contentSampleItems,
  minutesPerItem: 25,
});
