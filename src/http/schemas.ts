/**
 * Input shapes every domain shares: days and instants inside the window the platform handles, ranges of days,
 * and required or optional free text. One definition each, so every endpoint bounds them the same way.
 */

import { z } from "zod";
import { formatDate, startOfDayInVietnam } from "../text/dates.ts";
import { isBlankText, normalizeText } from "../text/vietnamese.ts";

/** The first day any date sent to the API may be (yyyy-mm-dd). */
export const EARLIEST_DAY = "2000-01-01";
/** The last day any date sent to the API may be (yyyy-mm-dd). */
export const LATEST_DAY = "2099-12-31";
/** The first year of the window, for periods given as a year, a quarter or a month. */
export const FIRST_YEAR = Number(EARLIEST_DAY.slice(0, 4));
/** The last year of the window. */
export const LAST_YEAR = Number(LATEST_DAY.slice(0, 4));
/** The longest from..to range a filter may span, in years. */
export const MAX_RANGE_YEARS = 10;

const EARLIEST_MS = startOfDayInVietnam(EARLIEST_DAY).getTime();
const END_MS = startOfDayInVietnam(LATEST_DAY, 1).getTime();

// A fixed window (not "today + n years") keeps validation reproducible; it still keeps every loop over days or
// months that a date sizes small, and every year four digits long.
const outOfWindow = {
  params: {
    code: "validation.date_out_of_range",
    min: formatDate(startOfDayInVietnam(EARLIEST_DAY)),
    max: formatDate(startOfDayInVietnam(LATEST_DAY)),
  },
};

/** Whether the day (yyyy-mm-dd) lies in the window the API accepts. */
export function isDayInWindow(day: string): boolean {
  return day >= EARLIEST_DAY && day <= LATEST_DAY;
}

/** Whether the instant lies in the window the API accepts (its days in Vietnam's time). */
export function isInstantInWindow(instant: Date): boolean {
  const ms = instant.getTime();
  return ms >= EARLIEST_MS && ms < END_MS;
}

/** A calendar day, yyyy-mm-dd, in the window (400 `validation.date_out_of_range` naming the field). */
export const Day = z.iso.date().refine(isDayInWindow, outOfWindow);

/** An instant, ISO 8601 with its offset, in the window (400 `validation.date_out_of_range` naming the field). */
export const Instant = z.iso.datetime({ offset: true }).refine((text) => isInstantInWindow(new Date(text)), outOfWindow);

/** A calendar year of the window, as a query parameter. */
export const Year = z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR);

/** Whether `to` is at most MAX_RANGE_YEARS after `from` (both yyyy-mm-dd in the window: four-digit years compare as text). */
export function isRangeBounded(from: string, to: string): boolean {
  return to <= `${Number(from.slice(0, 4)) + MAX_RANGE_YEARS}${from.slice(4)}`;
}

/**
 * Refuses a from..to pair of days spanning more than MAX_RANGE_YEARS (400 `validation.range_too_long` on `to`);
 * an open end is bounded by the window. Whether `to` comes after `from` is each domain's own rule.
 */
export function refineDayRange(range: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) {
  if (range.from === undefined || range.to === undefined || isRangeBounded(range.from, range.to)) return;
  ctx.addIssue({ code: "custom", path: ["to"], input: range.to, params: { code: "validation.range_too_long", years: MAX_RANGE_YEARS } });
}

// Normalised, and empty when it shows nothing: a text of invisible characters is no text.
const storedText = (value: string) => {
  const text = normalizeText(value);
  return isBlankText(text) ? "" : text;
};

/** Free text as stored: NFC, trimmed, showing something (not blank, not only invisible characters), at most `max` characters. */
export const Text = (max: number) => z.string().transform(storedText).pipe(z.string().min(1).max(max));

/** Optional free text as stored; blank or invisible-only text is left out (undefined). */
export const OptionalText = (max: number) =>
  z
    .string()
    .transform(storedText)
    .pipe(z.string().max(max))
    .optional()
    .transform((v) => (v ? v : undefined));
