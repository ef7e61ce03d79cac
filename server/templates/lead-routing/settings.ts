import { z } from "zod";
import { personEmail, personName, ZApprovals, ZThresholds } from "../shared-settings";

const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "two-letter country codes (ISO 3166)");

const ZOwner = z.object({
  name: personName.meta({ title: "Name" }),
  email: personEmail.meta({ title: "Email" }),
});

const ZTerritory = z.object({
  name: z.string().trim().min(1).max(100).meta({ title: "Territory" }),
  countries: z.array(countryCode).max(250).default([]).meta({ title: "Countries", description: "Empty: any country." }),
  minEmployees: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .default(null)
    .meta({ title: "Minimum employees", description: "Empty: any size." }),
  ownerEmail: personEmail.meta({ title: "Owner's email" }),
  priority: z
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(100)
    .meta({ title: "Priority", description: "Lower wins when several territories match." }),
});

/** What the wizard asks for lead routing (WorkflowVersion.settings). */
export const ZLeadRoutingSettings = z
  .object({
    owners: z
      .array(ZOwner)
      .min(1, "at least one sales owner")
      .max(50)
      .default([
        { name: "Sam Rivera", email: "sam.rivera@sales.example" },
        { name: "Priya Shah", email: "priya.shah@sales.example" },
        { name: "Lee Chen", email: "lee.chen@sales.example" },
      ])
      .meta({ title: "Sales owners", description: "People leads are routed to." }),
    territories: z
      .array(ZTerritory)
      .max(50)
      .default([
        { name: "Enterprise", countries: [], minEmployees: 1000, ownerEmail: "priya.shah@sales.example", priority: 10 },
        {
          name: "EMEA",
          countries: ["GB", "IE", "DE", "FR", "NL", "ES", "IT", "SE", "DK", "NO", "PL"],
          minEmployees: null,
          ownerEmail: "sam.rivera@sales.example",
          priority: 50,
        },
        {
          name: "North America",
          countries: ["US", "CA"],
          minEmployees: null,
          ownerEmail: "lee.chen@sales.example",
          priority: 50,
        },
      ])
      .meta({
        title: "Territories",
        description: "The routing table: the matching territory with the lowest priority wins.",
      }),
    fallbackOwnerEmail: personEmail
      .nullable()
      .default(null)
      .meta({ title: "Fallback owner's email", description: "When no territory matches. Empty: the first owner." }),
    thresholds: ZThresholds.prefault({}),
    approvals: ZApprovals.prefault({}),
    welcomeEmail: z.boolean().default(true).meta({ title: "Send a welcome email to new leads" }),
    senderName: z.string().trim().min(1).max(100).default("The sales team").meta({ title: "Welcome email signed by" }),
    followUpDays: z
      .number()
      .int()
      .min(0)
      .max(30)
      .default(2)
      .meta({ title: "Follow-up task due after (days)", description: "Urgent leads: the next day." }),
  })
  .superRefine((s, ctx) => {
    const owners = new Set(s.owners.map((o) => o.email));
    s.territories.forEach((t, i) => {
      if (!owners.has(t.ownerEmail))
        ctx.addIssue({
          code: "custom",
          message: `${t.ownerEmail} is not one of the sales owners.`,
          path: ["territories", i, "ownerEmail"],
        });
    });
    if (s.fallbackOwnerEmail && !owners.has(s.fallbackOwnerEmail))
      ctx.addIssue({
        code: "custom",
        message: "The fallback owner must be a sales owner.",
        path: ["fallbackOwnerEmail"],
      });
  });

export type LeadRoutingSettings = z.output<typeof ZLeadRoutingSettings>;
