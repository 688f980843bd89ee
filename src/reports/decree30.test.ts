import { describe, expect, it } from "vitest";
import { readDocx } from "../../test/docx.ts";
import { formatDocumentNumber, formatPlaceDate, paragraph, placeNameOf, renderDecree30Docx, unitSymbolOf } from "./decree30.ts";

describe("the Decree 30 number, date and place lines", () => {
  it("writes numbers below 10 with a leading 0, and a blank number on a draft", () => {
    expect(formatDocumentNumber({ value: 3, kindSymbol: "BB", unitSymbol: "CAXTH" })).toBe("Số: 03/BB-CAXTH");
    expect(formatDocumentNumber({ value: 112, kindSymbol: "TL", unitSymbol: "CATH" })).toBe("Số: 112/TL-CATH");
    expect(formatDocumentNumber({ value: null, kindSymbol: "BB", unitSymbol: "CAXTH" })).toMatch(/^Số: \s+\/BB-CAXTH$/u);
  });

  it("writes the date in words, days below 10 and months 1 and 2 with a leading 0", () => {
    expect(formatPlaceDate("Thiệu Hóa", "2026-12-08")).toBe("Thiệu Hóa, ngày 08 tháng 12 năm 2026");
    expect(formatPlaceDate("Thanh Hóa", "2026-01-05")).toBe("Thanh Hóa, ngày 05 tháng 01 năm 2026");
    expect(formatPlaceDate("Thanh Hóa", "2026-03-15")).toBe("Thanh Hóa, ngày 15 tháng 3 năm 2026");
  });

  it("names the place with a capital, without the unit's kind, and the unit's symbol without spaces or tone marks", () => {
    expect(placeNameOf("Công an xã Thiệu Hóa", "Công an tỉnh Thanh Hóa")).toBe("Thiệu Hóa");
    expect(placeNameOf("Phòng Cảnh sát giao thông", "Công an tỉnh Thanh Hóa")).toBe("Thanh Hóa");
    expect(unitSymbolOf("CAX Thiệu Hóa")).toBe("CAXTH");
    expect(unitSymbolOf("Công an xã Đông Sơn")).toBe("CAXDS");
    expect(unitSymbolOf("PC08")).toBe("PC08");
  });
});

describe("a document in the Decree 30 layout", () => {
  it("is A4 with the Decree's margins, in Times New Roman, numbered from page 2, with every element in its place", async () => {
    const { xml, header, text } = await readDocx(
      await renderDecree30Docx({
        name: "Thử",
        issuer: { superiorName: "Công an tỉnh Thanh Hóa", name: "Công an xã Thiệu Hóa" },
        number: { value: 7, kindSymbol: "BC", unitSymbol: "CAXTH" },
        placeDate: { place: "Thiệu Hóa", day: "2026-02-05" },
        title: { type: "BÁO CÁO", summary: "Kết quả lấy ý kiến năm 2026" },
        addressees: ["Giám đốc Công an tỉnh Thanh Hóa"],
        body: [paragraph("Nội dung.", { indent: true })],
        signatures: [{ authority: { prefix: "KT.", of: "Trưởng Công an xã" }, position: "Phó Trưởng Công an xã", name: "Lê Văn Hùng" }],
        recipients: ["Như trên", "Lưu: VT, CAXTH"],
      }),
    );
    expect(xml).toContain(`<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>`);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain("<w:titlePg/>");
    expect(xml).toMatch(/w:ascii="Times New Roman"/);
    expect(xml).not.toMatch(/w:ascii="(?!Times New Roman)/);
    // The motto is underlined by a rule as long as itself; the body's first line is indented 1 cm.
    expect(xml).toMatch(/<w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">Độc lập - Tự do - Hạnh phúc</);
    expect(xml).toContain(`<w:ind w:firstLine="567"/>`);
    expect(header.split("\n").filter(Boolean)).toEqual([
      "CÔNG AN TỈNH THANH HÓA",
      "CÔNG AN XÃ THIỆU HÓA",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 07/BC-CAXTH",
      "Thiệu Hóa, ngày 05 tháng 02 năm 2026",
    ]);
    expect(text).toContain("BÁO CÁO\nKết quả lấy ý kiến năm 2026\n");
    expect(text).toContain("Kính gửi: Giám đốc Công an tỉnh Thanh Hóa.\n");
    expect(text).toContain("Nơi nhận:\n- Như trên;\n- Lưu: VT, CAXTH.\n");
    expect(text).toMatch(/KT\. TRƯỞNG CÔNG AN XÃ\nPHÓ TRƯỞNG CÔNG AN XÃ\n(\n)+Lê Văn Hùng\n/);
  });
});
