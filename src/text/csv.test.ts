import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv.ts";

describe("CSV cells", () => {
  it("quotes a cell holding a comma, a quote or a line break, doubling its quotes (RFC 4180)", () => {
    expect(csvCell('Đèn "hỏng", thôn Đông')).toBe('"Đèn ""hỏng"", thôn Đông"');
    expect(csvCell("dòng 1\ndòng 2")).toBe('"dòng 1\ndòng 2"');
    expect(csvCell("Thiệu Hóa")).toBe("Thiệu Hóa");
  });

  it("defuses text a spreadsheet would run as a formula with a leading apostrophe", () => {
    for (const start of ["=", "+", "-", "@", "\t"]) expect(csvCell(`${start}HYPERLINK("x")`)).toMatch(/^"?'/);
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("a=1")).toBe("a=1");
  });

  it("writes numbers as they are, null as an empty cell, and ends a record with CRLF", () => {
    expect(csvRow([-1.5, null, true, "x"])).toBe("-1.5,,true,x\r\n");
  });
});
