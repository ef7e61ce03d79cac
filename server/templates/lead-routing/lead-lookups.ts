import { withScope } from "../../db/tenancy";
import { recordsOf } from "../crm-rows";
import { emailDomain, isFreeMailDomain } from "../free-mail-domains";
import { matchIdentity, type CrmRow, type IdentityMatch } from "./identity";
import type { LeadRoutingSettings } from "./settings";

export type IdentityFacts = {
  identity: IdentityMatch;
  contact: CrmRow | null;
  company: CrmRow | null;
  companyDomain: string | null;
};

/** The identity match, with the contact and company rows it found (read from the CRM). */
export async function findIdentity(orgId: string, email: string): Promise<IdentityFacts> {
  const domain = emailDomain(email);
  const companyDomain = isFreeMailDomain(domain) ? null : domain;
  return withScope({ orgId }, async (tx) => {
    const contactsWithEmail = await recordsOf(tx, orgId, "crm.contact", { field: "email", equals: email });
    const companiesWithDomain = companyDomain
      ? await recordsOf(tx, orgId, "crm.company", { field: "domain", equals: companyDomain })
      : [];
    const identity = matchIdentity({ email, companyDomain, contactsWithEmail, companiesWithDomain });
    const contact = identity.kind === "exact" ? (contactsWithEmail[0] ?? null) : null;
    const companyId =
      identity.kind === "exact" ? identity.companyId : identity.kind === "same_domain" ? identity.companyId : null;
    const company = companyId
      ? ((await tx.businessRecord.findFirst({
          where: { id: companyId, orgId, type: "crm.company" },
          select: { id: true, data: true },
        })) as CrmRow | null)
      : null;
    return { identity, contact, company, companyDomain };
  });
}

/** The routing table (territories) and the fallback owner's record id. */
export async function routingTable(orgId: string, settings: LeadRoutingSettings) {
  return withScope({ orgId }, async (tx) => {
    const territories = await recordsOf(tx, orgId, "crm.territory");
    const fallbackEmail = settings.fallbackOwnerEmail ?? settings.owners[0]?.email ?? null;
    const fallback = fallbackEmail
      ? (await recordsOf(tx, orgId, "crm.owner", { field: "email", equals: fallbackEmail }))[0]
      : undefined;
    return { territories, fallbackOwnerId: fallback?.id ?? null };
  });
}

/** A contact as it is now (after the first batch executed, or not). */
export async function currentContact(orgId: string, contactId: string): Promise<CrmRow | null> {
  return withScope({ orgId }, async (tx) => {
    const row = await tx.businessRecord.findFirst({
      where: { id: contactId, orgId, type: "crm.contact" },
      select: { id: true, data: true },
    });
    return row ? { id: row.id, data: row.data as Record<string, unknown> } : null;
  });
}

export async function ownerName(orgId: string, ownerId: string | null): Promise<string | null> {
  if (!ownerId) return null;
  return withScope({ orgId }, async (tx) => {
    const row = await tx.businessRecord.findFirst({
      where: { id: ownerId, orgId, type: "crm.owner" },
      select: { data: true },
    });
    const name = (row?.data as { name?: unknown } | undefined)?.name;
    return typeof name === "string" ? name : null;
  });
}
