import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { Day } from "../http/schemas.ts";
import { prepareWorkbook, readPreparedWorkbook } from "../opinions/opinions.import-values.ts";
import type { Question } from "./surveys.templates.ts";

/** One filled paper form read from a spreadsheet row. */
export interface PaperRow {
  rowNumber: number;
  clientKey: string;
  answeredOn: string;
  answers: Record<string, unknown>;
}

/** A row that could not be read, and why (the whole file is refused: nothing half-imported). */
export interface PaperRowProblem {
  rowNumber: number;
  detail: string;
}

const DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A deterministic client key per file and row: importing the same file again adds nothing. */
function rowKey(fileHash: string, rowNumber: number): string {
  const h = createHash("sha256").update(`${fileHash}:${rowNumber}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// A day of the calendar in the window the API accepts, as a keyed-in form's `answeredOn` must be.
function dayOf(value: ExcelJS.CellValue): string | undefined {
  const match = value instanceof Date ? null : DAY.exec(String(value ?? "").trim());
  const day = value instanceof Date ? value.toISOString().slice(0, 10) : match && `${match[3]}-${match[2]!.padStart(2, "0")}-${match[1]!.padStart(2, "0")}`;
  return day && Day.safeParse(day).success ? day : undefined;
}

function answerOf(question: Question, value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined || String(value).trim() === "") return null;
  const text = String(value).trim();
  if (question.type === "likert" || question.type === "number") return Number(text.replace(",", "."));
  if (question.type === "yes_no") return ["có", "co", "yes", "1", "x"].includes(text.toLowerCase()) ? true : ["không", "khong", "no", "0"].includes(text.toLowerCase()) ? false : text;
  return text;
}

// What the parts of a workbook read here may inflate to (far above thousands of forms, far below a zip bomb),
// and the forms one sheet may hold.
const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;
const MAX_ROWS = 10_000;
const refused = (detail: string) => ({ rows: [], problems: [{ rowNumber: 0, detail }] });

/** The header's question columns (its number or id), after the "Ngày" column. */
const columnsOf = (values: ExcelJS.CellValue[], questions: readonly Question[]) =>
  values.slice(1).map((v) => String(v ?? "").trim()).map((name) => questions.find((q, i) => q.id === name || String(i + 1) === name));

/**
 * Reads filled paper forms from an XLSX sheet: a header row with "Ngày" then one column per question (its
 * number or id), then one row per form. Answers are checked later against the questions, like any others.
 * The workbook is checked and streamed as the opinion import does (prepareWorkbook), never inflated whole.
 */
export async function readPaperSheet(data: Buffer, questions: readonly Question[]): Promise<{ rows: PaperRow[]; problems: PaperRowProblem[] }> {
  const parts = await prepareWorkbook(data, MAX_WORKBOOK_BYTES);
  if (parts === "unreadable") return refused("not an XLSX file");
  if (parts === "too_large") return refused("file too large");
  const fileHash = createHash("sha256").update(data).digest("hex");
  const problems: PaperRowProblem[] = [];
  const rows: PaperRow[] = [];
  let columns: (Question | undefined)[] = [];
  try {
    const reader = readPreparedWorkbook(parts.chunks);
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (Array.isArray(row.values) ? row.values : []).slice(1) as ExcelJS.CellValue[];
        if (row.number === 1) {
          columns = columnsOf(values, questions);
          if (columns.some((c) => c === undefined)) problems.push({ rowNumber: 1, detail: "unknown question column" });
          continue;
        }
        if (row.number > MAX_ROWS + 1) return { rows: [], problems: [{ rowNumber: row.number, detail: "too many rows" }] };
        if (values.every((v) => v === null || v === undefined || String(v).trim() === "")) continue;
        const answeredOn = dayOf(values[0] ?? null);
        if (!answeredOn) {
          problems.push({ rowNumber: row.number, detail: "date" });
          continue;
        }
        const answers: Record<string, unknown> = {};
        columns.forEach((q, i) => {
          if (q) answers[q.id] = answerOf(q, values[i + 1] ?? null);
        });
        rows.push({ rowNumber: row.number, clientKey: rowKey(fileHash, row.number), answeredOn, answers });
      }
    }
  } catch {
    return refused("not an XLSX file");
  }
  return { rows, problems };
}

/** An empty sheet to fill: "Ngày" then the question numbers, with the questions' texts on a second sheet. */
export async function paperTemplateXlsx(questions: readonly Question[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const forms = workbook.addWorksheet("Phiếu");
  forms.addRow(["Ngày", ...questions.map((_, i) => String(i + 1))]).font = { bold: true };
  const legend = workbook.addWorksheet("Câu hỏi");
  legend.addRow(["Số", "Câu hỏi", "Cách ghi"]).font = { bold: true };
  questions.forEach((q, i) =>
    legend.addRow([i + 1, q.text.vi, q.type === "likert" ? "1 = Rất không hài lòng … 5 = Rất hài lòng; để trống nếu không trả lời" : q.type === "yes_no" ? "có / không" : ""]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
