/**
 * Vietnam's time (Asia/Ho_Chi_Minh) in the browser, whatever the PC's time zone: officers type and read
 * Vietnam's wall-clock time, the API speaks instants (ISO 8601). Every conversion between the two, and every
 * "today" or "this year", goes through here.
 */

// Vietnam has kept UTC+7 without daylight saving since 1975: plain arithmetic is exact and needs neither the
// PC's zone nor its time-zone data.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Vietnam's wall-clock time of an instant as `yyyy-mm-ddTHH:mm` (a datetime field's value), or "" when it is no date. */
export function vietnamTimeOf(instant: string | number | Date): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) return "";
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

/** The instant (ISO 8601, UTC) of Vietnam's wall-clock time `yyyy-mm-ddTHH:mm` (a space also separates the time). */
export function instantOfVietnamTime(wallClock: string): string {
  const asIfUtc = Date.parse(`${wallClock.slice(0, 10)}T${wallClock.slice(11, 16)}:00Z`);
  return new Date(asIfUtc - VIETNAM_OFFSET_MS).toISOString();
}

/** Now in Vietnam as `yyyy-mm-ddTHH:mm`. */
export function nowInVietnam(): string {
  return vietnamTimeOf(Date.now());
}

/** Today's date in Vietnam as `yyyy-mm-dd`. */
export function todayInVietnam(): string {
  return nowInVietnam().slice(0, 10);
}

/** The current year in Vietnam (on New Year's Eve evening in Europe or America it is already the next one). */
export function yearInVietnam(): number {
  return Number(todayInVietnam().slice(0, 4));
}
