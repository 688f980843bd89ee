/**
 * Helpers of the opinion import: cell values turned into the values of an opinion (dates in
 * Asia/Ho_Chi_Minh, kind and channel labels in Vietnamese or English, phones, e-mails, topics), and the
 * check of an XLSX file's zip container and the stream exceljs reads it from.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { crc32, createInflateRaw } from "node:zlib";
import ExcelJS, { type CellValue } from "exceljs";
import { isInstantInWindow } from "../http/schemas.ts";
import { formatDateTime } from "../text/dates.ts";
import { foldForSearch } from "../text/vietnamese.ts";
import type { OpinionChannel, OpinionKind } from "./opinions.workflow.ts";

/** One cell as the import reads it: text (CSV, XLSX), a number or an instant (XLSX), or nothing. */
export type ImportCell = string | number | Date | null;

/** A parsed value, or the code of the reason it was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; code: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const refuse = <T>(code: string): Checked<T> => ({ ok: false, code });

// Vietnam has kept UTC+7 without daylight saving since 1975.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
// Excel's serial day 25569 is 1970-01-01, 32874 is 1990-01-01 and 2958465 is 9999-12-31. A smaller
// number in a date column is a year or a count typed there, not a date anyone meant.
const EXCEL_EPOCH_DAYS = 25569;
const MIN_EXCEL_SERIAL = 32874;
const MAX_EXCEL_SERIAL = 2958466;

/** Lower case, no diacritics, punctuation as spaces: "Nội dung (*):" and "noi dung" give the same key. */
export function foldLabel(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * An exceljs cell value as an import cell. Rich text is joined, a hyperlink gives its text, a formula its
 * cached result. Excel stores a wall-clock time with no zone and exceljs reads it as UTC: it is a time in
 * Vietnam, so it is moved to the real instant (rounded to the second, as Excel shows it).
 */
export function cellFromExcel(value: CellValue | undefined): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isFinite(time) ? new Date(Math.round((time - VIETNAM_OFFSET_MS) / 1000) * 1000) : null;
  }
  if (typeof value !== "object") return null;
  if ("richText" in value && Array.isArray(value.richText)) {
    return value.richText.map((run) => (typeof run?.text === "string" ? run.text : "")).join("");
  }
  if ("formula" in value || "sharedFormula" in value) {
    return cellFromExcel((value as { result?: CellValue }).result);
  }
  if ("hyperlink" in value && "text" in value) return cellFromExcel(value.text as CellValue);
  return null; // error values (#N/A…), unresolved shared strings
}

/** The text of a cell: numbers without exponent where exact, instants as Vietnamese users read them. */
export function cellText(cell: ImportCell): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return Number.isSafeInteger(cell) ? cell.toFixed(0) : String(cell);
  return formatDateTime(cell);
}

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/i;
const YEAR_FIRST =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** The instant of a wall-clock time, or null when no such day or time exists (31/02, 25:00). */
function instantOf(parts: number[], offsetMs: number): Date | null {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, ms = 0] = parts;
  if (year < 1900 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Date.UTC rolls 31/02 over to 03/03 and maps years 0–99 to 19xx: refuse anything that moved.
  if (wall.getUTCFullYear() !== year || wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day) return null;
  return new Date(wall.getTime() - offsetMs);
}

function offsetOf(zone: string | undefined): number | null {
  if (zone === undefined) return VIETNAM_OFFSET_MS;
  if (zone.toUpperCase() === "Z") return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes) * 60 * 1000;
}

function parseDateText(text: string): Date | null {
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, d, m, y, h, mi, s] = dayFirst.map(Number);
    return instantOf([y ?? 0, m ?? 0, d ?? 0, h || 0, mi || 0, s || 0], VIETNAM_OFFSET_MS);
  }
  const yearFirst = YEAR_FIRST.exec(text);
  if (!yearFirst) return null;
  const offset = offsetOf(yearFirst[8]);
  if (offset === null) return null;
  const fraction = yearFirst[7] === undefined ? 0 : Number(yearFirst[7].slice(0, 3).padEnd(3, "0"));
  const [y, m, d, h, mi, s] = yearFirst.slice(1, 7).map((part) => Number(part ?? 0));
  return instantOf([y ?? 0, m ?? 0, d ?? 0, h ?? 0, mi ?? 0, s ?? 0, fraction], offset);
}

