import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBlankText, normalizeText } from "../text/vietnamese.ts";
import {
  guessMapping,
  ImportFileError,
  parseImportFile,
  type ColumnMapping,
  type ImportRow,
  type ParsedImport,
} from "./opinions.import.ts";
import { OPINION_CHANNELS, OPINION_KINDS } from "./opinions.workflow.ts";
import { useSuiteClock } from "../../test/clock.ts";
import { nowMs } from "../calendar/clock.ts";

useSuiteClock();

type Cell = ExcelJS.CellValue;

/** A real XLSX file, written by exceljs as Excel would save it. */
async function xlsx(rows: Cell[][], extraSheets: Record<string, Cell[][]> = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Ý kiến");
  for (const row of rows) sheet.addRow(row);
  for (const [name, more] of Object.entries(extraSheets)) workbook.addWorksheet(name).addRows(more);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV file as a spreadsheet program writes it: fields quoted when they must be. */
function csv(rows: string[][], { delimiter = ",", bom = false, eol = "\r\n" } = {}): Buffer {
  const quote = (field: string) =>
    /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replace(/"/g, '""')}"` : field;
  const text = rows.map((row) => row.map(quote).join(delimiter)).join(eol) + eol;
  return Buffer.from((bom ? "\ufeff" : "") + text, "utf8");
}

/** The error a promise rejects with, or fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

const contents = (parsed: ParsedImport) => parsed.rows.map((row) => row.opinion?.content);
const errorsOf = (row: ImportRow | undefined) => row?.errors.map((e) => `${e.field}:${e.code}`);
// 15/03/2025 10:30 in Vietnam.
const MARCH_15_1030 = new Date("2025-03-15T03:30:00Z");

describe("parseImportFile: XLSX", () => {
  it("reads Vietnamese headers, an Excel date cell in Vietnam's time, rich text, a formula result and NFD text", async () => {
    const data = await xlsx([
      ["Nội dung ý kiến", "Ngày nhận", "Loại", "Kênh", "Đơn vị tiếp nhận", "Họ và tên", "Số điện thoại", "Xã/Phường"],
      [
        "Đề nghị tăng cường tuần tra ban đêm".normalize("NFD"),
        new Date(Date.UTC(2025, 2, 15, 10, 30)), // Excel stores the wall-clock time 15/03/2025 10:30
        "Kiến nghị",
        "Phiếu lấy ý kiến",
        "Công an xã Thiệu Hóa",
        "Nguyễn Văn An".normalize("NFD"),
        912345678, // typed as a number: Excel dropped the leading 0
        "Xã Thiệu Hóa",
      ],
      [
        { richText: [{ text: "Cảm ơn " }, { font: { bold: true }, text: "đồng chí công an khu vực" }] },
        "16/03/2025 08:05",
        { formula: 'CONCATENATE("Biểu"," dương")', result: "Biểu dương" },
        { text: "Cổng thông tin", hyperlink: "https://example.vn" },
        "Công an xã Thiệu Hóa",
        null,
        null,
        null,
      ],
    ]);
    const parsed = await parseImportFile({ data, fileName: "Y KIEN.XLSX" });

    expect(parsed.headers).toEqual(["Nội dung ý kiến", "Ngày nhận", "Loại", "Kênh", "Đơn vị tiếp nhận", "Họ và tên", "Số điện thoại", "Xã/Phường"]);
    expect(parsed.mapping).toEqual({
      content: "Nội dung ý kiến",
      receivedAt: "Ngày nhận",
      kind: "Loại",
      channel: "Kênh",
      unit: "Đơn vị tiếp nhận",
      name: "Họ và tên",
      phone: "Số điện thoại",
      location: "Xã/Phường",
    });
    const [first, second] = parsed.rows;
    expect(first?.rowNumber).toBe(2);
    expect(first?.errors).toEqual([]);
    expect(first?.opinion).toMatchObject({
      content: "Đề nghị tăng cường tuần tra ban đêm".normalize("NFC"),
      receivedAt: MARCH_15_1030,
      kind: "recommendation",
      channel: "paper_form",
      unitRef: "Công an xã Thiệu Hóa",
      contact: { name: "Nguyễn Văn An".normalize("NFC"), phone: "0912345678" },
      anonymous: false,
      locationRef: "Xã Thiệu Hóa",
      externalId: null,
    });
    expect(first?.opinion?.content).not.toBe("Đề nghị tăng cường tuần tra ban đêm".normalize("NFD"));
    expect(second?.rowNumber).toBe(3);
    expect(second?.opinion).toMatchObject({
      content: "Cảm ơn đồng chí công an khu vực",
      receivedAt: new Date("2025-03-16T01:05:00Z"),
      kind: "praise",
      channel: "web",
      contact: null,
      anonymous: true,
    });
    expect(second?.opinion?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("guesses the columns from headers written without diacritics, in capitals or with punctuation", async () => {
    const data = await xlsx([
      ["NOI DUNG (*)", "Ngay gui:", "phan loai", "HINH THUC", "Don vi", "Chu de", "Ho ten", "SDT", "Thu dien tu", "An danh", "Ma ho so", "Dia ban"],
      ["Đường tối", "01/02/2025", "phan anh", "duong day nong", "CA phường 1", "An ninh trật tự; Giao thông", "Trần B", "0912 345 678", "B@Example.VN", "có", "HS-001", "Phường 1"],
    ]);
    const parsed = await parseImportFile({ data, fileName: "import.xlsx" });
    expect(Object.keys(parsed.mapping).sort()).toEqual(
      ["anonymous", "channel", "content", "email", "externalId", "kind", "location", "name", "phone", "receivedAt", "topics", "unit"].sort(),
    );
    expect(parsed.rows[0]?.opinion).toMatchObject({
      content: "Đường tối",
      receivedAt: new Date("2025-01-31T17:00:00Z"),
      kind: "reflection",
      channel: "hotline",
      unitRef: "CA phường 1",
      topics: ["an_ninh_trat_tu", "giao_thong"],
      contact: { name: "Trần B", phone: "0912345678", email: "b@example.vn" },
      anonymous: true,
      externalId: "HS-001",
      locationRef: "Phường 1",
    });
  });

  it("reads a date cell that lost its date format (an Excel serial number) as a time in Vietnam", async () => {
    const data = await xlsx([["Nội dung", "Ngày"], ["Ý kiến", 45731.4375]]);
    const parsed = await parseImportFile({ data, fileName: "a.xlsx" });
    expect(parsed.rows[0]?.opinion?.receivedAt).toEqual(MARCH_15_1030);
  });

  it("refuses a small number in the date column (a year typed there), not reading it as a day of 1905", async () => {
    const parsed = await parseImportFile({ data: await xlsx([["Nội dung", "Ngày"], ["Ý kiến", 2025]]), fileName: "a.xlsx" });
    expect(errorsOf(parsed.rows[0])).toEqual(["receivedAt:import.date_invalid"]);
  });

  it("refuses a date of receipt before 2000 and content made only of invisible characters", async () => {
    const data = csv([["Nội dung", "Ngày"], ["Ý kiến", "31/12/1999"], ["\u3164\u200b\u2800\u00ad", "01/01/2000"]]);
    const parsed = await parseImportFile({ data, fileName: "a.csv" });
    expect(errorsOf(parsed.rows[0])).toEqual(["receivedAt:import.date_out_of_range"]);
    expect(errorsOf(parsed.rows[1])).toEqual(["content:import.content_missing"]);
  });

  it("reads the first worksheet only", async () => {
    const data = await xlsx([["Nội dung"], ["Trang một"]], { "Hướng dẫn": [["Nội dung"], ["Trang hai"]] });
    const parsed = await parseImportFile({ data, fileName: "a.xlsx" });
    expect(contents(parsed)).toEqual(["Trang một"]);
  });

  it("skips blank rows silently and numbers rows as the spreadsheet shows them", async () => {
    const data = await xlsx([["Nội dung", "Ghi chú"], ["Một"], [null, "   "], [], ["Bốn"]]);
    const parsed = await parseImportFile({ data, fileName: "a.xlsx" });
    expect(parsed.rows.map((r) => [r.rowNumber, r.opinion?.content])).toEqual([
      [2, "Một"],
      [5, "Bốn"],
    ]);
  });
});

describe("parseImportFile: CSV", () => {
  it("reads a UTF-8 CSV with a BOM, semicolons (Vietnamese Excel) and quoted fields with newlines and semicolons", async () => {
    const data = csv(
      [
        ["Nội dung", "Ngày", "Đơn vị"],
        ["Dòng một\r\nDòng hai; vẫn nội dung", "15/03/2025 10:30", "CA xã A"],
        ['Có "ngoặc kép", dấu phẩy', "2025-03-15", "CA xã A"],
      ],
      { delimiter: ";", bom: true },
    );
    const parsed = await parseImportFile({ data, fileName: "export.csv" });
    expect(parsed.headers).toEqual(["Nội dung", "Ngày", "Đơn vị"]);
    expect(parsed.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(contents(parsed)).toEqual(["Dòng một\nDòng hai; vẫn nội dung", 'Có "ngoặc kép", dấu phẩy']);
    expect(parsed.rows[0]?.opinion?.receivedAt).toEqual(MARCH_15_1030);
    expect(parsed.rows[1]?.opinion?.receivedAt).toEqual(new Date("2025-03-14T17:00:00Z"));
  });

  it.each([
    ["comma", ","],
    ["tab", "\t"],
    ["semicolon", ";"],
  ])("detects a %s delimiter from the header line", async (_name, delimiter) => {
    const data = csv([["Nội dung", "Đơn vị"], ["Ý kiến, có; dấu\tcâu", "CA xã A"]], { delimiter, eol: "\n" });
    const parsed = await parseImportFile({ data, fileName: "a.csv" });
    expect(contents(parsed)).toEqual(["Ý kiến, có; dấu\tcâu"]);
    expect(parsed.rows[0]?.opinion?.unitRef).toBe("CA xã A");
  });

  it("keeps a one-column file whole, semicolons in its opinions included", async () => {
    const parsed = await parseImportFile({ data: Buffer.from("Ý kiến\nMột; hai\n"), fileName: "a.csv" });
    expect(contents(parsed)).toEqual(["Một; hai"]);
  });

  it("refuses a CSV that is not UTF-8 (saved by old Excel in Windows-1258)", async () => {
    const data = Buffer.from([0x4e, 0xf4, 0x69, 0x20, 0x64, 0x75, 0x6e, 0x67, 0x0a, 0xd0, 0xe1]);
    expect((await rejection(parseImportFile({ data, fileName: "a.csv" }))).code).toBe("import.encoding_invalid");
  });
});

describe("parseImportFile: values and per-row errors", () => {
  it("reports every error of every bad row and still parses the good rows", async () => {
    const data = csv([
      ["Nội dung", "Ngày", "Loại", "Kênh", "Điện thoại", "Email"],
      ["Tốt một", "15/03/2025", "khen ngợi", "hội nghị", "+84 912 345 678", "A@B.VN"],
      ["", "31/02/2025", "linh tinh", "bồ câu đưa thư", "12345", "không-phải-email"],
      ["x".repeat(5001), "", "", "", "", ""],
      ["Tương lai", "01/01/2999", "", "", "", ""],
      ["Ngày giờ sai", "15/03/2025 25:00", "", "", "0912.345.678.999", ""],
      ["Tốt hai", "2025-03-15T10:30:00+07:00", "tố giác tội phạm", "", "", ""],
    ]);
    const parsed = await parseImportFile({ data, fileName: "mixed.csv" });
    expect(parsed.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7]);
    const [good, bad, long, future, badTime, good2] = parsed.rows;
    expect(good?.opinion).toMatchObject({ kind: "praise", channel: "forum", contact: { phone: "0912345678", email: "a@b.vn" } });
    expect(errorsOf(bad)).toEqual([
      "content:import.content_missing",
      "receivedAt:import.date_invalid",
      "kind:import.kind_unknown",
      "channel:import.channel_unknown",
      "phone:import.phone_invalid",
      "email:import.email_invalid",
    ]);
    expect(bad?.opinion).toBeNull();
    expect(errorsOf(long)).toEqual(["content:import.content_too_long"]);
    expect(errorsOf(future)).toEqual(["receivedAt:import.date_future"]);
    expect(errorsOf(badTime)).toEqual(["receivedAt:import.date_invalid", "phone:import.phone_invalid"]);
    expect(good2?.opinion).toMatchObject({ receivedAt: MARCH_15_1030, kind: "crime_report", channel: "import" });
  });

  it("accepts content of exactly 5,000 characters", async () => {
    const parsed = await parseImportFile({ data: csv([["Nội dung"], ["ệ".repeat(5000)]]), fileName: "a.csv" });
    expect(parsed.rows[0]?.errors).toEqual([]);
  });

  it.each([
    ["15/03/2025 10:30", "2025-03-15T03:30:00Z"],
    ["15/03/2025 10:30:15", "2025-03-15T03:30:15Z"],
    ["5/3/2025", "2025-03-04T17:00:00Z"],
    ["05-03-2025", "2025-03-04T17:00:00Z"],
    ["2025-03-15", "2025-03-14T17:00:00Z"],
    ["2025-03-15 10:30", "2025-03-15T03:30:00Z"],
    ["2025-03-15T10:30:00Z", "2025-03-15T10:30:00Z"],
    ["2025-03-15T10:30:00.250+07:00", "2025-03-15T03:30:00.250Z"],
    ["29/02/2024", "2024-02-28T17:00:00Z"],
  ])("reads the date %s as %s", async (written, instant) => {
    const parsed = await parseImportFile({ data: csv([["Nội dung", "Ngày"], ["Ý kiến", written]]), fileName: "a.csv" });
    expect(parsed.rows[0]?.opinion?.receivedAt?.toISOString()).toBe(new Date(instant).toISOString());
  });

  it.each(["31/02/2025", "29/02/2025", "32/01/2025", "15/13/2025", "2025-02-30", "15/03/25", "hôm qua", "15/03/2025 10:60", "0099-01-01"])(
    "refuses the impossible date %s",
    async (written) => {
      const parsed = await parseImportFile({ data: csv([["Nội dung", "Ngày"], ["Ý kiến", written]]), fileName: "a.csv" });
      expect(errorsOf(parsed.rows[0])).toEqual(["receivedAt:import.date_invalid"]);
    },
  );

  it("accepts a date less than a day ahead (clock skew, time zones) and refuses one further ahead", async () => {
    const soon = new Date(nowMs() + 12 * 60 * 60 * 1000).toISOString();
    const later = new Date(nowMs() + 26 * 60 * 60 * 1000).toISOString();
    const parsed = await parseImportFile({
      data: csv([["Nội dung", "Ngày"], ["Một", soon], ["Hai", later]]),
      fileName: "a.csv",
    });
    expect(parsed.rows.map((r) => r.errors.map((e) => e.code))).toEqual([[], ["import.date_future"]]);
  });

  it.each([
    ["Biểu dương", "praise"],
    ["CẢM ƠN", "praise"],
    ["phan anh", "reflection"],
    ["Feedback", "reflection"],
    ["Đề xuất", "recommendation"],
    ["góp ý", "recommendation"],
    ["Hỏi đáp", "question"],
    ["Tin báo", "crime_report"],
    ["Crime report", "crime_report"],
    ["khiếu nại", "complaint"],
    ["Tố cáo", "denunciation"],
    ["Phản ánh, kiến nghị về quy định hành chính", "regulation_feedback"],
    ["Khẩn cấp!", "emergency"],
    ["", "reflection"],
  ])("maps the kind label %j to %s", async (label, kind) => {
    const parsed = await parseImportFile({ data: csv([["Nội dung", "Loại"], ["Ý kiến", label]]), fileName: "a.csv" });
    expect(parsed.rows[0]?.opinion?.kind).toBe(kind);
  });

  it("maps every kind's code too, so a file exported by this platform imports back", async () => {
    const rows = OPINION_KINDS.map((kind, i) => [`Ý kiến ${i}`, kind]);
    const parsed = await parseImportFile({ data: csv([["Nội dung", "Loại"], ...rows]), fileName: "a.csv" });
    expect(parsed.rows.map((r) => r.opinion?.kind)).toEqual([...OPINION_KINDS]);
  });

  it.each([
    ["Diễn đàn", "forum"],
    ["Lắng nghe ý kiến Nhân dân", "forum"],
    ["Phiếu khảo sát", "paper_form"],
    ["Văn bản góp ý", "q4_letter"],
    ["Đơn thư", "letter"],
    ["Trực tiếp", "in_person"],
    ["Hòm thư góp ý", "suggestion_box"],
    ["Điện thoại", "hotline"],
    ["Email", "email"],
    ["Zalo", "zalo"],
    ["Website", "web"],
    ["Google Forms", "import"],
    ["Báo chí", "media"],
    ["Khác", "other"],
  ])("maps the channel label %j to %s", async (label, channel) => {
    const parsed = await parseImportFile({ data: csv([["Nội dung", "Kênh"], ["Ý kiến", label]]), fileName: "a.csv" });
    expect(parsed.rows[0]?.opinion?.channel).toBe(channel);
  });

  it("maps every channel's code, and a blank channel to the default channel given", async () => {
    const rows = OPINION_CHANNELS.map((channel, i) => [`Ý kiến ${i}`, channel]);
    const parsed = await parseImportFile({
      data: csv([["Nội dung", "Kênh"], ...rows, ["Không ghi kênh", ""]]),
      fileName: "a.csv",
      defaultChannel: "forum",
    });
    expect(parsed.rows.map((r) => r.opinion?.channel)).toEqual([...OPINION_CHANNELS, "forum"]);
  });

  it("reads anonymity from the column, and treats a row without name, phone or e-mail as anonymous", async () => {
    const parsed = await parseImportFile({
      data: csv([
        ["Nội dung", "Họ tên", "Ẩn danh"],
        ["Một", "Lê C", "x"],
        ["Hai", "Lê C", "không"],
        ["Ba", "", ""],
      ]),
      fileName: "a.csv",
    });
    expect(parsed.rows.map((r) => r.opinion?.anonymous)).toEqual([true, false, true]);
  });
});

describe("parseImportFile: column mapping", () => {
  // A Google Forms export: the timestamp column, then the questions as headers, in English.
  const googleForms = () =>
    csv([
      ["Timestamp", "Which police unit is this about?", "What would you like to tell us?", "Your name (optional)", "Email Address"],
      ["15/03/2025 10:30:00", "Công an phường Đông Sơn", "Cảnh sát khu vực rất tận tình", "", "dan@example.com"],
    ]);

  it("uses an explicit mapping of a Google Forms export with English question headers", async () => {
    const mapping: ColumnMapping = {
      receivedAt: "Timestamp",
      unit: "Which police unit is this about?",
      content: "What would you like to tell us?",
      name: "Your name (optional)",
      email: "Email Address",
    };
    const parsed = await parseImportFile({ data: googleForms(), fileName: "Form responses 1.csv", mapping });
    expect(parsed.mapping).toEqual(mapping);
    expect(parsed.rows[0]?.opinion).toMatchObject({
      content: "Cảnh sát khu vực rất tận tình",
      receivedAt: MARCH_15_1030,
      unitRef: "Công an phường Đông Sơn",
      contact: { email: "dan@example.com" },
      channel: "import",
    });
  });

  it("refuses a file whose content column cannot be guessed", async () => {
    const error = await rejection(parseImportFile({ data: googleForms(), fileName: "a.csv" }));
    expect(error.code).toBe("import.content_column_missing");
  });

  it("refuses a mapping that names a column not in the file, saying which", async () => {
    const error = await rejection(
      parseImportFile({ data: googleForms(), fileName: "a.csv", mapping: { content: "What would you like to tell us?", phone: "Phone" } }),
    );
    expect(error.code).toBe("import.mapping_unknown_column");
    expect(error.params).toEqual({ column: "Phone" });
  });

  it.each([
    ["Nội dung", "content"],
    ["NỘI DUNG PHẢN ÁNH", "content"],
    ["Ý kiến", "content"],
    ["Message", "content"],
    ["Dấu thời gian", "receivedAt"],
    ["Thời gian", "receivedAt"],
    ["Loại ý kiến", "kind"],
    ["Nguồn", "channel"],
    ["Đơn vị tiếp nhận", "unit"],
    ["Lĩnh vực", "topics"],
    ["Người gửi", "name"],
    ["Full name", "name"],
    ["Sđt", "phone"],
    ["E-mail", "email"],
    ["Anonymous", "anonymous"],
    ["Mã số", "externalId"],
    ["ID", "externalId"],
    ["Xã", "location"],
    ["Commune", "location"],
  ])("guesses that the header %j is %s", (header, field) => {
    expect(guessMapping(["Ghi chú", header])).toEqual({ [field]: header });
  });

  it("guesses a long question that starts with a known header, but not 'Ngày sinh' as the date received", () => {
    expect(guessMapping(["Ngày sinh", "Nội dung ý kiến của ông/bà", "Số điện thoại liên hệ"])).toEqual({
      content: "Nội dung ý kiến của ông/bà",
      phone: "Số điện thoại liên hệ",
    });
  });

  it("gives a field to the first matching header and a header to one field only", () => {
    expect(guessMapping(["Ngày", "Ngày nhận", "Nội dung"])).toEqual({ receivedAt: "Ngày", content: "Nội dung" });
  });
});

describe("parseImportFile: whole-file errors", () => {
  it.each(["opinions.xls", "opinions.txt", "opinions", "opinions.csv.exe", "opinions.ods"])(
    "refuses the file name %s as an unsupported format",
    async (fileName) => {
      const error = await rejection(parseImportFile({ data: csv([["Nội dung"], ["x"]]), fileName }));
      expect(error.code).toBe("import.unsupported_format");
    },
  );

  it.each([
    ["an empty CSV", Buffer.alloc(0), "a.csv", "import.file_empty"],
    ["a CSV of white space and a BOM", Buffer.from("\ufeff \r\n\r\n"), "a.csv", "import.file_empty"],
    ["an empty XLSX", Buffer.alloc(0), "a.xlsx", "import.file_empty"],
    ["a CSV of empty cells only", Buffer.from(";;;\n;;;\n"), "a.csv", "import.header_missing"],
  ])("refuses %s", async (_label, data, fileName, code) => {
    expect((await rejection(parseImportFile({ data, fileName }))).code).toBe(code);
  });

  it("refuses an XLSX whose first worksheet is empty (no header row)", async () => {
    const error = await rejection(parseImportFile({ data: await xlsx([]), fileName: "a.xlsx" }));
    expect(error.code).toBe("import.header_missing");
  });

  it("refuses random bytes named .xlsx, a truncated or corrupted workbook and a zip without a worksheet", async () => {
    const workbook = await xlsx([["Nội dung"], ...Array.from({ length: 200 }, (_, i) => [`Ý kiến số ${i}`])]);
    const sheetAt = workbook.indexOf("xl/worksheets/sheet1.xml");
    const corrupted = Buffer.from(workbook);
    // Inside the deflated worksheet: exceljs alone waits forever on this one.
    corrupted.fill(0x55, sheetAt + 40, sheetAt + 80);
    const noWorksheet = Buffer.from(workbook.toString("latin1").replaceAll("xl/worksheets/sheet1.xml", "xl/worksheets/sheetA.xml"), "latin1");
    const files = [randomBytes(4096), workbook.subarray(0, Math.floor(workbook.length * 0.8)), corrupted, noWorksheet];
    for (const data of files) {
      expect((await rejection(parseImportFile({ data, fileName: "a.xlsx" }))).code).toBe("import.file_unreadable");
    }
  });

  it("keeps every Vietnamese letter of a worksheet larger than one read chunk intact", async () => {
    const opinions = Array.from({ length: 3000 }, (_, i) => `Ý kiến ${i}: người dân phản ánh đường ổ gà, đề nghị sửa`);
    const parsed = await parseImportFile({ data: await xlsx([["Nội dung"], ...opinions.map((o) => [o])]), fileName: "a.xlsx" });
    expect(contents(parsed)).toEqual(opinions);
  });

  it("refuses more data rows than maxRows, saying the limit, and accepts exactly maxRows", async () => {
    const rows = [["Nội dung"], ["1"], [""], ["2"], ["3"]];
    const accepted = await parseImportFile({ data: csv(rows), fileName: "a.csv", maxRows: 3 });
    expect(accepted.rows).toHaveLength(3);
    for (const [data, fileName] of [
      [csv([...rows, ["4"]]), "a.csv"],
      [await xlsx([...rows, ["4"]]), "a.xlsx"],
    ] as const) {
      const error = await rejection(parseImportFile({ data, fileName, maxRows: 3 }));
      expect(error.code).toBe("import.too_many_rows");
      expect(error.params).toEqual({ max: 3 });
    }
  });
});

describe("parseImportFile: fingerprints and duplicates", () => {
  const rows = [
    ["Mã hồ sơ", "Nội dung", "Ngày", "Đơn vị"],
    ["", "Đèn đường hỏng ở thôn Đông", "15/03/2025", "CA xã A"],
    ["", "Cảm ơn công an xã", "15/03/2025", "CA xã A"],
    ["", "ĐÈN ĐƯỜNG  HỎNG Ở THÔN ĐÔNG", "15/03/2025", "ca xa a"],
    ["", "Đèn đường hỏng ở thôn Đông", "15/03/2025", "CA xã B"],
    ["VNEID-7", "Một ý kiến", "", ""],
    ["VNEID-7", "Một ý kiến, gửi lại", "", ""],
  ];

  it("flags the second occurrence of the same opinion (same id, or same content, date and unit)", async () => {
    const parsed = await parseImportFile({ data: csv(rows), fileName: "a.csv" });
    expect(parsed.rows.map(errorsOf)).toEqual([
      [],
      [],
      ["null:import.duplicate_in_file"],
      [],
      [],
      ["externalId:import.duplicate_in_file"],
    ]);
  });

  it("gives the same fingerprints when the same file is imported again, and from CSV or XLSX alike", async () => {
    const first = await parseImportFile({ data: csv(rows), fileName: "a.csv" });
    const again = await parseImportFile({ data: csv(rows), fileName: "a.csv" });
    const asXlsx = await parseImportFile({ data: await xlsx(rows), fileName: "a.xlsx" });
    const fingerprints = (parsed: ParsedImport) => parsed.rows.map((r) => r.opinion?.fingerprint ?? null);
    expect(fingerprints(first).filter((f) => f !== null)).toHaveLength(4);
    expect(new Set(fingerprints(first).filter((f) => f !== null)).size).toBe(4);
    expect(fingerprints(again)).toEqual(fingerprints(first));
    expect(fingerprints(asXlsx)).toEqual(fingerprints(first));
  });
});

describe("parseImportFile: a 100,000-row workbook", () => {
  it("streams all rows and reports progress at least every 1,000 rows", async () => {
    const count = 100_000;
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
    const sheet = writer.addWorksheet("Ý kiến");
    sheet.addRow(["Mã hồ sơ", "Nội dung ý kiến", "Ngày nhận", "Loại", "Đơn vị", "Số điện thoại"]).commit();
    for (let i = 0; i < count; i += 1) {
      sheet.addRow([`HS-${i}`, `Ý kiến số ${i}: đề nghị tăng cường tuần tra`, 45731.4375, "Kiến nghị", "CA xã A", "0912345678"]).commit();
    }
    sheet.commit();
    await writer.commit();
    const data = Buffer.concat(chunks);

    const progress: number[] = [];
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const parsed = await parseImportFile({ data, fileName: "big.xlsx", onProgress: (n) => progress.push(n) });
    const seconds = (performance.now() - started) / 1000;
    const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;

    expect(parsed.rows).toHaveLength(count);
    expect(parsed.rows.every((r) => r.errors.length === 0)).toBe(true);
    expect(parsed.rows[count - 1]).toMatchObject({ rowNumber: count + 1, opinion: { externalId: `HS-${count - 1}` } });
    expect(progress.at(-1)).toBe(count);
    progress.forEach((n, i) => expect(n - (progress[i - 1] ?? 0)).toBeLessThanOrEqual(1000));
    console.info(`100,000-row XLSX (${(data.length / 1e6).toFixed(1)} MB): ${seconds.toFixed(1)} s, RSS +${rssGrowthMb.toFixed(0)} MB`);
    expect(seconds).toBeLessThan(20);
  }, 120_000);
});

describe("parseImportFile: properties", () => {
  it("throws nothing but ImportFileError for any bytes named .csv or .xlsx (property)", async () => {
    const zipLike = fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.concat([Buffer.from("PK\u0003\u0004"), bytes]));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)), zipLike),
        fc.constantFrom("a.csv", "a.xlsx"),
        async (data, fileName) => {
          const outcome = await parseImportFile({ data, fileName }).then(
            () => null,
            (e: unknown) => e,
          );
          if (outcome !== null) expect(outcome).toBeInstanceOf(ImportFileError);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("throws nothing but ImportFileError for a real workbook with bytes overwritten (property)", async () => {
    const workbook = await xlsx([["Nội dung", "Ngày"], ["Một", new Date()], ["Hai", "01/01/2025"]]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(workbook.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        async (edits) => {
          const data = Buffer.from(workbook);
          for (const [at, byte] of edits) data[at] = byte;
          const outcome = await parseImportFile({ data, fileName: "a.xlsx" }).then(
            () => null,
            (e: unknown) => e,
          );
          if (outcome !== null) expect(outcome).toBeInstanceOf(ImportFileError);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("returns exactly the contents written to a CSV, as NFC, in order (property)", async () => {
    const content = fc
      .array(fc.oneof(fc.constantFrom("ệ", "đ", "Ư", "ờ", "\n", "\r\n", ",", ";", '"', "\t", " "), fc.string({ unit: "binary", maxLength: 3 })), {
        minLength: 1,
        maxLength: 40,
      })
      .map((parts) => parts.join(""))
      // Text showing nothing (blank, or only invisible characters) is a missing content, not a content.
      .filter((text) => !isBlankText(normalizeText(text)));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(content, content.map((text) => text.normalize("NFD"))), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(",", ";", "\t"),
        fc.boolean(),
        async (texts, delimiter, bom) => {
          const rows = texts.map((text, i) => [String(i + 1), text, "CA xã A"]);
          const data = csv([["Mã", "Nội dung", "Đơn vị"], ...rows], { delimiter, bom });
          const parsed = await parseImportFile({ data, fileName: "a.csv" });
          expect(parsed.rows.map((r) => r.errors)).toEqual(texts.map(() => []));
          expect(contents(parsed)).toEqual(texts.map((text) => normalizeText(text)));
          expect(parsed.rows.map((r) => r.rowNumber)).toEqual(texts.map((_, i) => i + 2));
        },
      ),
      { numRuns: 200 },
    );
  });
});
