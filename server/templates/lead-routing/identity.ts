/**
 * Identity and duplicate match: is the lead someone the CRM knows? An exact email links the
 * existing contact; the same company domain suggests linking to that company (lower confidence);
 * several candidates are ambiguous and go to a person.
 */
export type CrmRow = { id: string; data: Record<string, unknown> };

export type IdentityMatch =
  | { kind: "exact"; contactId: string; companyId: string | null; confidence: number; reason: string }
  | { kind: "same_domain"; companyId: string; confidence: number; reason: string }
  | { kind: "ambiguous"; candidates: string[]; confidence: number; reason: string }
  | { kind: "new"; confidence: number; reason: string };

const text = (v: unknown) => (typeof v === "string" ? v : null);

export function matchIdentity(input: {
  email: string;
  /** Null for free-mail addresses: their domain is no company's. */
  companyDomain: string | null;
  contactsWithEmail: CrmRow[];
  companiesWithDomain: CrmRow[];
}): IdentityMatch {
  const { contactsWithEmail: contacts, companiesWithDomain: companies } = input;
  if (contacts.length === 1) {
    const contact = contacts[0]!;
    return {
      kind: "exact",
      contactId: contact.id,
      companyId: text(contact.data.company_id),
      confidence: 0.99,
      reason: `${input.email} is an existing contact: the lead is linked to it, not duplicated.`,
    };
  }
  if (contacts.length > 1) {
    return {
      kind: "ambiguous",
      candidates: contacts.map((c) => c.id),
      confidence: 0.55,
      reason: `${contacts.length} contacts share ${input.email}: a person decides which one this lead is.`,
    };
  }
  if (input.companyDomain && companies.length === 1) {
    const company = companies[0]!;
    return {
      kind: "same_domain",
      companyId: company.id,
      confidence: 0.7,
      reason: `Same company domain as ${text(company.data.name) ?? company.id} (${input.companyDomain}): linking to it is suggested.`,
    };
  }
  if (input.companyDomain && companies.length > 1) {
    return {
      kind: "ambiguous",
      candidates: companies.map((c) => c.id),
      confidence: 0.55,
      reason: `${companies.length} companies use ${input.companyDomain}: a person decides which one the lead belongs to.`,
    };
  }
  return { kind: "new", confidence: 0.95, reason: `No contact or company matches ${input.email}: a new lead.` };
}