/**
 * When an opinion was received: dd/mm/yyyy [HH:mm[:ss]], d/m/yyyy, yyyy-mm-dd, ISO 8601 or an Excel date
 * (a Date cell, or a serial number from 1990 on in a cell that lost its date format), in Vietnam's time
 * unless an offset is written. Blank → null. Refuses impossible dates and dates more than one day after `now`.
 */
export function parseReceivedAt(cell: ImportCell, now: Date): Checked<Date | null> {
  let date: Date | null;
  if (cell instanceof Date) date = cell;
  else if (typeof cell === "number") {
    const wall = Math.round(((cell - EXCEL_EPOCH_DAYS) * DAY_MS) / 1000) * 1000;
    date = cell >= MIN_EXCEL_SERIAL && cell < MAX_EXCEL_SERIAL ? new Date(wall - VIETNAM_OFFSET_MS) : null;
  } else {
    const text = (cell ?? "").trim();
    if (text === "") return ok(null);
    date = parseDateText(text);
  }
  if (date === null || !Number.isFinite(date.getTime())) return refuse("import.date_invalid");
  if (date.getTime() > now.getTime() + DAY_MS) return refuse("import.date_future");
  if (!isInstantInWindow(date)) return refuse("import.date_out_of_range");
  return ok(date);
}

/**
 * Labels of each kind, compared after `foldLabel`; the code itself ("crime_report") is accepted too. A Record,
 * so that a kind added to the workflow does not compile until it has its labels here.
 */
const KIND_LABELS: Record<OpinionKind, readonly string[]> = {
  praise: ["biểu dương", "khen", "khen ngợi", "cảm ơn", "praise"],
  reflection: ["phản ánh", "phản ánh, kiến nghị", "reflection", "feedback"],
  recommendation: ["kiến nghị", "đề xuất", "đề nghị", "góp ý", "recommendation", "proposal"],
  question: ["hỏi", "câu hỏi", "hỏi đáp", "question"],
  crime_report: ["tố giác", "tin báo", "tố giác tội phạm", "tin báo tội phạm", "crime report"],
  complaint: ["khiếu nại", "complaint"],
  denunciation: ["tố cáo", "denunciation"],
  regulation_feedback: ["phản ánh kiến nghị về quy định hành chính", "quy định hành chính", "regulation"],
  emergency: ["khẩn cấp", "emergency"],
};

/** Labels of each channel, as officers and other systems write them. */
const CHANNEL_LABELS: Record<OpinionChannel, readonly string[]> = {
  web: ["cổng thông tin", "trang web", "website", "web form"],
  qr: ["mã qr", "qr code"],
  forum: ["hội nghị", "diễn đàn", "lắng nghe ý kiến nhân dân"],
  paper_form: ["phiếu", "phiếu khảo sát", "phiếu lấy ý kiến"],
  q4_letter: ["công văn", "văn bản góp ý"],
  letter: ["thư", "đơn thư"],
  in_person: ["trực tiếp"],
  suggestion_box: ["hòm thư góp ý", "hộp thư", "hộp thư góp ý"],
  hotline: ["đường dây nóng", "điện thoại"],
  email: ["thư điện tử", "e-mail"],
  zalo: [],
  import: ["google forms", "google form", "vneid", "cổng dịch vụ công", "cổng dịch vụ công quốc gia"],
  media: ["báo chí"],
  other: ["khác"],
};

function labelIndex<C extends string>(labels: Record<C, readonly string[]>): Map<string, C> {
  const index = new Map<string, C>();
  for (const [code, list] of Object.entries(labels) as [C, readonly string[]][]) {
    for (const label of [code.replace(/_/g, " "), ...list]) index.set(foldLabel(label), code);
  }
  return index;
}

const KINDS = labelIndex(KIND_LABELS);
const CHANNELS = labelIndex(CHANNEL_LABELS);

/** The kind of a label ("Phản ánh", "khen ngoi", "Crime report"); blank → reflection. */
export function parseKind(text: string): Checked<OpinionKind> {
  if (text.trim() === "") return ok("reflection");
  const kind = KINDS.get(foldLabel(text));
  return kind ? ok(kind) : refuse("import.kind_unknown");
}

