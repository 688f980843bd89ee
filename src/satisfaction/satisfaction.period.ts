/** Reporting periods as month ranges: a year, a quarter, a month, or any span of whole months. */

import { EARLIEST_DAY, FIRST_YEAR, LAST_YEAR, LATEST_DAY } from "../http/schemas.ts";

/** An inclusive range of months, each as its first day (yyyy-mm-01). */
export interface MonthRange {
  from: string;
  to: string;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const monthStart = (year: number, month: number) => `${String(year).padStart(4, "0")}-${pad(month)}-01`;
// The year is everything before "-mm-01", however many digits it has.
const monthIndex = (month: string) => Number(month.slice(0, -6)) * 12 + Number(month.slice(-5, -3)) - 1;
const monthOfIndex = (index: number) => monthStart(Math.floor(index / 12), (index % 12) + 1);

/** The month `delta` months after `month` (yyyy-mm-01). */
export function addMonths(month: string, delta: number): string {
  return monthOfIndex(monthIndex(month) + delta);
}

/** Months from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  // Counted by index, not compared as text: "10000-01-01" sorts before "9999-12-01" and never ended the loop.
  const months: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) months.push(monthOfIndex(i));
  return months;
}

/** Parses "2026", "2026-Q3" or "2026-07" of the years the API accepts; undefined when the text is none of them. */
export function parsePeriod(text: string): MonthRange | undefined {
  const year = Number(text.slice(0, 4));
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) return undefined;
  let match = /^(\d{4})$/.exec(text);
  if (match) return { from: monthStart(Number(match[1]), 1), to: monthStart(Number(match[1]), 12), label: text };
  match = /^(\d{4})-Q([1-4])$/.exec(text);
  if (match) {
    const first = (Number(match[2]) - 1) * 3 + 1;
    return { from: monthStart(Number(match[1]), first), to: monthStart(Number(match[1]), first + 2), label: text };
  }
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (match) return { from: monthStart(Number(match[1]), Number(match[2])), to: monthStart(Number(match[1]), Number(match[2])), label: text };
  return undefined;
}

/** The period of the same length just before `period`. */
export function previousPeriod(period: MonthRange): MonthRange {
  const length = monthsBetween(period.from, period.to).length;
  const from = addMonths(period.from, -length);
  const to = addMonths(period.to, -length);
  return { from, to, label: `${from.slice(0, 7)}…${to.slice(0, 7)}` };
}

/** The whole months a campaign spans, within the days the API accepts (a campaign stored before they were bounded stays finite). */
export function campaignPeriod(startsOn: string, endsOn: string): MonthRange {
  const from = `${(startsOn < EARLIEST_DAY ? EARLIEST_DAY : startsOn).slice(0, 7)}-01`;
  const to = `${(endsOn > LATEST_DAY ? LATEST_DAY : endsOn).slice(0, 7)}-01`;
  return { from, to, label: `${from.slice(0, 7)}…${to.slice(0, 7)}` };
}
