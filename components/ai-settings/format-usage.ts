const tokens = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 2 });
const smallDollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 4 });

export const formatTokens = (n: number) => `${tokens.format(n)} ${n === 1 ? "token" : "tokens"}`;

/** Cents for budgets; sub-cent spends keep four decimals so they do not read as $0.00. */
export const formatUsd = (n: number) => (n > 0 && n < 0.01 ? smallDollars.format(n) : dollars.format(n));

export const PERIOD_LABELS = { day: "per day", month: "per month" } as const;
