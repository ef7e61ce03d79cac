import { describe, expect, it } from "vitest";
import { describeSlot, hourOfWeek, nextOccurrence, rankSlots, scheduleTimes } from "./best-slots";

describe("best slots", () => {
  it("reads the hour of the week in the given time zone", () => {
    const monday9utc = new Date("2026-03-02T09:00:00Z");
    expect(hourOfWeek(monday9utc, "UTC")).toBe(9);
    expect(hourOfWeek(monday9utc, "America/New_York")).toBe(4);
    expect(describeSlot(24 + 9)).toBe("Tue 09:00");
  });

  it("ranks hours by mean engagements, then by samples, then by the earlier hour", () => {
    const figures = [
      { posted_at: "2026-03-03T09:10:00Z", engagements: 40 }, // Tue 09
      { posted_at: "2026-03-10T09:40:00Z", engagements: 60 }, // Tue 09 → mean 50, 2 posts
      { posted_at: "2026-03-04T15:00:00Z", engagements: 50 }, // Wed 15 → mean 50, 1 post
      { posted_at: "2026-03-02T08:00:00Z", engagements: 50 }, // Mon 08 → mean 50, 1 post
      { posted_at: "2026-03-05T12:00:00Z", engagements: 10 }, // Thu 12
    ];
    expect(rankSlots(figures, "UTC", 1).map((r) => describeSlot(r.slot))).toEqual([
      "Tue 09:00",
      "Mon 08:00",
      "Wed 15:00",
      "Thu 12:00",
    ]);
    expect(rankSlots(figures, "UTC", 2).map((r) => describeSlot(r.slot))).toEqual(["Tue 09:00"]);
    expect(rankSlots(figures.slice().reverse(), "UTC", 1)).toEqual(rankSlots(figures, "UTC", 1));
  });

  it("finds the next start of a slot, across DST changes", () => {
    expect(nextOccurrence(24 + 9, new Date("2026-03-02T10:30:00Z"), "UTC").toISOString()).toBe(
      "2026-03-03T09:00:00.000Z",
    );
    expect(nextOccurrence(24 + 9, new Date("2026-03-03T09:00:00Z"), "UTC").toISOString()).toBe(
      "2026-03-03T09:00:00.000Z",
    );
    // Berlin switches to summer time on 29 March 2026: Tuesday 09:00 is 08:00 UTC before, 07:00 after.
    expect(nextOccurrence(24 + 9, new Date("2026-03-25T00:00:00Z"), "Europe/Berlin").toISOString()).toBe(
      "2026-03-31T07:00:00.000Z",
    );
  });

  it("spaces later posts a day or more apart over the top three slots", () => {
    const times = scheduleTimes([24 + 9, 2 * 24 + 12, 9], 3, new Date("2026-03-02T10:00:00Z"), "UTC");
    expect(times.map((t) => t.toISOString())).toEqual([
      "2026-03-03T09:00:00.000Z",
      "2026-03-04T12:00:00.000Z",
      "2026-03-09T09:00:00.000Z",
    ]);
  });
});
