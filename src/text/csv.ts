/**
 * CSV for downloads people open in a spreadsheet: UTF-8 with a byte-order mark (Excel then reads Vietnamese
 * correctly), RFC 4180 quoting and CRLF line ends, and cells that a spreadsheet would run as a formula defused.
 */

/** The byte-order mark that starts every CSV download. */
export const CSV_BOM = "\ufeff";

/** A value a CSV cell may hold; null and undefined are empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

// A spreadsheet runs a cell starting with these as a formula (OWASP "CSV injection"); tab and CR start one too.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: text that a spreadsheet would run as a formula gets a leading apostrophe, then RFC 4180 quoting. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 writes it. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
