import { formatAmount, capitalise } from "@/components/lib/format";

/** "Finance, Sales · up to 5,000" — or a sentence saying there is no scope yet. */
export function describeApprovalScope(domains: readonly string[], limit: number | null): string {
  if (domains.length === 0) return "No approval domains yet";
  const where = domains.map(capitalise).join(", ");
  return limit === null ? `${where} · no amount limit` : `${where} · up to ${formatAmount(limit)}`;
}