/** The channel of a label ("Hòm thư góp ý", "Google Forms"); blank → `fallback`. */
export function parseChannel(text: string, fallback: OpinionChannel): Checked<OpinionChannel> {
  if (text.trim() === "") return ok(fallback);
  const channel = CHANNELS.get(foldLabel(text));
  return channel ? ok(channel) : refuse("import.channel_unknown");
}

/** Topic codes from "An ninh trật tự; Giao thông": folded, spaces as "_", without repeats. */
export function parseTopics(text: string): string[] {
  const codes = text
    .split(/[,;\n]/)
    .map((topic) => foldForSearch(topic).replace(/ /g, "_"))
    .filter((code) => code !== "");
  return [...new Set(codes)];
}

const YES = new Set(["co", "x", "yes", "y", "true", "1", "an danh"]);

/** Whether a cell of the "ẩn danh" column says yes ("có", "x", "yes", "true", "1"). */
export function parseYes(text: string): boolean {
  return YES.has(foldLabel(text));
}

/**
 * A Vietnamese phone number: digits with spaces, dots or dashes, optionally +84; 9–11 digits. Returned as
 * digits, +84 written as 0. A number cell lost its leading 0 in Excel (every Vietnamese number has one).
 */
export function parsePhone(cell: ImportCell): Checked<string | null> {
  if (typeof cell === "number") {
    const digits = Number.isSafeInteger(cell) && cell > 0 ? cell.toFixed(0) : "";
    if (/^84\d{9,10}$/.test(digits)) return ok(`0${digits.slice(2)}`);
    return /^\d{8,10}$/.test(digits) ? ok(`0${digits}`) : refuse("import.phone_invalid");
  }
  const text = cellText(cell).trim();
  if (text === "") return ok(null);
  const match = /^(\+84|0084)?[\s.\-()]*(\d[\d\s.\-()]*)$/.exec(text);
  if (!match) return refuse("import.phone_invalid");
  let digits = (match[2] ?? "").replace(/\D/g, "");
  if (match[1] !== undefined) digits = digits.startsWith("0") ? digits : `0${digits}`;
  return digits.length >= 9 && digits.length <= 11 ? ok(digits) : refuse("import.phone_invalid");
}

/** An e-mail address, lower-cased; a basic shape check (the address is verified when it is used). */
export function parseEmail(text: string): Checked<string | null> {
  const email = text.trim().toLowerCase();
  if (email === "") return ok(null);
  const valid = email.length <= 254 && /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:.]{2,}$/.test(email);
  return valid ? ok(email) : refuse("import.email_invalid");
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
// What exceljs's streaming reader uses of a workbook, in the order that lets it stream the sheet directly:
// without shared strings and relationships first it copies every sheet to a temporary file.
const WORKBOOK_PARTS = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"];
const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const EMPTY_PARTS: Record<string, string> = {
  "xl/_rels/workbook.xml.rels":
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  "xl/sharedStrings.xml": '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
};

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  size: number;
  data: Buffer;
}

/** The entries of a zip as its central directory lists them; null when the structure does not hold. */
function readZipEntries(zip: Buffer): ZipEntry[] | null {
  if (zip.length < 22) return null;
  const end = zip.lastIndexOf(END_OF_DIRECTORY, zip.length - 22);
  if (end < 0) return null;
  const entries: ZipEntry[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let count = zip.readUInt16LE(end + 10); count > 0; count -= 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const local = zip.readUInt32LE(at + 42);
    const nameEnd = at + 46 + zip.readUInt16LE(at + 28);
    const name = zip.toString("utf8", at + 46, Math.min(nameEnd, zip.length));
    at = nameEnd + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER) return null;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    // Encryption, and methods other than stored and deflate, are nothing a workbook uses.
    if (flags & 1 || (method !== 0 && method !== 8) || start + compressed > zip.length) return null;
    entries.push({ name, method, crc, size, data: zip.subarray(start, start + compressed) });
  }
  return entries;
}

