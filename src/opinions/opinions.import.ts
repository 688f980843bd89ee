/**
 * Import of opinions from a CSV or XLSX file (paper forms typed into Excel, Google Forms, the national
 * portal, VNeID results): columns mapped to fields, every row checked, errors per row. Pure: the service
 * resolves units and stores the rows.
 */
import { createHash } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import Papa from "papaparse";
import { foldForSearch, isBlankText, normalizeText } from "../text/vietnamese.ts";
import {
  cellFromExcel,
  cellText,
  foldLabel,
  parseChannel,
  parseEmail,
  parseKind,
  parsePhone,
  parseReceivedAt,
  parseTopics,
  parseYes,
  prepareWorkbook,
  readPreparedWorkbook,
  type Checked,
  type ImportCell,
} from "./opinions.import-values.ts";
import type { OpinionChannel, OpinionKind } from "./opinions.workflow.ts";
import { now as clockNow } from "../calendar/clock.ts";

/** A field of an opinion that a column of the file can fill. */
export type ImportField =
  | "content" | "receivedAt" | "kind" | "channel" | "unit" | "topics"
  | "name" | "phone" | "email" | "anonymous" | "externalId" | "location";

/** Which column fills which field: field → header text as written in the file. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** An opinion read from one row, ready to store once the service has resolved its unit and location. */
export interface ImportedOpinion {
  content: string;
  receivedAt: Date | null;
  kind: OpinionKind;
  channel: OpinionChannel;
  /** The unit as written in the file (name or code); the service resolves it. */
  unitRef: string | null;
  /** Topic codes, to be checked by the service against the configured list. */
  topics: string[];
  contact: { name?: string; phone?: string; email?: string } | null;
  anonymous: boolean;
  /** The opinion's id in the system it came from (mã hồ sơ), if any. */
  externalId: string | null;
  /** The commune (xã/phường) as written in the file; the service resolves it. */
  locationRef: string | null;
  /** Hex SHA-256 of the opinion's identity: the same opinion imported again has the same fingerprint. */
  fingerprint: string;
}

/** Why a field of a row was refused (field null: the row as a whole), e.g. "import.date_invalid". */
export interface ImportRowError {
  field: ImportField | null;
  code: string;
}

/** One data row: its opinion when it has no error, else null and the errors. */
export interface ImportRow {
  /** The row number a person sees in the spreadsheet (the header is row 1). */
  rowNumber: number;
  opinion: ImportedOpinion | null;
  errors: ImportRowError[];
}

/** A parsed file: its headers, the mapping used, and its non-blank data rows in order. */
export interface ParsedImport {
  headers: string[];
  mapping: ColumnMapping;
  rows: ImportRow[];
}

/** The file as a whole cannot be imported (unreadable, too big, no content column…), with a stable code. */
export class ImportFileError extends Error {
  constructor(
    public code: string,
    public params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "ImportFileError";
  }
}

/**
 * The file's columns do not fill the content, or the mapping names a column the file lacks: the headers and
 * the mapping tried travel with the error, so that the officer can choose the columns and check again.
 */
export class ImportMappingError extends ImportFileError {
  constructor(
    code: string,
    params: Record<string, string | number>,
    readonly headers: string[],
    /** The mapping tried, keeping only the columns the file has. */
    readonly mapping: ColumnMapping,
  ) {
    super(code, params);
    this.name = "ImportMappingError";
  }
}

const IMPORT_FIELDS: readonly ImportField[] = [
  "content", "receivedAt", "kind", "channel", "unit", "topics",
  "name", "phone", "email", "anonymous", "externalId", "location",
];

/** Header synonyms, compared after `foldLabel` (case, diacritics and punctuation ignored). */
const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  content: ["nội dung", "ý kiến", "nội dung ý kiến", "nội dung phản ánh", "content", "opinion", "feedback", "message"],
  receivedAt: ["ngày", "ngày nhận", "thời gian", "ngày gửi", "timestamp", "dấu thời gian", "date", "received"],
  kind: ["loại", "loại ý kiến", "phân loại", "kind", "type"],
  channel: ["kênh", "nguồn", "hình thức", "channel", "source"],
  unit: ["đơn vị", "đơn vị tiếp nhận", "unit"],
  topics: ["chủ đề", "lĩnh vực", "topic", "topics"],
  name: ["họ tên", "họ và tên", "người gửi", "name", "full name"],
  phone: ["số điện thoại", "điện thoại", "sđt", "số đt", "phone", "phone number"],
  email: ["email", "e-mail", "thư điện tử", "địa chỉ email", "email address"],
  anonymous: ["ẩn danh", "anonymous"],
  externalId: ["mã", "mã số", "số hiệu", "id", "external id", "mã hồ sơ"],
  location: ["địa bàn", "xã", "phường", "xã/phường", "location", "commune"],
};

