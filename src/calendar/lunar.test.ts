import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lunarToSolar, solarToLunar, type SolarDate } from "./lunar.ts";

const solar = (iso: string): SolarDate => {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};
const iso = ({ year, month, day }: SolarDate) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
const MS_PER_DAY = 86_400_000;

const dates = (min: string, max: string) =>
  fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true });
const solarOf = (d: Date): SolarDate => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
const dayNo = ({ year, month, day }: SolarDate) => Date.UTC(year, month - 1, day) / MS_PER_DAY;
const nextDay = (date: SolarDate): SolarDate => solarOf(new Date((dayNo(date) + 1) * MS_PER_DAY));

const TET = [
  "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10",
  "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26",
];

describe("Vietnamese lunar calendar", () => {
  it.each(TET)("puts Tết (mùng 1 tháng Giêng) of %s on the right day, both ways", (date) => {
    const year = Number(date.slice(0, 4));
    expect(iso(lunarToSolar({ year, month: 1, day: 1 }))).toBe(date);
    expect(solarToLunar(solar(date))).toEqual({ year, month: 1, day: 1, isLeapMonth: false });
  });

  it("reckons at UTC+7, not China's UTC+8: Tết 1968, 1985, 2007 and 2030 come a day or a month earlier", () => {
    expect(iso(lunarToSolar({ year: 1968, month: 1, day: 1 }))).toBe("1968-01-29"); // China: 30 Jan
    expect(iso(lunarToSolar({ year: 1985, month: 1, day: 1 }))).toBe("1985-01-21"); // China: 20 Feb
    expect(iso(lunarToSolar({ year: 2007, month: 1, day: 1 }))).toBe("2007-02-17"); // China: 18 Feb
    // The new moon falls at 23:07 in Hà Nội on 2 February 2030, 00:07 on 3 February in Beijing.
    expect(iso(lunarToSolar({ year: 2030, month: 1, day: 1 }))).toBe("2030-02-02"); // China: 3 Feb
    expect(solarToLunar(solar("2030-02-03"))).toEqual({ year: 2030, month: 1, day: 2, isLeapMonth: false });
  });

  it.each([
    ["2024-04-18", 2024],
    ["2025-04-07", 2025],
    ["2026-04-26", 2026],
  ])("puts Giỗ Tổ Hùng Vương (10/3 âm lịch) on %s", (date, year) => {
    expect(iso(lunarToSolar({ year, month: 3, day: 10 }))).toBe(date);
    expect(solarToLunar(solar(date))).toEqual({ year, month: 3, day: 10, isLeapMonth: false });
  });

  it.each([
    ["2020-05-23", 2020, 4],
    ["2023-03-22", 2023, 2],
    ["2025-07-25", 2025, 6],
    ["2033-12-22", 2033, 11],
  ])("starts the leap month (tháng nhuận) on %s: %i, leap month %i", (date, year, month) => {
    expect(solarToLunar(solar(date))).toEqual({ year, month, day: 1, isLeapMonth: true });
    expect(iso(lunarToSolar({ year, month, day: 1, isLeapMonth: true }))).toBe(date);
    expect(solarToLunar(solar(date)).month).toBe(solarToLunar({ ...solar(date), day: solar(date).day - 1 }).month);
  });

  it("ends a lunar year on the 29th or the 30th of month 12, in the previous lunar year", () => {
    expect(solarToLunar(solar("2025-01-28"))).toEqual({ year: 2024, month: 12, day: 29, isLeapMonth: false });
    expect(solarToLunar(solar("2024-02-09"))).toEqual({ year: 2023, month: 12, day: 30, isLeapMonth: false });
    expect(solarToLunar(solar("2024-12-31"))).toEqual({ year: 2024, month: 12, day: 1, isLeapMonth: false });
  });

  it("refuses dates that do not exist or lie outside 1900–2199 (RangeError)", () => {
    expect(() => lunarToSolar({ year: 2024, month: 2, day: 1, isLeapMonth: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2025, month: 5, day: 1, isLeapMonth: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2024, month: 12, day: 30 })).toThrow(RangeError); // Giáp Thìn's month 12 has 29
    expect(() => lunarToSolar({ year: 2024, month: 13, day: 1 })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2200, month: 1, day: 1 })).toThrow(RangeError);
    expect(() => solarToLunar({ year: 2025, month: 2, day: 29 })).toThrow(RangeError);
    expect(() => solarToLunar({ year: 1899, month: 12, day: 31 })).toThrow(RangeError);
    expect(() => solarToLunar({ year: 2200, month: 1, day: 1 })).toThrow(RangeError);
  });

  it("accepts the whole supported range, 1900-01-01 to 2199-12-31", () => {
    expect(solarToLunar(solar("1900-01-01"))).toMatchObject({ year: 1899, month: 12 });
    expect(solarToLunar(solar("2199-12-31"))).toMatchObject({ year: 2199, month: 11 });
  });

  it("round-trips every Gregorian day of 1900–2100 through the lunar calendar (property)", () => {
    fc.assert(
      fc.property(dates("1900-01-01", "2100-12-31"), (d) => {
        expect(lunarToSolar(solarToLunar(solarOf(d)))).toEqual(solarOf(d));
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips every ordinary lunar date of 1900–2100 through the Gregorian calendar (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 29 }),
        (year, month, day) => {
          expect(solarToLunar(lunarToSolar({ year, month, day }))).toEqual({ year, month, day, isLeapMonth: false });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("counts day by day: the next day is the next lunar day, or day 1 after a 29th or 30th (property)", () => {
    fc.assert(
      fc.property(dates("1900-01-01", "2199-12-30"), (d) => {
        const today = solarToLunar(solarOf(d));
        const tomorrow = solarToLunar(nextDay(solarOf(d)));
        if (tomorrow.day === 1) expect([29, 30]).toContain(today.day);
        else expect(tomorrow).toEqual({ ...today, day: today.day + 1 });
      }),
      { numRuns: 2000 },
    );
  });

  it("makes every lunar year 353–355 days long, or 383–385 with a leap month (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2198 }), (year) => {
        const tet = (y: number) => dayNo(lunarToSolar({ year: y, month: 1, day: 1 }));
        const length = tet(year + 1) - tet(year);
        expect([353, 354, 355, 383, 384, 385]).toContain(length);
      }),
      { numRuns: 300 },
    );
  });
});
