import type { IntakePayload } from "../../intake/intake-payloads";
import type { CompanyEnrichment } from "./enrich";
import type { CrmRow, IdentityMatch } from "./identity";
import type { NormalisedSource } from "./normalise-source";
import type { OwnerRoute } from "./territory-routing";
import { URGENT_LEAD_SCORE } from "./urgency";

/** A proposed action as the runtime takes it (ZProposedAction without currentValue). */
export type ActionProposal = Record<string, unknown> & {
  kind: string;
  recordType: string;
  recordId: string;
  field: string;
  newValue: unknown;
  reason: string;
  confidence: number;
};

export type LeadFacts = {
  lead: IntakePayload<"lead">;
  source: NormalisedSource;
  identity: IdentityMatch;
  enrichment: CompanyEnrichment;
  route: OwnerRoute;
  fit: { score: number | null; confidence: number };
  urgency: { score: number; reasons: string[] };
  summary: { text: string | null; confidence: number };
  /** The contact an exact match found. */
  contact: CrmRow | null;
  /** The company the lead belongs to in the CRM (the contact's, or the one with its domain). */
  company: CrmRow | null;
  /** Ids for records this run may create, generated once inside a durable step. */
  newIds: { contact: string; company: string };
};

const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const flagsOf = (row: CrmRow | null) =>
  Array.isArray(row?.data.relationship_flags) ? (row.data.relationship_flags as string[]) : [];
const round = (n: number) => Math.round(n * 100) / 100;

/** Who should own the lead: the account's owner when the company has one, else the routing table's. */
export function plannedOwner(facts: Pick<LeadFacts, "company" | "route">): {
  ownerId: string | null;
  reason: string;
  confidence: number;
  conflict: boolean;
} {
  const accountOwner = str(facts.company?.data.owner);
  if (accountOwner) {
    return {
      ownerId: accountOwner,
      reason: `${str(facts.company?.data.name) ?? "The company"} is already owned: the account's owner takes the lead.`,
      confidence: 0.95,
      conflict: false,
    };
  }
  return {
    ownerId: facts.route.ownerId,
    reason: facts.route.reason,
    confidence: facts.route.confidence,
    conflict: facts.route.conflict,
  };
}

function reviewFlags(facts: LeadFacts, owner: { conflict: boolean }): string[] {
  return [
    ...flagsOf(facts.company),
    ...(facts.identity.kind === "ambiguous" ? ["ambiguous_identity"] : []),
    ...(facts.identity.kind === "same_domain" ? ["domain_match"] : []),
    ...(owner.conflict ? ["territory_conflict"] : []),
  ];
}

/**
 * The first batch: link or create the contact (and company), with scores, summary and owner.
 * Existing values are never overwritten silently: owner changes are routing changes the field
 * contract sends to a person, and identity fields are only filled when empty.
 */
