/**
 * Deadlines in working time: working days and office hours (giờ hành chính) in Asia/Ho_Chi_Minh, skipping
 * nights, weekends and public holidays. All arithmetic is on instants, shifted by Vietnam's fixed UTC+7
 * (no daylight saving since 1975), so the process's time zone never matters.
 */

import { DEFAULT_CALENDAR, isWorkingDay, type HolidayCalendar } from "./holidays.ts";

/** One office session in Vietnamese wall-clock time, "HH:mm" to "HH:mm". */
export type OfficeSession = { start: string; end: string };

/** Default office hours of a public office: 07:30–11:30 and 13:30–17:00. */
export const OFFICE_HOURS: readonly OfficeSession[] = [
  { start: "07:30", end: "11:30" },
  { start: "13:30", end: "17:00" },
];

/** Optional office hours and holiday calendar for the working-time functions. */
export type WorkingTimeOptions = { officeHours?: readonly OfficeSession[]; calendar?: HolidayCalendar };

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

type Session = { open: number; close: number }; // milliseconds after local midnight

function parseSessions(sessions: readonly OfficeSession[]): Session[] {
  const toMs = (time: string): number => {
    if (!HH_MM.test(time)) throw new RangeError(`office hours must be HH:mm: ${time}`);
    const [hours, minutes] = time.split(":").map(Number) as [number, number];
    return (hours * 60 + minutes) * 60_000;
  };
  const parsed = sessions.map((session) => ({ open: toMs(session.start), close: toMs(session.end) }));
  parsed.forEach(({ open, close }, i) => {
    if (open >= close || (i > 0 && open < parsed[i - 1]!.close)) {
      throw new RangeError("office sessions must be non-empty, in order and not overlapping");
    }
  });
  if (parsed.length === 0) throw new RangeError("office hours need at least one session");
  return parsed;
}

// Deadlines are computed for every received opinion: office hours are parsed once per list, and each local
// day is looked up once per calendar (both are long-lived objects).
const parsedSessions = new WeakMap<readonly OfficeSession[], Session[]>();
const workingDays = new WeakMap<HolidayCalendar, Map<number, boolean>>();

function settings(options: WorkingTimeOptions): { sessions: Session[]; calendar: HolidayCalendar } {
  const officeHours = options.officeHours ?? OFFICE_HOURS;
  let sessions = parsedSessions.get(officeHours);
  if (!sessions) {
    sessions = parseSessions(officeHours);
    parsedSessions.set(officeHours, sessions);
  }
  return { sessions, calendar: options.calendar ?? DEFAULT_CALENDAR };
}

/** Vietnamese wall-clock time of an instant, as milliseconds on a UTC-like axis. */
function toLocal(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("invalid date");
  return ms + VIETNAM_OFFSET_MS;
}

function fromLocal(local: number): Date {
  return new Date(local - VIETNAM_OFFSET_MS);
}

function isWorkingLocalDay(dayStart: number, calendar: HolidayCalendar): boolean {
  let days = workingDays.get(calendar);
  if (!days) {
    days = new Map();
    workingDays.set(calendar, days);
  }
  let working = days.get(dayStart);
  if (working === undefined) {
    working = isWorkingDay(new Date(dayStart).toISOString().slice(0, 10), calendar);
    days.set(dayStart, working);
  }
  return working;
}

/** Office sessions of working days, as local [open, close] intervals, from the local day of `from` on. */
function* officeIntervals(from: number, sessions: readonly Session[], calendar: HolidayCalendar) {
  // Ends where the holiday calendar ends (isWorkingDay refuses years past 2199).
  for (let day = Math.floor(from / MS_PER_DAY) * MS_PER_DAY; ; day += MS_PER_DAY) {
    if (!isWorkingLocalDay(day, calendar)) continue;
    for (const { open, close } of sessions) yield { open: day + open, close: day + close };
  }
}

/**
 * The instant `hours` of office time after `start`; a start outside office hours counts from the next opening.
 * Ending exactly at a closing time gives that closing time (an 11:30 deadline, not 13:30).
 */
export function addWorkingHours(start: Date, hours: number, options: WorkingTimeOptions = {}): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`working hours must be a finite number ≥ 0: ${hours}`);
  const { sessions, calendar } = settings(options);
  const local = toLocal(start);
  let remaining = Math.round(hours * MS_PER_HOUR);
  for (const { open, close } of officeIntervals(local, sessions, calendar)) {
    if (local > close) continue;
    const from = Math.max(open, local);
    if (remaining <= close - from) return fromLocal(from + remaining);
    remaining -= close - from;
  }
  throw new Error("unreachable: office intervals never end");
}

/**
 * Deadline `days` working days after `start`: the closing time (17:00 by default) of the n-th working day after
 * the Vietnamese calendar day of `start`, which is not counted (Civil Code 2015, Art. 147). End of day rather than
 * the same clock time: opinions received on one day share one deadline, and it falls within office hours.
 * With 0 days: the first closing time of a working day at or after `start`.
 */
export function addWorkingDays(start: Date, days: number, options: WorkingTimeOptions = {}): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be an integer ≥ 0: ${days}`);
  const { sessions, calendar } = settings(options);
  const closing = sessions[sessions.length - 1]!.close;
  const local = toLocal(start);
  let day = Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
  if (days === 0) {
    while (!isWorkingLocalDay(day, calendar) || day + closing < local) day += MS_PER_DAY;
    return fromLocal(day + closing);
  }
  for (let counted = 0; counted < days; ) {
    day += MS_PER_DAY;
    if (isWorkingLocalDay(day, calendar)) counted += 1;
  }
  return fromLocal(day + closing);
}

/** Office hours between two instants (negative when b is before a), e.g. how long an opinion is overdue. */
export function workingHoursBetween(a: Date, b: Date, options: WorkingTimeOptions = {}): number {
  const from = toLocal(a);
  const to = toLocal(b);
  if (to < from) return 0 - workingHoursBetween(b, a, options); // 0 - x, not -x: no -0 when nothing is worked
  const { sessions, calendar } = settings(options);
  let total = 0;
  for (const { open, close } of officeIntervals(from, sessions, calendar)) {
    if (open >= to) break;
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
  }
  return total / MS_PER_HOUR;
}