const SYNONYMS = IMPORT_FIELDS.flatMap((field) => HEADER_SYNONYMS[field].map((s) => ({ field, key: foldLabel(s) })));
// "Nội dung ý kiến của bạn" starts with a known header; one-word ones ("ngày") would also catch "ngày sinh".
const PREFIXES = SYNONYMS.filter(({ key }) => key.includes(" ")).sort((a, b) => b.key.length - a.key.length);

/**
 * Guesses which header fills which field from Vietnamese and English names, ignoring case, diacritics and
 * punctuation; exact names first, then headers that start with a name of two words or more. The first
 * header found wins a field; a header fills at most one field.
 */
export function guessMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  const assign = (field: ImportField, index: number) => {
    if (mapping[field] !== undefined || used.has(index)) return;
    mapping[field] = headers[index];
    used.add(index);
  };
  const keys = headers.map((header) => foldLabel(header));
  keys.forEach((key, index) => {
    const match = SYNONYMS.find((s) => s.key === key);
    if (match) assign(match.field, index);
  });
  keys.forEach((key, index) => {
    const match = PREFIXES.find((s) => mapping[s.field] === undefined && key.startsWith(`${s.key} `));
    if (match) assign(match.field, index);
  });
  return mapping;
}

const DEFAULT_MAX_ROWS = 100_000;
const PROGRESS_EVERY = 1_000;
const MAX_CONTENT_LENGTH = 5_000;
const MAX_NAME_LENGTH = 100;
const MAX_REF_LENGTH = 255;
// What the kept parts of a workbook may inflate to: far above 100,000 rows of real opinions, far below a zip bomb.
const MAX_WORKBOOK_BYTES = 1024 * 1024 * 1024;

/** The text of a cell for a one-line field: normalised, runs of white space as one space. */
const lineOf = (cell: ImportCell) => normalizeText(cellText(cell)).replace(/\s+/g, " ");
const isBlank = (cell: ImportCell) => cell === null || (typeof cell === "string" && isBlankText(normalizeText(cell)));

interface Options {
  mapping: ColumnMapping | undefined;
  defaultChannel: OpinionChannel;
  maxRows: number;
  onProgress: ((rowsRead: number, fraction: number) => void) | undefined;
  now: Date;
}

/** The index of the column a header names: its text exactly, else its folded form; -1 when none. */
function columnIndex(headerCells: string[], header: string): number {
  const index = headerCells.indexOf(normalizeText(header));
  return index >= 0 ? index : headerCells.findIndex((cell) => cell !== "" && foldLabel(cell) === foldLabel(header));
}

/** Column index of each mapped field; throws ImportMappingError for an unknown column or no content column. */
function resolveColumns(headerCells: string[], mapping: ColumnMapping): Partial<Record<ImportField, number>> {
  const columns: Partial<Record<ImportField, number>> = {};
  let unknown: string | undefined;
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field];
    if (typeof header !== "string" || header.trim() === "") continue;
    const index = columnIndex(headerCells, header);
    if (index < 0) unknown ??= header;
    else columns[field] = index;
  }
  if (unknown === undefined && columns.content !== undefined) return columns;
  const headers = headerCells.filter((h) => h !== "");
  const known = Object.fromEntries(Object.entries(columns).map(([f, i]) => [f, headerCells[i]]));
  if (unknown !== undefined) throw new ImportMappingError("import.mapping_unknown_column", { column: unknown }, headers, known);
  throw new ImportMappingError("import.content_column_missing", {}, headers, known);
}

