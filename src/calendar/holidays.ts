/**
 * Vietnam's public holidays (ngày nghỉ lễ, tết — Bộ luật Lao động 2019, Điều 112) and the working days of a
 * public office (Monday to Friday). The Labour Code 2019's rules are applied to every year, with default choices
 * where the Prime Minister decides each year (Art. 112(3): the Tết days, the second day of Quốc khánh); where a
 * year's decision departs from them (other Tết days, swapped days), HOLIDAY_OVERRIDES holds it as data.
 */

import { lunarToSolar, solarToLunar } from "./lunar.ts";

/** A holiday's name in Vietnamese and English. */
export type HolidayName = { vi: string; en: string };

/** A day off other than an ordinary weekend day, as "yyyy-mm-dd" (a Vietnamese calendar date). */
export type Holiday = { date: string; name: HolidayName };

/** One year's Government arrangement: days added off (nghỉ hoán đổi) and days made working (làm bù). */
export type HolidayOverride = {
  /** The decision the arrangement comes from. */
  source: string;
  daysOff: readonly Holiday[];
  /** Working days even if a weekend, holiday or compensatory day: they win over everything else. */
  workingDays: readonly string[];
};

/** The Government arrangements to apply, by Gregorian year. */
export type HolidayCalendar = { overrides: Readonly<Record<number, HolidayOverride>> };

const NAMES = {
  newYear: { vi: "Tết Dương lịch", en: "New Year's Day" },
  hungKings: { vi: "Giỗ Tổ Hùng Vương", en: "Hung Kings' Commemoration Day" },
  victory: { vi: "Ngày Chiến thắng", en: "Reunification Day" },
  labour: { vi: "Ngày Quốc tế Lao động", en: "International Labour Day" },
  nationalDay: { vi: "Quốc khánh", en: "National Day" },
  swappedTet: { vi: "Nghỉ hoán đổi dịp Tết Nguyên đán", en: "Swapped day off for Lunar New Year" },
  swappedLabour: { vi: "Nghỉ hoán đổi dịp 30/4 và 1/5", en: "Swapped day off for 30 April and 1 May" },
} satisfies Record<string, HolidayName>;

/** Known Government arrangements for public offices that depart from the default rules, by year. */
export const HOLIDAY_OVERRIDES: Readonly<Record<number, HolidayOverride>> = {
  // Tết 2026 (Mon 16/2 = 29 Tết to Fri 20/2 = mùng 4, 14/2–22/2 with the weekends) is what the default rule gives,
  // so 2026 needs no entry. Not recorded for lack of a confirmed decision: 2026's second Quốc khánh day and any
  // swap around 1/1/2026 (the default rules apply).
  2025: {
    source:
      "Công văn 8726/VPCP-KGVX of 26/11/2024 (the Prime Minister's decision on Tết Ất Tỵ and holidays of 2025), " +
      "as announced by the Ministry of Labour, Invalids and Social Affairs",
    daysOff: [
      // Tết: Sat 25/1 to Sun 2/2 (26 tháng Chạp to mùng 5), Monday 27/1 swapped with Saturday 8/2.
      { date: "2025-01-27", name: NAMES.swappedTet },
      // 30/4–1/5: Wed 30/4 to Sun 4/5, Friday 2/5 swapped with Saturday 26/4.
      { date: "2025-05-02", name: NAMES.swappedLabour },
    ],
    // Monday 3/2 was a working day: the nine-day break replaced the compensatory day for mùng 4 (Saturday 1/2).
    workingDays: ["2025-02-03", "2025-02-08", "2025-04-26"],
  },
};

/** The calendar used when none is given: the Labour Code's rules plus HOLIDAY_OVERRIDES. */
export const DEFAULT_CALENDAR: HolidayCalendar = { overrides: HOLIDAY_OVERRIDES };

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function isoDate(dayNo: number): string {
  return new Date(dayNo * MS_PER_DAY).toISOString().slice(0, 10);
}

