const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });
const amount = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

export const formatDateTime = (d: Date) => dateTime.format(d);
export const formatDate = (d: Date) => dateOnly.format(d);
export const formatAmount = (n: number) => amount.format(n);

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
