import type { Platform } from "./compose-variant";

/** An hour of the week: 0 = Monday 00:00–00:59 … 167 = Sunday 23:00–23:59, in the settings' time zone. */
export type Slot = number;

export type RankedSlot = { slot: Slot; meanEngagements: number; samples: number };

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const HOUR_MS = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "numeric", hourCycle: "h23" });
    formatters.set(timeZone, f);
  }
  return f;
}

export function hourOfWeek(date: Date, timeZone: string): Slot {
  const parts = formatter(timeZone).formatToParts(date);
  const weekday = WEEKDAYS.indexOf(parts.find((p) => p.type === "weekday")?.value ?? "Mon");
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0) % 24;
  return weekday * 24 + hour;
}

export function describeSlot(slot: Slot): string {
  return `${WEEKDAYS[Math.floor(slot / 24)]} ${String(slot % 24).padStart(2, "0")}:00`;
}

/** When no past performance exists: common good hours per platform (Monday = 0). */
export const DEFAULT_SLOTS: Record<Platform, Slot[]> = {
  x: [2 * 24 + 12, 1 * 24 + 9, 3 * 24 + 17],
  linkedin: [1 * 24 + 9, 2 * 24 + 10, 3 * 24 + 8],
  facebook: [3 * 24 + 13, 2 * 24 + 11, 4 * 24 + 10],
  instagram: [2 * 24 + 11, 4 * 24 + 10, 1 * 24 + 14],
  mastodon: [1 * 24 + 15, 3 * 24 + 15, 2 * 24 + 18],
  bluesky: [2 * 24 + 15, 1 * 24 + 12, 3 * 24 + 19],
  newsletter: [3 * 24 + 8, 1 * 24 + 8, 5 * 24 + 9],
};

export type PerformanceFigure = { posted_at: string; engagements: number };

/**
 * Ranks the hours of the week by mean engagements of the posts published in them. Ties go to
 * the hour with more posts behind it, then to the earlier hour of the week: the same figures
 * always give the same schedule.
 */
export function rankSlots(figures: readonly PerformanceFigure[], timeZone: string, minSamples: number): RankedSlot[] {
  const bySlot = new Map<Slot, { total: number; samples: number }>();
  for (const f of figures) {
    const at = new Date(f.posted_at);
    if (Number.isNaN(at.getTime())) continue;
    const slot = hourOfWeek(at, timeZone);
    const entry = bySlot.get(slot) ?? { total: 0, samples: 0 };
    entry.total += f.engagements;
    entry.samples += 1;
    bySlot.set(slot, entry);
  }
  return [...bySlot.entries()]
    .filter(([, e]) => e.samples >= minSamples)
    .map(([slot, e]) => ({ slot, meanEngagements: Math.round((e.total / e.samples) * 100) / 100, samples: e.samples }))
    .sort((a, b) => b.meanEngagements - a.meanEngagements || b.samples - a.samples || a.slot - b.slot);
}

/** The first start of `slot` at or after `after` (on the hour). */
export function nextOccurrence(slot: Slot, after: Date, timeZone: string): Date {
  let t = Math.ceil(after.getTime() / HOUR_MS) * HOUR_MS;
  for (let i = 0; i < 24 * 8 + 2; i += 1, t += HOUR_MS) {
    if (hourOfWeek(new Date(t), timeZone) === slot) return new Date(t);
  }
  // Only reachable in a zone whose clocks skip that very hour this week: the next hour will do.
  return new Date(Math.ceil(after.getTime() / HOUR_MS) * HOUR_MS);
}

const MIN_GAP_MS = 24 * HOUR_MS;

/**
 * Times for `count` posts on one channel: the first at the next best slot after `earliest`,
 * each later one at the soonest of the top three slots at least a day after the previous post.
 */
export function scheduleTimes(slots: readonly Slot[], count: number, earliest: Date, timeZone: string): Date[] {
  const top = slots.slice(0, 3);
  if (top.length === 0 || count === 0) return [];
  const times: Date[] = [nextOccurrence(top[0]!, earliest, timeZone)];
  while (times.length < count) {
    const after = new Date(times.at(-1)!.getTime() + MIN_GAP_MS);
    const next = top.map((s) => nextOccurrence(s, after, timeZone)).sort((a, b) => a.getTime() - b.getTime())[0]!;
    times.push(next);
  }
  return times;
}