/** Whether an entry inflates without error to exactly its declared size and checksum (streamed, not kept). */
async function isIntact(entry: ZipEntry): Promise<boolean> {
  if (entry.method === 0) return entry.data.length === entry.size && crc32(entry.data) === entry.crc;
  let size = 0;
  let crc = 0;
  try {
    await pipeline(Readable.from([entry.data]), createInflateRaw(), async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        size += chunk.length;
        if (size > entry.size) throw new Error("entry longer than declared");
        crc = crc32(chunk, crc);
      }
    });
  } catch {
    return false;
  }
  return size === entry.size && crc === entry.crc;
}

/** An entry's content, inflated as it is read, in chunks that end on a whole UTF-8 character. */
async function* contentOf(entry: ZipEntry): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  const source = entry.method === 0 ? [entry.data] : Readable.from([entry.data]).pipe(createInflateRaw());
  for await (const chunk of source as AsyncIterable<Buffer>) {
    const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    let cut = bytes.length;
    while (cut > 0 && (bytes[cut - 1] ?? 0) >= 0x80) cut -= 1; // after the last ASCII byte
    if (cut > 0) yield bytes.subarray(0, cut);
    carry = bytes.subarray(cut);
  }
  if (carry.length > 0) yield carry;
}

/**
 * A zip of the entries, stored (uncompressed, sizes in each local header, no central directory), streamed.
 * exceljs decodes each chunk it reads separately, so a Vietnamese letter split between two chunks of a
 * deflated entry becomes U+FFFD; stored content arrives in the chunks given here, cut between characters.
 */
async function* storedZip(entries: ZipEntry[]): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(10, 4); // version needed: 1.0, stored
    header.writeUInt16LE(0x0800, 6); // UTF-8 name
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.size, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(name.length, 26);
    yield Buffer.concat([header, name]);
    yield* contentOf(entry);
  }
  const end = Buffer.alloc(22);
  END_OF_DIRECTORY.copy(end, 0);
  yield end;
}

/**
 * The parts of an XLSX that exceljs's streaming reader needs (relationships, workbook, styles, shared
 * strings, then the first worksheet), checked, then streamed as a stored zip that it can read neither
 * failing mid-stream nor waiting forever (it waits forever on a corrupt deflate stream or a truncated entry)
 * nor garbling letters; with the stream's length in bytes (for progress). "unreadable" for a file that is not
 * an intact workbook, "too_large" when its parts would inflate past `maxBytes`.
 */
export async function prepareWorkbook(
  zip: Buffer,
  maxBytes: number,
): Promise<{ chunks: AsyncIterable<Buffer>; size: number } | "unreadable" | "too_large"> {
  const entries = readZipEntries(zip);
  if (entries === null) return "unreadable";
  const sheetNumber = (entry: ZipEntry) => Number(WORKSHEET.exec(entry.name)?.[1] ?? Number.NaN);
  const sheet = entries.filter((e) => WORKSHEET.test(e.name)).sort((a, b) => sheetNumber(a) - sheetNumber(b))[0];
  if (sheet === undefined) return "unreadable";
  const parts: ZipEntry[] = [];
  for (const name of WORKBOOK_PARTS) {
    const entry = entries.find((e) => e.name === name);
    const empty = EMPTY_PARTS[name];
    if (entry) parts.push(entry);
    else if (empty !== undefined) {
      const data = Buffer.from(empty, "utf8");
      parts.push({ name, method: 0, crc: crc32(data), size: data.length, data });
    }
  }
  parts.push(sheet);
  if (parts.reduce((total, part) => total + part.size, 0) > maxBytes) return "too_large";
  for (const part of parts) if (!(await isIntact(part))) return "unreadable";
  const size = parts.reduce((total, part) => total + 30 + Buffer.byteLength(part.name, "utf8") + part.size, 22);
  return { chunks: storedZip(parts), size };
}

/** exceljs's streaming reader over prepared workbook chunks (prepareWorkbook), keeping what tells dates from numbers. */
export function readPreparedWorkbook(chunks: AsyncIterable<Buffer>): ExcelJS.stream.xlsx.WorkbookReader {
  return new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache", // number formats tell dates from numbers
    hyperlinks: "ignore",
    entries: "ignore",
  });
}
