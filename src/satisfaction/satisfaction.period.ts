/** Reporting periods as month ranges: a year, a quarter, a month, or any span of whole months. */

/** An inclusive range of months, each as its first day (yyyy-mm-01). */
export interface MonthRange {
  from: string;
  to: string;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const monthStart = (year: number, month: number) => `${year}-${pad(month)}-01`;

/** The month `delta` months after `month` (yyyy-mm-01). */
export function addMonths(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return monthStart(Math.floor(index / 12), (index % 12) + 1);
}

/** Months from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** Parses "2026", "2026-Q3" or "2026-07"; undefined when the text is none of them. */
export function parsePeriod(text: string): MonthRange | undefined {
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

/** The whole months a campaign spans. */
export function campaignPeriod(startsOn: string, endsOn: string): MonthRange {
  const from = `${startsOn.slice(0, 7)}-01`;
  const to = `${endsOn.slice(0, 7)}-01`;
  return { from, to, label: `${from.slice(0, 7)}…${to.slice(0, 7)}` };
}
