import { defineTemplate } from "../template-registry";
import { leadRoutingPolicy } from "./policy";
import { LEAD_ROUTING_PROMPTS } from "./prompts";
import { leadRoutingSampleData, leadRoutingSampleItems, leadRoutingSetupRecords } from "./sample-data";
import { ZLeadRoutingSettings } from "./settings";

export const leadRoutingTemplate = defineTemplate({
  key: "lead_routing",
  name: "Lead routing",
  description:
    "Matches each new lead against the CRM, enriches and scores it, routes it to an owner by territory, drafts the handoff and a welcome email, and creates the follow-up task.",
  intakeKinds: ["lead"],
  settings: ZLeadRoutingSettings,
  policy: leadRoutingPolicy,
  prompts: LEAD_ROUTING_PROMPTS,
  setupRecords: leadRoutingSetupRecords,
  sampleData: leadRoutingSampleData,
  sampleItems: leadRoutingSampleItems,
  minutesPerItem: 12,
});
