import { z } from "zod";
import { personEmail, personName, ZApprovals, ZThresholds } from "../shared-settings";

const tag = z.string().trim().toLowerCase().min(1).max(64);

const ZQueue = z.object({
  name: z.string().trim().min(1).max(100).meta({ title: "Queue" }),
  categories: z
    .array(tag)
    .max(20)
    .default([])
    .meta({ title: "Categories", description: "Ticket categories it takes." }),
  skills: z.array(tag).max(20).default([]).meta({ title: "Skills" }),
});

const ZAgent = z.object({
  name: personName.meta({ title: "Name" }),
  email: personEmail.meta({ title: "Email" }),
  queue: z.string().trim().min(1).max(100).meta({ title: "Queue" }),
  skills: z.array(tag).max(20).default([]).meta({ title: "Skills" }),
});

/** What the wizard asks for support triage (WorkflowVersion.settings). */
export const ZSupportTriageSettings = z
  .object({
    queues: z
      .array(ZQueue)
      .min(1, "at least one queue")
      .max(30)
      .default([
        { name: "Billing", categories: ["billing", "refund"], skills: ["billing"] },
        { name: "Technical", categories: ["technical", "account_access"], skills: ["technical", "access"] },
        { name: "General", categories: ["how_to", "feature_request", "other"], skills: ["general", "product"] },
      ])
      .meta({ title: "Queues", description: "Where tickets are routed, by category." }),
    agents: z
      .array(ZAgent)
      .max(200)
      .default([
        { name: "Bianca Ruiz", email: "bianca.ruiz@support.example", queue: "Billing", skills: ["billing"] },
        {
          name: "Tom Okafor",
          email: "tom.okafor@support.example",
          queue: "Technical",
          skills: ["technical", "access"],
        },
        { name: "Mei Tanaka", email: "mei.tanaka@support.example", queue: "General", skills: ["general", "product"] },
      ])
      .meta({ title: "Agents", description: "Who works each queue, with their skills." }),
    thresholds: ZThresholds.prefault({ act: 0.8 }),
    approvals: ZApprovals.prefault({}),
    kbAutoAnswer: z.number().min(0).max(1).default(0.8).meta({
      title: "Auto-answer from the knowledge base at match confidence",
      description: "Only in auto mode; below this, the answer is a suggestion for the agent.",
    }),
    refundApprovalAbove: z
      .number()
      .nonnegative()
      .max(1e9)
      .default(50)
      .meta({ title: "Refunds and credits need approval above" }),
    refundTwoPersonAbove: z
      .number()
      .nonnegative()
      .max(1e9)
      .default(500)
      .meta({ title: "Refunds and credits need two approvers above" }),
    urgentNotify: z
      .array(personEmail)
      .max(20)
      .default([])
      .meta({ title: "Also notify on urgent tickets", description: "Besides the queue's agents." }),
    teamName: z.string().trim().min(1).max(100).default("The support team").meta({ title: "Replies signed by" }),
  })
  .superRefine((s, ctx) => {
    if (s.refundTwoPersonAbove < s.refundApprovalAbove)
      ctx.addIssue({
        code: "custom",
        message: "The two-approver amount must be at least the approval amount.",
        path: ["refundTwoPersonAbove"],
      });
    const queues = new Set(s.queues.map((q) => q.name));
    s.agents.forEach((a, i) => {
      if (!queues.has(a.queue))
        ctx.addIssue({ code: "custom", message: `There is no queue "${a.queue}".`, path: ["agents", i, "queue"] });
    });
  });

export type SupportTriageSettings = z.output<typeof ZSupportTriageSettings>;
