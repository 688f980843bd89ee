import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOLIDAY_OVERRIDES, isWorkingDay, publicHolidays, type Holiday, type HolidayCalendar } from "./holidays.ts";
import { lunarToSolar } from "./lunar.ts";

const dates = (year: number, calendar?: HolidayCalendar) => publicHolidays(year, calendar).map((h) => h.date);
const partition = <T>(items: T[], test: (item: T) => boolean): [T[], T[]] => [
  items.filter(test),
  items.filter((item) => !test(item)),
];
const NO_OVERRIDES: HolidayCalendar = { overrides: {} };
const days = (from: string, to: string): string[] => {
  const result: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    result.push(new Date(t).toISOString().slice(0, 10));
  }
  return result;
};

describe("public holidays (Labour Code 2019, Art. 112)", () => {
  it("lists 2024 by the default rules: Tết 30 Tết–mùng 4 with two compensatory days, Quốc khánh 2–3/9", () => {
    expect(dates(2024)).toEqual([
      "2024-01-01",
      "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13",
      "2024-02-14", "2024-02-15", // nghỉ bù for mùng 1 (Saturday) and mùng 2 (Sunday)
      "2024-04-18",
      "2024-04-30", "2024-05-01",
      "2024-09-02", "2024-09-03",
    ]);
  });

  it("lists 2025 with the Government's arrangement: Tết 25/1–2/2 and 30/4–4/5, Saturdays 8/2 and 26/4 worked", () => {
    expect(dates(2025)).toEqual([
      "2025-01-01",
      "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01",
      "2025-04-07",
      "2025-04-30", "2025-05-01", "2025-05-02",
      "2025-09-01", "2025-09-02",
    ]);
    expect(days("2025-01-25", "2025-02-02").filter((d) => isWorkingDay(d))).toEqual([]);
    expect(["2025-01-24", "2025-02-03", "2025-02-08", "2025-04-26"].every((d) => isWorkingDay(d))).toBe(true);
    expect(days("2025-04-30", "2025-05-04").filter((d) => isWorkingDay(d))).toEqual([]);
    expect(days("2025-08-30", "2025-09-02").filter((d) => isWorkingDay(d))).toEqual([]);
  });

  it("lists 2026: Tết 16–20/2 (29 Tết–mùng 4), a nine-day break 14–22/2, Giỗ Tổ on Sunday 26/4 moved to 27/4", () => {
    expect(dates(2026)).toEqual([
      "2026-01-01",
      "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
      "2026-04-26", "2026-04-27",
      "2026-04-30", "2026-05-01",
      "2026-09-01", "2026-09-02",
    ]);
    expect(days("2026-02-14", "2026-02-22").filter((d) => isWorkingDay(d))).toEqual([]);
    expect(isWorkingDay("2026-02-13")).toBe(true);
    expect(isWorkingDay("2026-02-23")).toBe(true);
  });

  it("names holidays in Vietnamese and English", () => {
    const byDate = new Map(publicHolidays(2026).map((h) => [h.date, h.name]));
    expect(byDate.get("2026-02-16")).toEqual({ vi: "Tết Nguyên đán (29 Tết)", en: "Lunar New Year's Eve" });
    expect(byDate.get("2026-02-17")).toEqual({ vi: "Tết Nguyên đán (mùng 1)", en: "Lunar New Year (day 1)" });
    expect(byDate.get("2026-04-26")?.vi).toBe("Giỗ Tổ Hùng Vương");
    expect(byDate.get("2026-04-27")).toEqual({
      vi: "Nghỉ bù Giỗ Tổ Hùng Vương",
      en: "Compensatory day off for Hung Kings' Commemoration Day",
    });
    expect(byDate.get("2026-09-02")).toEqual({ vi: "Quốc khánh", en: "National Day" });
    expect(publicHolidays(2024).find((h) => h.date === "2024-02-09")?.name.vi).toBe("Tết Nguyên đán (30 Tết)");
  });

  it("gives the next weekday off for a holiday on a weekend, skipping days already off (nghỉ bù)", () => {
    // 2022: 1/1 Saturday; Giỗ Tổ Sunday 10/4; 30/4 Saturday and 1/5 Sunday.
    expect(dates(2022)).toEqual(expect.arrayContaining(["2022-01-03", "2022-04-11", "2022-05-02", "2022-05-03"]));
    // 2023: Giỗ Tổ Saturday 29/4 and 30/4 Sunday, but Monday 1/5 is a holiday itself: Tuesday 2/5 and Wednesday 3/5.
    expect(dates(2023).filter((d) => d >= "2023-04-29" && d <= "2023-05-05")).toEqual([
      "2023-04-29", "2023-04-30", "2023-05-01", "2023-05-02", "2023-05-03",
    ]);
    // 2023: 2/9 Saturday with 1/9 Friday → Monday 4/9; 1/1 Sunday → Monday 2/1.
    expect(dates(2023)).toEqual(expect.arrayContaining(["2023-01-02", "2023-09-04"]));
    // 2027: mùng 1 and mùng 2 on the weekend, Tết lasting to Tuesday 9/2 → Wednesday 10/2 and Thursday 11/2.
    expect(dates(2027).filter((d) => d.startsWith("2027-02"))).toEqual([
      "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11",
    ]);
    expect(dates(2027)).toContain("2027-05-03"); // 1/5 Saturday
  });

  it("picks the second Quốc khánh day: 1/9 from 2025; before, 1/9 if 2/9 is a Friday or Saturday, else 3/9", () => {
    const nationalDays = (year: number) =>
      publicHolidays(year)
        .filter((h) => h.name.vi === "Quốc khánh")
        .map((h) => h.date);
    expect(nationalDays(2021)).toEqual(["2021-09-02", "2021-09-03"]); // Thursday
    expect(nationalDays(2022)).toEqual(["2022-09-01", "2022-09-02"]); // Friday
    expect(nationalDays(2023)).toEqual(["2023-09-01", "2023-09-02"]); // Saturday
    expect(nationalDays(2024)).toEqual(["2024-09-02", "2024-09-03"]); // Monday
    expect(nationalDays(2027)).toEqual(["2027-09-01", "2027-09-02"]); // Thursday, but 2027 ≥ 2025
  });

  it("applies overrides only from the calendar given: without them 2025 gets the compensatory day for mùng 4", () => {
    expect(dates(2025, NO_OVERRIDES)).toContain("2025-02-03");
    expect(dates(2025, NO_OVERRIDES)).not.toContain("2025-01-27");
    expect(isWorkingDay("2025-02-08", NO_OVERRIDES)).toBe(false);
    const custom: HolidayCalendar = {
      overrides: {
        2026: {
          source: "test",
          daysOff: [{ date: "2026-01-02", name: { vi: "Nghỉ hoán đổi", en: "Swapped day off" } }],
          workingDays: ["2026-01-10", "2026-02-20"],
        },
      },
    };
    expect(isWorkingDay("2026-01-02", custom)).toBe(false);
    expect(isWorkingDay("2026-01-10", custom)).toBe(true); // a Saturday made a working day
    expect(isWorkingDay("2026-02-20", custom)).toBe(true); // an explicit working day wins over mùng 4
    expect(dates(2026, custom)).not.toContain("2026-02-20");
    expect(isWorkingDay("2026-01-02")).toBe(true); // the default calendar is untouched
  });

  it("gives one day with both names when Giỗ Tổ falls on 30/4 (1947)", () => {
    const day = publicHolidays(1947).find((h) => h.date === "1947-04-30");
    expect(day?.name.vi).toBe("Giỗ Tổ Hùng Vương; Ngày Chiến thắng");
  });

  it("records where each override comes from", () => {
    for (const override of Object.values(HOLIDAY_OVERRIDES)) expect(override.source).toMatch(/\S{8,}/);
  });

  it("treats Saturdays and Sundays as days off and rejects malformed dates (RangeError)", () => {
    expect(isWorkingDay("2026-03-06")).toBe(true); // Friday
    expect(isWorkingDay("2026-03-07")).toBe(false);
    expect(isWorkingDay("2026-03-08")).toBe(false);
    for (const bad of ["2026-02-30", "2026-3-6", "06/03/2026", ""]) expect(() => isWorkingDay(bad)).toThrow(RangeError);
    expect(() => publicHolidays(2026.5)).toThrow(RangeError);
  });

  it("keeps every year's list sorted, unique, inside the year, with Tết and Giỗ Tổ off (property, 1900–2199)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), (year) => {
        const list = dates(year, NO_OVERRIDES);
        expect([...new Set(list)].sort()).toEqual(list);
        expect(list.every((d) => d.startsWith(`${year}-`))).toBe(true);
        const tet = lunarToSolar({ year, month: 1, day: 1 });
        const tetDay = Date.UTC(tet.year, tet.month - 1, tet.day);
        const tetDays = [-1, 0, 1, 2, 3].map((n) => new Date(tetDay + n * 86_400_000).toISOString().slice(0, 10));
        const hungKings = lunarToSolar({ year, month: 3, day: 10 });
        const gioTo = `${year}-${String(hungKings.month).padStart(2, "0")}-${String(hungKings.day).padStart(2, "0")}`;
        const fixed = [`${year}-01-01`, `${year}-04-30`, `${year}-05-01`, `${year}-09-02`];
        expect(list).toEqual(expect.arrayContaining([...tetDays, gioTo, ...fixed]));
        expect([...tetDays, gioTo].some((d) => isWorkingDay(d, NO_OVERRIDES))).toBe(false);
        // One compensatory day, on a weekday, per holiday on a weekend.
        const isWeekend = (d: string) => [0, 6].includes(new Date(d).getUTCDay());
        const isCompensatory = (h: Holiday) => h.name.vi.startsWith("Nghỉ bù");
        const [compensatory, holidays] = partition(publicHolidays(year, NO_OVERRIDES), isCompensatory);
        expect(compensatory.length).toBe(holidays.filter((h) => isWeekend(h.date)).length);
        expect(compensatory.some((h) => isWeekend(h.date))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