export function planLeadRecords(facts: LeadFacts): { actions: ActionProposal[]; contactId: string } {
  const { lead, identity, enrichment } = facts;
  const owner = plannedOwner(facts);
  const flags = reviewFlags(facts, owner);
  const subjects = [lead.email, ...(enrichment.domain ? [enrichment.domain] : [])];
  const fitConfidence = round(facts.fit.confidence);

  if (identity.kind === "exact" && facts.contact) {
    const contact = facts.contact;
    const id = contact.id;
    const field = (name: string, newValue: unknown, reason: string, confidence: number): ActionProposal => ({
      kind: "field_write",
      recordType: "crm.contact",
      recordId: id,
      field: name,
      newValue,
      reason,
      confidence,
      accountFlags: flags,
      subjects,
    });
    const actions: ActionProposal[] = [];
    const fill: [string, string | null][] = [
      ["first_name", lead.first_name],
      ["last_name", lead.last_name],
      ["title", lead.title],
      ["phone", lead.phone],
    ];
    for (const [name, value] of fill) {
      if (value && !str(contact.data[name]))
        actions.push(
          field(name, value, `${identity.reason} Filling the empty ${name.replace("_", " ")}.`, identity.confidence),
        );
    }
    if (facts.fit.score !== null)
      actions.push(
        field("fit_score", facts.fit.score, `Fit score from the lead's message and company.`, fitConfidence),
      );
    actions.push(
      field(
        "urgency_score",
        facts.urgency.score,
        `Urgency: ${facts.urgency.reasons.join(", ") || "no urgency signals"}.`,
        0.9,
      ),
    );
    if (facts.summary.text)
      actions.push(
        field(
          "handoff_summary",
          facts.summary.text,
          "Handoff summary of the new enquiry.",
          round(facts.summary.confidence),
        ),
      );
    const current = str(contact.data.owner);
    if (owner.ownerId && current !== owner.ownerId) {
      actions.push({
        ...field(
          "owner",
          owner.ownerId,
          current ? `${owner.reason} The contact already has another owner: a person decides.` : `${owner.reason}`,
          owner.confidence,
        ),
        kind: "routing_change",
      });
    }
    return { actions, contactId: id };
  }

  const actions: ActionProposal[] = [];
  let companyId = identity.kind === "same_domain" ? identity.companyId : (str(facts.contact?.data.company_id) ?? null);
  if (!companyId && identity.kind === "new" && enrichment.domain && enrichment.name) {
    companyId = facts.newIds.company;
    actions.push({
      kind: "create_record",
      recordType: "crm.company",
      recordId: companyId,
      field: "*",
      newValue: {
        name: enrichment.name,
        domain: enrichment.domain,
        country: enrichment.country,
        employees: enrichment.employees,
        industry: enrichment.industry,
        territory: facts.route.territoryId,
        owner: owner.ownerId,
      },
      reason: `New company ${enrichment.name} (${enrichment.label}: ${enrichment.notes.join(" ")})`,
      confidence: enrichment.confidence,
      accountFlags: flags,
      subjects,
    });
  }
  const confidence = Math.min(identity.confidence, owner.confidence, identity.kind === "same_domain" ? 0.7 : 1);
  actions.push({
    kind: "create_record",
    recordType: "crm.contact",
    recordId: facts.newIds.contact,
    field: "*",
    newValue: {
      email: lead.email,
      first_name: lead.first_name,
      last_name: lead.last_name,
      title: lead.title,
      phone: lead.phone,
      company_id: identity.kind === "ambiguous" ? null : companyId,
      owner: owner.ownerId,
      source: facts.source.source,
      fit_score: facts.fit.score,
      urgency_score: facts.urgency.score,
      status: "new",
      handoff_summary: facts.summary.text,
    },
    reason: `${identity.reason} Owner: ${owner.reason}`,
    confidence: round(confidence),
    accountFlags: flags,
    subjects,
  });
  return { actions, contactId: facts.newIds.contact };
}

export type FollowUpInput = {
  lead: IntakePayload<"lead">;
  contactId: string;
  ownerId: string | null;
  ownerName: string | null;
  isNewContact: boolean;
  optedOut: boolean;
  urgency: number;
  fit: number | null;
  welcome: { enabled: boolean; subject: string; body: string; confidence: number };
  followUpDays: number;
  today: string;
  ids: { email: string; task: string };
  subjects: string[];
};

/** Why no welcome email goes out, or null when one should. */
export function welcomeSkipReason(
  input: Pick<FollowUpInput, "welcome" | "isNewContact" | "optedOut" | "lead">,
): string | null {
  if (!input.welcome.enabled) return "Welcome emails are turned off in this workflow's settings.";
  if (input.optedOut) return `${input.lead.email} opted out of email (crm.contact opt_out): no welcome email.`;
  if (!input.isNewContact) return `${input.lead.email} is an existing contact: no welcome email.`;
  return null;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The second batch, once the contact exists (or would, in shadow mode): welcome email and follow-up task. */
export function planLeadFollowUps(input: FollowUpInput): { actions: ActionProposal[]; skipped: string | null } {
  const actions: ActionProposal[] = [];
  const skipped = welcomeSkipReason(input);
  if (!skipped) {
    actions.push({
      kind: "outbound_message",
      recordType: "outbound.email",
      recordId: input.ids.email,
      field: "*",
      newValue: {
        to: input.lead.email,
        subject: input.welcome.subject,
        text: input.welcome.body,
        related_type: "crm.contact",
        related_id: input.contactId,
      },
      reason: "Welcome email to a new lead.",
      confidence: round(input.welcome.confidence),
      subjects: input.subjects,
    });
  }
  const urgent = input.urgency >= URGENT_LEAD_SCORE;
  const name = [input.lead.first_name, input.lead.last_name].filter(Boolean).join(" ") || input.lead.email;
  actions.push({
    kind: "create_record",
    recordType: "crm.task",
    recordId: input.ids.task,
    field: "*",
    newValue: {
      title: `Follow up with ${name}${urgent ? " (urgent)" : ""}`,
      due_date: addDays(input.today, urgent ? 1 : input.followUpDays),
      owner: input.ownerId,
      related_type: "crm.contact",
      related_id: input.contactId,
      status: "open",
    },
    reason: `Follow-up for ${input.ownerName ?? "the owner"}: urgency ${input.urgency}${input.fit === null ? "" : `, fit ${input.fit}`}.`,
    confidence: 0.95,
  });
  return { actions, skipped };
}
