import { emailDomain, isFreeMailDomain, websiteDomain } from "../free-mail-domains";
import type { CrmRow } from "./identity";

/**
 * What the lead's company is, and how sure we are: `crm` (the CRM already has it), `confirmed`
 * (the website and the email share the domain), `stated` (the lead typed a company name),
 * `inferred` (guessed from the email domain alone), `unknown` (free mail, nothing stated).
 */
export const ENRICHMENT_LABELS = ["crm", "confirmed", "stated", "inferred", "unknown"] as const;
export type EnrichmentLabel = (typeof ENRICHMENT_LABELS)[number];

export type CompanyEnrichment = {
  /** The company domain, or null for free-mail addresses. */
  domain: string | null;
  freeMail: boolean;
  name: string | null;
  country: string | null;
  employees: number | null;
  industry: string | null;
  label: EnrichmentLabel;
  confidence: number;
  notes: string[];
};

const CONFIDENCE: Record<EnrichmentLabel, number> = {
  crm: 0.97,
  confirmed: 0.92,
  stated: 0.88,
  inferred: 0.65,
  unknown: 0.4,
};

/** "acme-widgets.co.uk" → "Acme Widgets". */
export function nameFromDomain(domain: string): string {
  const label = domain.split(".")[0] ?? domain;
  return label
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(" ");
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);
const num = (v: unknown) => (typeof v === "number" ? v : null);

export function enrichCompany(input: {
  email: string;
  company: string | null;
  website: string | null;
  country: string | null;
  employees: number | null;
  /** The CRM company the identity match found, if any. */
  known: CrmRow | null;
}): CompanyEnrichment {
  const domain = emailDomain(input.email);
  const freeMail = isFreeMailDomain(domain);
  const country = input.country?.toUpperCase() ?? null;
  const base = { domain: freeMail ? null : domain, freeMail, country, employees: input.employees, industry: null };
  const notes: string[] = [];
  if (freeMail) notes.push(`${domain} is a free-mail provider, not a company domain.`);

  if (input.known) {
    const d = input.known.data;
    return {
      ...base,
      name: str(d.name),
      country: str(d.country) ?? country,
      employees: num(d.employees) ?? input.employees,
      industry: str(d.industry),
      label: "crm",
      confidence: CONFIDENCE.crm,
      notes: [...notes, "Company data from the CRM."],
    };
  }
  const site = websiteDomain(input.website);
  if (!freeMail && site && (site === domain || site.endsWith(`.${domain}`))) {
    return {
      ...base,
      name: input.company ?? nameFromDomain(domain),
      label: "confirmed",
      confidence: CONFIDENCE.confirmed,
      notes: [...notes, `The website ${site} matches the email domain.`],
    };
  }
  if (input.company) {
    return {
      ...base,
      name: input.company,
      label: "stated",
      confidence: CONFIDENCE.stated,
      notes: [...notes, "Company name as the lead typed it."],
    };
  }
  if (!freeMail) {
    return {
      ...base,
      name: nameFromDomain(domain),
      label: "inferred",
      confidence: CONFIDENCE.inferred,
      notes: [...notes, `Company name guessed from ${domain}.`],
    };
  }
  return { ...base, name: null, label: "unknown", confidence: CONFIDENCE.unknown, notes };
}