/** Turns one data row into an opinion, collecting every error of the row. */
function readRow(cells: ImportCell[], columns: Partial<Record<ImportField, number>>, options: Options) {
  const errors: ImportRowError[] = [];
  const cell = (field: ImportField): ImportCell => {
    const index = columns[field];
    return index === undefined ? null : (cells[index] ?? null);
  };
  const text = (field: ImportField) => normalizeText(cellText(cell(field)));
  const check = <T>(field: ImportField, result: Checked<T>, fallback: T): T => {
    if (result.ok) return result.value;
    errors.push({ field, code: result.code });
    return fallback;
  };
  const line = (field: ImportField, max: number): string | null => {
    const value = lineOf(cell(field));
    if (value.length > max) errors.push({ field, code: "import.value_too_long" });
    return value === "" ? null : value;
  };

  const content = text("content");
  if (isBlankText(content)) errors.push({ field: "content", code: "import.content_missing" });
  else if (content.length > MAX_CONTENT_LENGTH) errors.push({ field: "content", code: "import.content_too_long" });
  const receivedAt = check("receivedAt", parseReceivedAt(cell("receivedAt"), options.now), null);
  const kind = check("kind", parseKind(text("kind")), "reflection");
  const channel = check("channel", parseChannel(text("channel"), options.defaultChannel), options.defaultChannel);
  const name = line("name", MAX_NAME_LENGTH);
  const phone = check("phone", parsePhone(cell("phone")), null);
  const email = check("email", parseEmail(text("email")), null);
  const contact = name || phone || email ? { ...(name && { name }), ...(phone && { phone }), ...(email && { email }) } : null;
  const opinion: Omit<ImportedOpinion, "fingerprint"> = {
    content,
    receivedAt,
    kind,
    channel,
    unitRef: line("unit", MAX_REF_LENGTH),
    topics: parseTopics(text("topics")),
    contact,
    anonymous: contact === null || parseYes(text("anonymous")),
    externalId: line("externalId", MAX_REF_LENGTH),
    locationRef: line("location", MAX_REF_LENGTH),
  };
  return { opinion, errors };
}

/** The identity of an opinion: its id in the source system, else its folded content, time and unit. */
function fingerprintOf(opinion: Omit<ImportedOpinion, "fingerprint">): string {
  const identity =
    opinion.externalId !== null
      ? `id:${opinion.externalId}`
      : [foldForSearch(opinion.content), opinion.receivedAt?.toISOString() ?? "", foldForSearch(opinion.unitRef ?? "")].join("\n");
  return createHash("sha256").update(identity, "utf8").digest("hex");
}

/** Receives the file's rows one at a time (header first) and builds the result, so that nothing else is kept. */
class RowCollector {
  private headers: string[] | null = null;
  private mapping: ColumnMapping = {};
  private columns: Partial<Record<ImportField, number>> = {};
  private readonly rows: ImportRow[] = [];
  private readonly seen = new Set<string>();
  private rowsRead = 0;
  private dataRows = 0;
  /** How much of the file the reader has gone through, 0 to 1 (for progress). */
  position = 0;

  constructor(private readonly options: Options) {}

  add(rowNumber: number, cells: ImportCell[]): void {
    if (this.headers === null) {
      if (!cells.some((c) => !isBlank(c))) return;
      const headerCells = cells.map((c) => lineOf(c));
      this.headers = headerCells.filter((h) => h !== "");
      this.mapping = this.options.mapping ?? guessMapping(headerCells);
      this.columns = resolveColumns(headerCells, this.mapping);
      this.mapping = Object.fromEntries(Object.entries(this.columns).map(([f, i]) => [f, headerCells[i]]));
      return;
    }
    this.rowsRead += 1;
    if (this.rowsRead % PROGRESS_EVERY === 0) this.options.onProgress?.(this.rowsRead, this.position);
    if (cells.every(isBlank)) return;
    this.dataRows += 1;
    if (this.dataRows > this.options.maxRows) throw new ImportFileError("import.too_many_rows", { max: this.options.maxRows });
    const { opinion, errors } = readRow(cells, this.columns, this.options);
    const fingerprint = errors.length === 0 ? fingerprintOf(opinion) : "";
    if (fingerprint !== "" && this.seen.has(fingerprint)) {
      errors.push({ field: opinion.externalId === null ? null : "externalId", code: "import.duplicate_in_file" });
    }
    if (fingerprint !== "") this.seen.add(fingerprint);
    this.rows.push({ rowNumber, opinion: errors.length === 0 ? { ...opinion, fingerprint } : null, errors });
  }

  finish(): ParsedImport {
    if (this.headers === null) throw new ImportFileError("import.header_missing");
    if (this.rowsRead % PROGRESS_EVERY !== 0 || this.position < 1) this.options.onProgress?.(this.rowsRead, 1);
    return { headers: this.headers, mapping: this.mapping, rows: this.rows };
  }
}

