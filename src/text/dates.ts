/** Dates as Vietnamese users read them: dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh. */

import { now as clockNow } from "../calendar/clock.ts";

const TIME_ZONE = "Asia/Ho_Chi_Minh";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function pick(date: Date): Record<string, string> {
  return Object.fromEntries(parts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "21/11/2026" for an instant, in Vietnam's time zone. */
export function formatDate(date: Date): string {
  const p = pick(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "21/11/2026 07:05" for an instant, in Vietnam's time zone. */
export function formatDateTime(date: Date): string {
  const p = pick(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

// Vietnam has kept UTC+7 without daylight saving since 1975: plain arithmetic is exact and cheap.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The date in Vietnam at `instant`, as yyyy-mm-dd (what a DATE column compares with); on every submission's path. */
export function dayInVietnam(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in Vietnam by the product's clock (src/calendar/clock.ts), as yyyy-mm-dd. */
export function todayInVietnam(): string {
  return dayInVietnam(clockNow());
}

/** The instant a Vietnamese day (yyyy-mm-dd) begins, `plusDays` later: 00:00 in Asia/Ho_Chi_Minh. */
export function startOfDayInVietnam(day: string, plusDays = 0): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  return new Date(midnightUtc - VIETNAM_OFFSET_MS + plusDays * 24 * 60 * 60 * 1000);
}
