import type { CrmRow } from "./identity";

/**
 * The deterministic routing table: crm.territory records, matched on country, size and industry,
 * lowest priority first (then name, so ties are stable). Two matching territories with the same
 * priority and different owners are a conflict a person settles.
 */
export type OwnerRoute = {
  ownerId: string | null;
  territoryId: string | null;
  territoryName: string | null;
  conflict: boolean;
  confidence: number;
  reason: string;
};

const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const num = (v: unknown) => (typeof v === "number" ? v : null);
const str = (v: unknown) => (typeof v === "string" ? v : null);

export function territoryMatches(
  territory: Record<string, unknown>,
  lead: { country: string | null; employees: number | null; industry: string | null },
): boolean {
  const countries = strs(territory.countries).map((c) => c.toUpperCase());
  if (countries.length > 0 && (!lead.country || !countries.includes(lead.country.toUpperCase()))) return false;
  const min = num(territory.min_employees);
  const max = num(territory.max_employees);
  if (min !== null && (lead.employees === null || lead.employees < min)) return false;
  if (max !== null && (lead.employees === null || lead.employees > max)) return false;
  const industries = strs(territory.industries).map((i) => i.toLowerCase());
  if (industries.length > 0 && (!lead.industry || !industries.includes(lead.industry.toLowerCase()))) return false;
  return true;
}

export function routeToOwner(input: {
  lead: { country: string | null; employees: number | null; industry: string | null };
  territories: CrmRow[];
  fallbackOwnerId: string | null;
}): OwnerRoute {
  const matching = input.territories
    .filter((t) => territoryMatches(t.data, input.lead))
    .sort(
      (a, b) =>
        (num(a.data.priority) ?? 100) - (num(b.data.priority) ?? 100) ||
        (str(a.data.name) ?? "").localeCompare(str(b.data.name) ?? ""),
    );
  const winner = matching[0];
  if (!winner) {
    return {
      ownerId: input.fallbackOwnerId,
      territoryId: null,
      territoryName: null,
      conflict: false,
      confidence: input.fallbackOwnerId ? 0.8 : 0.3,
      reason: input.fallbackOwnerId
        ? "No territory matches: the fallback owner."
        : "No territory matches and no fallback owner.",
    };
  }
  const priority = num(winner.data.priority) ?? 100;
  const rivals = matching.filter(
    (t) => t !== winner && (num(t.data.priority) ?? 100) === priority && str(t.data.owner) !== str(winner.data.owner),
  );
  const name = str(winner.data.name) ?? winner.id;
  if (rivals.length > 0) {
    return {
      ownerId: str(winner.data.owner),
      territoryId: winner.id,
      territoryName: name,
      conflict: true,
      confidence: 0.6,
      reason: `Territory conflict: ${[name, ...rivals.map((r) => str(r.data.name) ?? r.id)].join(", ")} match with the same priority.`,
    };
  }
  return {
    ownerId: str(winner.data.owner),
    territoryId: winner.id,
    territoryName: name,
    conflict: false,
    confidence: 0.95,
    reason: `Territory ${name} (priority ${priority}) matches.`,
  };
}