/** An error of the caller's code (the collector, onProgress), carried unchanged through the XLSX reader's catch. */
class Passthrough {
  constructor(readonly error: unknown) {}
}

async function readCsv(data: Buffer, collector: RowCollector, maxRows: number): Promise<void> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data).replace(/^\ufeff/, "");
  } catch {
    throw new ImportFileError("import.encoding_invalid");
  }
  if (text.trim() === "") throw new ImportFileError("import.file_empty");
  const records: string[][] = [];
  let nonBlank = 0;
  Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    skipEmptyLines: false,
    step: (result, parser) => {
      records.push(result.data);
      if (result.data.some((v) => v.trim() !== "")) nonBlank += 1;
      // The header and maxRows data rows, and one more to know there are too many.
      if (nonBlank > maxRows + 1) parser.abort();
    },
  });
  for (const [index, record] of records.entries()) {
    collector.position = index / records.length;
    collector.add(index + 1, record);
    if (index % PROGRESS_EVERY === 0) await nextTurn(); // let the server answer other requests
  }
}

/**
 * The delimiter most used in the header line (outside quotes): comma, semicolon (Vietnamese Excel) or tab.
 * Only the header counts: commas and semicolons in opinions say nothing. A one-column file gets a comma.
 */
function detectDelimiter(text: string): string {
  const counts = new Map([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  let inHeader = false;
  for (const char of text.slice(0, 64 * 1024)) {
    if (char === '"') quoted = !quoted;
    if (quoted) continue;
    if ((char === "\n" || char === "\r") && inHeader) break;
    if (counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
    if (char.trim() !== "") inHeader = true;
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

async function readXlsx(data: Buffer, collector: RowCollector): Promise<void> {
  const parts = await prepareWorkbook(data, MAX_WORKBOOK_BYTES);
  if (parts === "too_large") throw new ImportFileError("import.file_too_large", { maxBytes: MAX_WORKBOOK_BYTES });
  if (parts === "unreadable") throw new ImportFileError("import.file_unreadable");
  const size = parts.size;
  let bytesRead = 0;
  async function* counted(chunks: AsyncIterable<Buffer>) {
    for await (const chunk of chunks) {
      yield chunk;
      bytesRead += chunk.length;
      collector.position = Math.min(bytesRead / size, 1);
    }
  }
  try {
    const reader = readPreparedWorkbook(counted(parts.chunks));
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellFromExcel(values[i + 1]));
        try {
          collector.add(row.number, cells);
        } catch (error) {
          throw new Passthrough(error);
        }
      }
    }
  } catch (error) {
    if (error instanceof Passthrough) throw error.error;
    throw new ImportFileError("import.file_unreadable");
  }
}

/**
 * Reads a CSV (UTF-8, BOM optional, delimiter , ; or tab) or XLSX (first worksheet, streamed) file of
 * opinions. The header is the first non-blank row; columns are mapped by `mapping` when given (it replaces
 * the guess entirely), else by `guessMapping`. Blank rows are skipped; every other row is checked in full.
 * A row repeating an earlier one (same fingerprint) is refused as "import.duplicate_in_file". Throws only
 * ImportFileError, for the file as a whole.
 */
export async function parseImportFile(input: {
  data: Buffer;
  fileName: string;
  mapping?: ColumnMapping;
  defaultChannel?: OpinionChannel;
  maxRows?: number;
  /** Called every 1,000 rows read and at the end: rows read, and the share of the file read (0 to 1). */
  onProgress?: (rowsRead: number, fraction: number) => void;
}): Promise<ParsedImport> {
  const extension = /\.([^./\\]+)$/.exec(input.fileName.trim())?.[1]?.toLowerCase();
  if (extension !== "csv" && extension !== "xlsx") throw new ImportFileError("import.unsupported_format");
  if (input.data.length === 0) throw new ImportFileError("import.file_empty");
  const maxRows = input.maxRows ?? DEFAULT_MAX_ROWS;
  const collector = new RowCollector({
    mapping: input.mapping,
    defaultChannel: input.defaultChannel ?? "import",
    maxRows,
    onProgress: input.onProgress,
    now: clockNow(),
  });
  if (extension === "csv") await readCsv(input.data, collector, maxRows);
  else await readXlsx(input.data, collector);
  return collector.finish();
}
