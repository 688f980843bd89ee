import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWorkingDay } from "./holidays.ts";
import { addWorkingDays, addWorkingHours, OFFICE_HOURS, workingHoursBetween } from "./working-time.ts";

/** An instant given as Vietnamese wall-clock time, "yyyy-mm-dd HH:mm". */
const vn = (local: string) => new Date(`${local.replace(" ", "T")}:00+07:00`);
/** Vietnamese wall-clock time of an instant, "yyyy-mm-dd HH:mm". */
const local = (instant: Date) =>
  new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

const instants = fc
  .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000)); // whole minutes, like real timestamps
const quarterHours = fc.integer({ min: 0, max: 400 }).map((q) => q / 4);
const inOfficeHours = (time: string) => OFFICE_HOURS.some(({ start, end }) => start <= time && time <= end);

describe("working hours in Asia/Ho_Chi_Minh (07:30–11:30, 13:30–17:00)", () => {
  it("runs 8 working hours from Friday 16:00 to Monday 16:30: 1 h Friday, 4 h Monday morning, 3 h after lunch", () => {
    expect(local(addWorkingHours(vn("2026-03-06 16:00"), 8))).toBe("2026-03-09 16:30");
  });

  it("skips Tết: 8 working hours from Friday 13/2/2026 16:00 end on Monday 23/2 16:30", () => {
    expect(local(addWorkingHours(vn("2026-02-13 16:00"), 8))).toBe("2026-02-23 16:30");
  });

  it("counts a Saturday made a working day: from Friday 7/2/2025 16:00 to Saturday 8/2 16:30", () => {
    expect(local(addWorkingHours(vn("2025-02-07 16:00"), 8))).toBe("2025-02-08 16:30");
    expect(local(addWorkingHours(vn("2025-01-29 10:00"), 1))).toBe("2025-02-03 08:30"); // mùng 1 → first day back
  });

  it("starts outside office hours at the next opening", () => {
    expect(local(addWorkingHours(vn("2026-03-07 10:00"), 1))).toBe("2026-03-09 08:30"); // Saturday
    expect(local(addWorkingHours(vn("2026-03-09 12:00"), 1))).toBe("2026-03-09 14:30"); // lunch
    expect(local(addWorkingHours(vn("2026-03-09 20:00"), 2))).toBe("2026-03-10 09:30"); // evening
    expect(local(addWorkingHours(vn("2026-03-09 06:00"), 0))).toBe("2026-03-09 07:30");
  });

  it("ends a count that uses up a session at its closing time, not at the next opening", () => {
    expect(local(addWorkingHours(vn("2026-03-09 07:30"), 4))).toBe("2026-03-09 11:30");
    expect(local(addWorkingHours(vn("2026-03-09 07:30"), 7.5))).toBe("2026-03-09 17:00");
    expect(local(addWorkingHours(vn("2026-03-09 11:30"), 0.5))).toBe("2026-03-09 14:00");
  });

  it("takes other office hours as options", () => {
    const officeHours = [{ start: "08:00", end: "12:00" }, { start: "13:00", end: "17:00" }];
    expect(local(addWorkingHours(vn("2026-03-09 08:00"), 8, { officeHours }))).toBe("2026-03-09 17:00");
    expect(workingHoursBetween(vn("2026-03-09 00:00"), vn("2026-03-10 00:00"), { officeHours })).toBe(8);
    const bad = [[{ start: "13:00", end: "12:00" }], [], [{ start: "7:30", end: "11:30" }]];
    for (const hours of bad) {
      expect(() => addWorkingHours(vn("2026-03-09 08:00"), 1, { officeHours: hours })).toThrow(RangeError);
    }
  });

  it("rejects negative or non-finite hours and invalid dates (RangeError)", () => {
    expect(() => addWorkingHours(vn("2026-03-09 08:00"), -1)).toThrow(RangeError);
    expect(() => addWorkingHours(vn("2026-03-09 08:00"), Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingHours(new Date("nonsense"), 1)).toThrow(RangeError);
    expect(() => workingHoursBetween(new Date("nonsense"), new Date())).toThrow(RangeError);
  });

  it("measures office time between instants, negative when the second comes first", () => {
    expect(workingHoursBetween(vn("2026-03-06 16:00"), vn("2026-03-09 16:30"))).toBe(8);
    expect(workingHoursBetween(vn("2026-03-09 16:30"), vn("2026-03-06 16:00"))).toBe(-8);
    expect(workingHoursBetween(vn("2026-03-07 08:00"), vn("2026-03-08 18:00"))).toBe(0); // a weekend
    expect(workingHoursBetween(vn("2026-03-08 18:00"), vn("2026-03-07 08:00"))).toBe(0);
    expect(workingHoursBetween(vn("2026-02-09 00:00"), vn("2026-02-23 00:00"))).toBe(5 * 7.5); // Tết week
  });

  it("always lands inside office hours on a working day (property)", () => {
    fc.assert(
      fc.property(instants, quarterHours, (start, hours) => {
        const [date, time] = local(addWorkingHours(start, hours)).split(" ") as [string, string];
        expect(isWorkingDay(date)).toBe(true);
        expect(inOfficeHours(time)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("adds up: add(add(t, a), b) = add(t, a + b) for t in office hours, and indeed for any t (property)", () => {
    fc.assert(
      fc.property(instants, quarterHours, quarterHours, (anyStart, a, b) => {
        const start = addWorkingHours(anyStart, 0); // the next instant inside office hours
        expect(addWorkingHours(addWorkingHours(start, a), b)).toEqual(addWorkingHours(start, a + b));
        expect(addWorkingHours(addWorkingHours(anyStart, a), b)).toEqual(addWorkingHours(anyStart, a + b));
      }),
      { numRuns: 500 },
    );
  });

  it("is monotonic in the start and in the hours (property)", () => {
    fc.assert(
      fc.property(instants, instants, quarterHours, quarterHours, (t1, t2, h1, h2) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [few, many] = h1 <= h2 ? [h1, h2] : [h2, h1];
        expect(addWorkingHours(early, few).getTime()).toBeLessThanOrEqual(addWorkingHours(late, few).getTime());
        expect(addWorkingHours(early, few).getTime()).toBeLessThanOrEqual(addWorkingHours(early, many).getTime());
      }),
      { numRuns: 500 },
    );
  });

  it("measures back what it added, and measures additively (property)", () => {
    fc.assert(
      fc.property(instants, instants, instants, quarterHours, (a, b, c, hours) => {
        expect(workingHoursBetween(a, addWorkingHours(a, hours))).toBeCloseTo(hours, 9);
        expect(workingHoursBetween(a, b) + workingHoursBetween(b, c)).toBeCloseTo(workingHoursBetween(a, c), 9);
      }),
      { numRuns: 300 },
    );
  });
});

describe("working days", () => {
  it("ends at 17:00 on the n-th working day after the day of receipt", () => {
    expect(local(addWorkingDays(vn("2026-03-09 10:00"), 1))).toBe("2026-03-10 17:00"); // Monday → Tuesday
    expect(local(addWorkingDays(vn("2026-03-09 06:00"), 1))).toBe("2026-03-10 17:00"); // before opening: same
    expect(local(addWorkingDays(vn("2026-03-06 20:00"), 1))).toBe("2026-03-09 17:00"); // Friday evening → Monday
    expect(local(addWorkingDays(vn("2026-03-07 10:00"), 1))).toBe("2026-03-09 17:00"); // Saturday → Monday
    expect(local(addWorkingDays(vn("2026-03-09 10:00"), 5))).toBe("2026-03-16 17:00");
  });

  it("skips holidays and counts working Saturdays", () => {
    expect(local(addWorkingDays(vn("2026-02-13 10:00"), 1))).toBe("2026-02-23 17:00"); // Tết 2026
    expect(local(addWorkingDays(vn("2025-04-25 10:00"), 1))).toBe("2025-04-26 17:00"); // Saturday worked
    expect(local(addWorkingDays(vn("2025-04-29 10:00"), 1))).toBe("2025-05-05 17:00"); // 30/4–4/5/2025
    expect(local(addWorkingDays(vn("2024-12-31 16:59"), 10))).toBe("2025-01-15 17:00"); // 1/1/2025 off
  });

  it("with 0 days gives the first closing time at or after the start on a working day", () => {
    expect(local(addWorkingDays(vn("2026-03-09 10:00"), 0))).toBe("2026-03-09 17:00");
    expect(local(addWorkingDays(vn("2026-03-09 18:00"), 0))).toBe("2026-03-10 17:00");
    expect(local(addWorkingDays(vn("2026-03-07 10:00"), 0))).toBe("2026-03-09 17:00");
  });

  it("rejects negative or fractional days (RangeError)", () => {
    expect(() => addWorkingDays(vn("2026-03-09 10:00"), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(vn("2026-03-09 10:00"), 1.5)).toThrow(RangeError);
  });

  it("lands at closing time on a working day, n working days after the day of receipt (property)", () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 60 }), (start, days) => {
        const [date, time] = local(addWorkingDays(start, days)).split(" ") as [string, string];
        expect(time).toBe("17:00");
        let counted = 0;
        for (let t = Date.parse(local(start).slice(0, 10)) + 86_400_000; t <= Date.parse(date); t += 86_400_000) {
          if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) counted += 1;
        }
        expect(counted).toBe(days);
        expect(isWorkingDay(date)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
