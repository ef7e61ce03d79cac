import { defineTemplate } from "../template-registry";
import { supportTriagePolicy } from "./policy";
import { SUPPORT_TRIAGE_PROMPTS } from "./prompts";
import { supportTriageSampleData, supportTriageSampleItems, supportTriageSetupRecords } from "./sample-data";
import { ZSupportTriageSettings } from "./settings";

export const supportTriageTemplate = defineTemplate({
  key: "support_triage",
  name: "Support triage",
  description:
    "Classifies each ticket (category, urgency, sentiment, skill), routes it to a queue and agent, answers routine questions from the knowledge base in auto mode, alerts people on urgent tickets and sends refunds above a threshold for approval.",
  intakeKinds: ["ticket"],
  settings: ZSupportTriageSettings,
  policy: supportTriagePolicy,
  prompts: SUPPORT_TRIAGE_PROMPTS,
  setupRecords: supportTriageSetupRecords,
  sampleData: supportTriageSampleData,
  sampleItems: supportTriageSampleItems,
  minutesPerItem: 6,
});
