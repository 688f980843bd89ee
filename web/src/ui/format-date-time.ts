import { vietnamTimeOf } from "./vietnam-time";

/** Formats an ISO 8601 instant as `dd/mm/yyyy HH:mm` in Vietnam's time, whatever the language and the PC's time zone. */
export function formatDateTime(iso: string): string {
  const wallClock = vietnamTimeOf(iso);
  return wallClock ? `${formatDay(wallClock)} ${wallClock.slice(11, 16)}` : iso;
}

/** Formats a calendar day (`yyyy-mm-dd`, as a DATE column gives it) as `dd/mm/yyyy`, whatever the language. */
export function formatDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}