function fromDayNumber(dayNo: number): { year: number; month: number; day: number } {
  const date = new Date(dayNo * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(dayNo: number): number {
  return new Date(dayNo * MS_PER_DAY).getUTCDay();
}

function isWeekend(dayNo: number): boolean {
  const weekday = weekdayOf(dayNo);
  return weekday === 0 || weekday === 6;
}

function parseIsoDate(date: string): number {
  const match = ISO_DATE.exec(date);
  const dayNo = match ? dayNumber(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
  if (Number.isNaN(dayNo) || isoDate(dayNo) !== date) throw new RangeError(`not a yyyy-mm-dd date: ${date}`);
  return dayNo;
}

/**
 * The day next to 2/9 that completes the two days of Quốc khánh, which the Prime Minister picks each year.
 * Default: 1/9 from 2025; before, 1/9 when 2/9 is a Friday or Saturday and 3/9 otherwise (the picks of 2021–2024).
 */
function nationalDayCompanion(year: number): number {
  const secondOfSeptember = dayNumber(year, 9, 2);
  if (year >= 2025) return secondOfSeptember - 1;
  const weekday = weekdayOf(secondOfSeptember);
  return weekday === 5 || weekday === 6 ? secondOfSeptember - 1 : secondOfSeptember + 1;
}

/** The holidays of Art. 112(1), with Tết as the last day of the lunar year and mùng 1 to mùng 4. */
function statutoryHolidays(year: number): Holiday[] {
  const tet = lunarToSolar({ year, month: 1, day: 1 });
  const tetDay = dayNumber(tet.year, tet.month, tet.day);
  const eve = tetDay - 1;
  const lastDayOfYear = solarToLunar(fromDayNumber(eve)).day; // 29 or 30 tháng Chạp
  const hungKings = lunarToSolar({ year, month: 3, day: 10 });
  const days: [number, HolidayName][] = [
    [dayNumber(year, 1, 1), NAMES.newYear],
    [eve, { vi: `Tết Nguyên đán (${lastDayOfYear} Tết)`, en: "Lunar New Year's Eve" }],
    ...[1, 2, 3, 4].map((n): [number, HolidayName] => [
      tetDay + n - 1,
      { vi: `Tết Nguyên đán (mùng ${n})`, en: `Lunar New Year (day ${n})` },
    ]),
    [dayNumber(hungKings.year, hungKings.month, hungKings.day), NAMES.hungKings],
    [dayNumber(year, 4, 30), NAMES.victory],
    [dayNumber(year, 5, 1), NAMES.labour],
    [nationalDayCompanion(year), NAMES.nationalDay],
    [dayNumber(year, 9, 2), NAMES.nationalDay],
  ];
  const holidays: Holiday[] = [];
  for (const [dayNo, name] of days.sort((a, b) => a[0] - b[0])) {
    const previous = holidays[holidays.length - 1];
    // Giỗ Tổ can fall on 30/4 (1947): one day off under both names; the Code grants no extra day for this.
    if (previous?.date === isoDate(dayNo)) {
      previous.name = { vi: `${previous.name.vi}; ${name.vi}`, en: `${previous.name.en}; ${name.en}` };
    } else {
      holidays.push({ date: isoDate(dayNo), name });
    }
  }
  return holidays;
}

/** Nghỉ bù (Art. 111(3)): a holiday on a Saturday or Sunday gives the next weekday that is not already off. */
function compensatoryDays(holidays: readonly Holiday[], daysOff: ReadonlySet<number>): Holiday[] {
  const taken = new Set(daysOff);
  const result: Holiday[] = [];
  for (const holiday of holidays) {
    const dayNo = parseIsoDate(holiday.date);
    if (!isWeekend(dayNo)) continue;
    let substitute = dayNo + 1;
    while (isWeekend(substitute) || taken.has(substitute)) substitute += 1;
    taken.add(substitute);
    result.push({
      date: isoDate(substitute),
      name: { vi: `Nghỉ bù ${holiday.name.vi}`, en: `Compensatory day off for ${holiday.name.en}` },
    });
  }
  return result;
}

/** Public holidays, compensatory days and Government-added days off of a year, sorted by date. */
export function publicHolidays(year: number, calendar: HolidayCalendar = DEFAULT_CALENDAR): Holiday[] {
  if (!Number.isInteger(year)) throw new RangeError(`not a year: ${year}`);
  const statutory = statutoryHolidays(year);
  const override = calendar.overrides[year];
  const added = override?.daysOff ?? [];
  const working = new Set(override?.workingDays ?? []);
  const off = new Set([...statutory, ...added].map((holiday) => parseIsoDate(holiday.date)));
  const byDate = new Map<string, Holiday>();
  for (const holiday of [...statutory, ...compensatoryDays(statutory, off), ...added]) {
    if (!working.has(holiday.date) && !byDate.has(holiday.date)) byDate.set(holiday.date, holiday);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

type YearDays = { off: ReadonlySet<string>; working: ReadonlySet<string> };

// Deadline arithmetic asks about the same few years over and over; computing a year costs a few lunar conversions.
// Keyed by calendar object: calendars are immutable data.
const cache = new WeakMap<HolidayCalendar, Map<number, YearDays>>();

function yearDays(year: number, calendar: HolidayCalendar): YearDays {
  let years = cache.get(calendar);
  if (!years) {
    years = new Map();
    cache.set(calendar, years);
  }
  let days = years.get(year);
  if (!days) {
    const off = new Set(publicHolidays(year, calendar).map((holiday) => holiday.date));
    days = { off, working: new Set(calendar.overrides[year]?.workingDays ?? []) };
    years.set(year, days);
  }
  return days;
}

/** Whether a "yyyy-mm-dd" date is a working day: Monday to Friday outside holidays, or made working by an override. */
export function isWorkingDay(date: string, calendar: HolidayCalendar = DEFAULT_CALENDAR): boolean {
  const dayNo = parseIsoDate(date);
  const { off, working } = yearDays(Number(date.slice(0, 4)), calendar);
  if (working.has(date)) return true;
  return !isWeekend(dayNo) && !off.has(date);
}
