import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readPaperSheet } from "./surveys.paper-import.ts";
import type { Question } from "./surveys.templates.ts";

const QUESTIONS: Question[] = [{ id: "security", type: "likert", element: null, text: { vi: "An ninh", en: "Security" } }];

/** A zip of deflated entries with its central directory: an XLSX as any spreadsheet program writes it. */
function zip(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = deflateRawSync(content);
    const fileName = Buffer.from(name, "utf8");
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0, at + 2); // flags
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt32LE(crc32(content), at + 10);
      header.writeUInt32LE(data.length, at + 14);
      header.writeUInt32LE(content.length, at + 18);
      header.writeUInt16LE(fileName.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const workbookOf = (sheetXml: Buffer) =>
  zip({
    "[Content_Types].xml": Buffer.from(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    "xl/workbook.xml": Buffer.from(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Phiếu" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": Buffer.from(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": sheetXml,
  });
const sheetOf = (rows: string, padding = 0) =>
  Buffer.concat([Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>`), Buffer.alloc(padding, 0x20), Buffer.from(`${rows}</sheetData></worksheet>`)]);
const ROWS =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Ngày</t></is></c><c r="B1" t="inlineStr"><is><t>1</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>03/02/2025</t></is></c><c r="B2"><v>5</v></c></row>';

describe("reading filled paper forms from a spreadsheet", () => {
  it("reads the forms of a sheet, and of a workbook saved by exceljs", async () => {
    expect((await readPaperSheet(workbookOf(sheetOf(ROWS)), QUESTIONS)).rows).toMatchObject([{ rowNumber: 2, answeredOn: "2025-02-03", answers: { security: 5 } }]);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Phiếu").addRows([["Ngày", "security"], [new Date("2025-03-20T00:00:00Z"), 4]]);
    const saved = await readPaperSheet(Buffer.from(await workbook.xlsx.writeBuffer()), QUESTIONS);
    expect(saved).toMatchObject({ problems: [], rows: [{ answeredOn: "2025-03-20", answers: { security: 4 } }] });
  });

  it("refuses a small file that would inflate past the limit, within a second, without inflating it", async () => {
    const bomb = workbookOf(sheetOf(ROWS, 200 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(300 * 1024);
    const started = performance.now();
    const read = await readPaperSheet(bomb, QUESTIONS);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(read).toEqual({ rows: [], problems: [{ rowNumber: 0, detail: "file too large" }] });
  });
});
