import { describe, expect, it } from "vitest";
import { enrichCompany } from "./enrich";
import { matchIdentity } from "./identity";
import { normaliseSource } from "./normalise-source";
import { routeToOwner } from "./territory-routing";
import { scoreUrgency } from "./urgency";

const row = (id: string, data: Record<string, unknown>) => ({ id, data });

describe("identity and duplicate match", () => {
  const base = {
    email: "ann@acme.example",
    companyDomain: "acme.example",
    contactsWithEmail: [],
    companiesWithDomain: [],
  };

  it("links an exact email match", () => {
    const m = matchIdentity({ ...base, contactsWithEmail: [row("c1", { company_id: "co1" })] });
    expect(m).toMatchObject({ kind: "exact", contactId: "c1", companyId: "co1" });
    expect(m.confidence).toBeGreaterThan(0.95);
  });

  it("suggests linking to the company with the same domain, with lower confidence", () => {
    const m = matchIdentity({ ...base, companiesWithDomain: [row("co1", { name: "Acme" })] });
    expect(m).toMatchObject({ kind: "same_domain", companyId: "co1" });
    expect(m.confidence).toBeLessThan(0.85);
  });

  it("calls several matches ambiguous", () => {
    expect(matchIdentity({ ...base, contactsWithEmail: [row("a", {}), row("b", {})] })).toMatchObject({
      kind: "ambiguous",
      candidates: ["a", "b"],
    });
    expect(matchIdentity({ ...base, companiesWithDomain: [row("a", {}), row("b", {})] }).kind).toBe("ambiguous");
  });

  it("never matches a company on a free-mail domain", () => {
    expect(
      matchIdentity({ ...base, companyDomain: null, companiesWithDomain: [row("g", { name: "Gmail" })] }).kind,
    ).toBe("new");
  });
});

describe("company enrichment", () => {
  const lead = {
    email: "ann@acme-widgets.example",
    company: null,
    website: null,
    country: "de",
    employees: 40,
    known: null,
  };

  it("labels how sure it is", () => {
    expect(enrichCompany(lead)).toMatchObject({
      label: "inferred",
      name: "Acme Widgets",
      domain: "acme-widgets.example",
      country: "DE",
    });
    expect(enrichCompany({ ...lead, website: "https://www.acme-widgets.example/about" }).label).toBe("confirmed");
    expect(enrichCompany({ ...lead, company: "Acme Widgets GmbH" })).toMatchObject({
      label: "stated",
      name: "Acme Widgets GmbH",
    });
    expect(enrichCompany({ ...lead, known: row("co", { name: "Acme", employees: 900 }) })).toMatchObject({
      label: "crm",
      employees: 900,
    });
  });

  it("does not treat a free-mail domain as a company", () => {
    const e = enrichCompany({ ...lead, email: "ann.99@gmail.com" });
    expect(e).toMatchObject({ domain: null, freeMail: true, label: "unknown", name: null });
    expect(e.confidence).toBeLessThan(0.5);
  });
});

describe("territory routing table", () => {
  const territories = [
    row("ent", { name: "Enterprise", countries: [], min_employees: 1000, owner: "priya", priority: 10 }),
    row("emea", { name: "EMEA", countries: ["DE", "GB"], owner: "sam", priority: 50 }),
    row("na", { name: "North America", countries: ["US"], owner: "lee", priority: 50 }),
  ];

  it("picks the matching territory with the lowest priority", () => {
    expect(
      routeToOwner({ lead: { country: "DE", employees: 50, industry: null }, territories, fallbackOwnerId: "x" }),
    ).toMatchObject({
      ownerId: "sam",
      territoryId: "emea",
      conflict: false,
    });
    expect(
      routeToOwner({ lead: { country: "DE", employees: 5000, industry: null }, territories, fallbackOwnerId: "x" })
        .ownerId,
    ).toBe("priya");
  });

  it("falls back when nothing matches, and flags a tie between owners", () => {
    expect(
      routeToOwner({ lead: { country: "JP", employees: 5, industry: null }, territories, fallbackOwnerId: "x" }),
    ).toMatchObject({
      ownerId: "x",
      territoryId: null,
    });
    const tie = [...territories, row("dach", { name: "DACH", countries: ["DE"], owner: "kim", priority: 50 })];
    const r = routeToOwner({
      lead: { country: "DE", employees: 50, industry: null },
      territories: tie,
      fallbackOwnerId: null,
    });
    expect(r.conflict).toBe(true);
    expect(r.ownerId).toBe("kim");
  });
});

describe("source and urgency", () => {
  it("normalises what senders call their source", () => {
    expect(normaliseSource("Website contact form", "api").source).toBe("web_form");
    expect(normaliseSource("Webinar Q3", "api").source).toBe("event");
    expect(normaliseSource(null, "form").source).toBe("web_form");
    expect(normaliseSource("???", "sample").source).toBe("other");
  });

  it("scores urgency from what the lead asks", () => {
    expect(scoreUrgency("We need a demo ASAP", "web_form").score).toBeGreaterThanOrEqual(60);
    expect(scoreUrgency("Just curious", "organic").score).toBeLessThan(30);
  });
});
