import type { SampleItem, SampleRecord } from "../template-types";
import { seededFaker, slugify } from "../seeded-faker";
import type { LeadRoutingSettings } from "./settings";

const ownerRef = (email: string) => ({ type: "crm.owner" as const, externalId: `owner:${email}` });

/** The owners and territories of the settings, as CRM records (the routing table). */
export function leadRoutingSetupRecords(settings: LeadRoutingSettings): SampleRecord[] {
  return [
    ...settings.owners.map((o) => ({
      type: "crm.owner" as const,
      externalId: `owner:${o.email}`,
      data: { name: o.name, email: o.email, capacity: 50 },
    })),
    ...settings.territories.map((t) => ({
      type: "crm.territory" as const,
      externalId: `territory:${slugify(t.name)}`,
      data: {
        name: t.name,
        countries: t.countries,
        min_employees: t.minEmployees,
        priority: t.priority,
      },
      refs: { owner: ownerRef(t.ownerEmail) },
    })),
  ];
}

const COUNTRIES = ["US", "US", "CA", "GB", "DE", "FR", "NL", "IE", "AU", "BR"];
const INDUSTRIES = ["Software", "Manufacturing", "Retail", "Healthcare", "Logistics", "Finance", "Education"];

type Company = { key: string; name: string; domain: string; country: string; employees: number; ownerEmail: string };

function ownerFor(settings: LeadRoutingSettings, country: string, employees: number): string {
  const match = [...settings.territories]
    .sort((a, b) => a.priority - b.priority)
    .find(
      (t) =>
        (t.countries.length === 0 || t.countries.includes(country)) &&
        (t.minEmployees === null || employees >= t.minEmployees),
    );
  return match?.ownerEmail ?? settings.fallbackOwnerEmail ?? settings.owners[0]!.email;
}

function companies(seed: number, settings: LeadRoutingSettings): Company[] {
  const faker = seededFaker(seed);
  return Array.from({ length: 10 }, (_, i) => {
    const name = faker.company.name();
    const country = COUNTRIES[i % COUNTRIES.length]!;
    const employees = i === 0 ? 4200 : faker.number.int({ min: 8, max: 900 });
    return {
      key: `company:${i}`,
      name,
      domain: `${slugify(name)}.example`,
      country,
      employees,
      ownerEmail: ownerFor(settings, country, employees),
    };
  });
}

/**
 * A small CRM: companies (one strategic, one named account, one customer), two contacts each
 * (one of them opted out of email), from a seeded faker.
 */
export function leadRoutingSampleData({
  seed,
  settings,
}: {
  seed: number;
  settings: LeadRoutingSettings;
}): SampleRecord[] {
  const faker = seededFaker(seed + 1);
  const list = companies(seed, settings);
  const records: SampleRecord[] = [];
  list.forEach((c, i) => {
    records.push({
      type: "crm.company",
      externalId: c.key,
      data: {
        name: c.name,
        domain: c.domain,
        industry: INDUSTRIES[i % INDUSTRIES.length],
        employees: c.employees,
        country: c.country,
        relationship_flags: i === 0 ? ["strategic"] : i === 1 ? ["named_account"] : [],
        lifecycle: i === 2 ? "customer" : "prospect",
      },
      refs: { owner: ownerRef(c.ownerEmail) },
    });
    for (let j = 0; j < 2; j++) {
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      records.push({
        type: "crm.contact",
        externalId: `contact:${i}:${j}`,
        data: {
          email: `${slugify(first)}.${slugify(last)}@${c.domain}`,
          first_name: first,
          last_name: last,
          title: faker.person.jobTitle(),
          phone: faker.phone.number({ style: "international" }),
          source: faker.helpers.arrayElement(["web_form", "event", "referral", "organic"]),
          opt_out: i === 3 && j === 1,
          status: faker.helpers.arrayElement(["new", "working", "qualified"]),
        },
        refs: { company_id: { type: "crm.company", externalId: c.key }, owner: ownerRef(c.ownerEmail) },
      });
    }
  });
  return records;
}

/**
 * Leads worth a first run: a new company, a colleague at a known company (same domain), a known
 * contact (exact email) and a free-mail address.
 */
export function leadRoutingSampleItems({
  seed,
  settings,
}: {
  seed: number;
  settings: LeadRoutingSettings;
}): SampleItem[] {
  const faker = seededFaker(seed + 2);
  const known = companies(seed, settings);
  const contacts = leadRoutingSampleData({ seed, settings }).filter((r) => r.type === "crm.contact");
  const newName = faker.company.name();
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const colleague = { first: faker.person.firstName(), last: faker.person.lastName() };
  const existing = contacts[4]!.data;
  return [
    {
      kind: "lead",
      sourceId: `sample-lead-${seed}-new`,
      payload: {
        source_id: `sample-lead-${seed}-new`,
        email: `${slugify(first)}@${slugify(newName)}.example`,
        first_name: first,
        last_name: last,
        company: newName,
        website: `https://www.${slugify(newName)}.example`,
        title: "Head of Operations",
        country: "DE",
        employees: 240,
        message:
          "We need to replace our spreadsheet process this quarter and have budget approved. Could we get a demo next week?",
        source: "Website contact form",
      },
    },
    {
      kind: "lead",
      sourceId: `sample-lead-${seed}-colleague`,
      payload: {
        source_id: `sample-lead-${seed}-colleague`,
        email: `${slugify(colleague.first)}.${slugify(colleague.last)}@${known[4]!.domain}`,
        first_name: colleague.first,
        last_name: colleague.last,
        company: known[4]!.name,
        message: "Interested in pricing for our team.",
        source: "webinar",
      },
    },
    {
      kind: "lead",
      sourceId: `sample-lead-${seed}-known`,
      payload: {
        source_id: `sample-lead-${seed}-known`,
        email: existing.email,
        first_name: existing.first_name,
        message: "Following up on our call: can you send the proposal?",
        source: "referral",
      },
    },
    {
      kind: "lead",
      sourceId: `sample-lead-${seed}-freemail`,
      payload: {
        source_id: `sample-lead-${seed}-freemail`,
        email: `${slugify(faker.person.firstName())}.${faker.number.int({ min: 10, max: 99 })}@gmail.com`,
        message: "Just curious how this works.",
        source: "google",
      },
    },
  ];
}
