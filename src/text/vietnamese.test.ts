import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareVietnamese, foldForSearch, isBlankText, normalizeText } from "./vietnamese.ts";

/** Letters, tone marks and separators a Vietnamese text is made of, in both normal forms. */
const VIETNAMESE_LETTERS = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"];
const TONE_MARKS = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
const vietnameseText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...VIETNAMESE_LETTERS),
      fc.constantFrom(...TONE_MARKS),
      fc.constantFrom("ệ", "ừ", "ỡ", "Ổ", "hòa", "hoà", "Thiệu Hóa", " ", "\n", "\t", "\u200b", "\ufeff"),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n));
const anyText = fc.oneof(
  vietnameseText,
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.array(fc.oneof(vietnameseText, loneSurrogate), { maxLength: 6 }).map((parts) => parts.join("")),
);

describe("foldForSearch", () => {
  it("folds 'Thiệu Hóa', 'thieu hoa' and the decomposed (NFD) form to the same key", () => {
    const key = foldForSearch("Thiệu Hóa");
    expect(key).toBe("thieu hoa");
    expect(foldForSearch("thieu hoa")).toBe(key);
    expect(foldForSearch("Thiệu Hóa".normalize("NFD"))).toBe(key);
    expect(foldForSearch("THIỆU HÓA")).toBe(key);
  });

  it("folds both tone-mark placements, 'hòa' and 'hoà', the same", () => {
    expect("hòa").not.toBe("hoà");
    expect(foldForSearch("Thanh Hòa")).toBe(foldForSearch("Thanh Hoà"));
    expect(foldForSearch("thủy")).toBe(foldForSearch("thuỷ"));
  });

  it("folds đ and Đ to d", () => {
    expect(foldForSearch("Đồng Đăng đường")).toBe("dong dang duong");
    expect(foldForSearch("đ")).toBe("d");
    expect(foldForSearch("Đ")).toBe("d");
  });

  it("collapses runs of white space and drops zero-width characters", () => {
    expect(foldForSearch("  Công\u200b an \t\n xã  ")).toBe("cong an xa");
  });

  it("is idempotent and leaves no combining diacritic or đ (property)", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = foldForSearch(text);
        expect(foldForSearch(once)).toBe(once);
        expect(once).not.toMatch(/[\u0300-\u036f]/);
        expect(once).not.toMatch(/[đĐ]/);
        expect(once).toBe(once.trim());
      }),
      { numRuns: 1000 },
    );
  });

  it("leaves no combining mark at all in Vietnamese text, and only lower case (property)", () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const key = foldForSearch(text);
        expect(key).not.toMatch(/\p{M}/u);
        expect(key).toMatch(/^[a-z]+( [a-z]+)*$|^$/);
      }),
      { numRuns: 500 },
    );
  });

  it("gives every spelling of a Vietnamese text the same key (property)", () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const key = foldForSearch(text);
        expect(foldForSearch(text.normalize("NFD"))).toBe(key);
        expect(foldForSearch(text.normalize("NFC"))).toBe(key);
        expect(foldForSearch(text.toUpperCase())).toBe(key);
      }),
      { numRuns: 500 },
    );
  });
});

describe("normalizeText", () => {
  it("stores the composed form (NFC) of decomposed input", () => {
    const nfd = "Thiệu Hóa".normalize("NFD");
    expect(nfd).not.toBe("Thiệu Hóa");
    expect(normalizeText(nfd)).toBe("Thiệu Hóa");
  });

  it("strips zero-width, bidirectional and control characters, and trims", () => {
    expect(normalizeText("\ufeff Xin\u200b chào\u202e\u0000\u0007\u001b\u007f\u0085 ")).toBe("Xin chào");
  });

  it("keeps line breaks and tabs, turning CRLF and CR into LF", () => {
    expect(normalizeText("Dòng một\r\nDòng hai\rDòng ba\n\tthụt lề")).toBe("Dòng một\nDòng hai\nDòng ba\n\tthụt lề");
  });

  it("composes a letter with its tone mark even when an invisible character stood between them", () => {
    expect(normalizeText("Ho\u200b\u0300a")).toBe("Hòa");
    expect(normalizeText("Ho\u0000\u0300a")).toBe("Hòa");
  });

  it("replaces a lone surrogate, which UTF-8 cannot encode, with U+FFFD and keeps surrogate pairs", () => {
    expect(normalizeText("thuỷ\udfffĐề nghị")).toBe("thuỷ\ufffdĐề nghị");
    expect(normalizeText("x\ud800")).toBe("x\ufffd");
    expect(normalizeText("Cảm ơn 😀 \u{1F1FB}\u{1F1F3}")).toBe("Cảm ơn 😀 \u{1F1FB}\u{1F1F3}");
  });

  it("returns NFC text without controls, trimmed, and is idempotent (property)", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = normalizeText(text);
        expect(out).toBe(out.normalize("NFC"));
        expect(out).toBe(out.trim());
        // eslint-disable-next-line no-control-regex -- the characters the check is about
        expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\ufeff]/);
        expect(out).not.toMatch(/[\ud800-\udfff]/u);
        expect(normalizeText(out)).toBe(out);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("isBlankText", () => {
  it("counts text of white space and invisible characters as blank, and any visible character as text", () => {
    for (const blank of ["", " \n\t", "\u00ad\u034f\u115f\u1160\u3164\u2800\ufe0f", "\u200b\u200f\u2060\u206f\ufeff", "\u{e0020}\u{e007f}"]) {
      expect(isBlankText(blank), JSON.stringify(blank)).toBe(true);
    }
    for (const text of ["a", "ệ", "❤️", "\u200bx", "1", "."]) expect(isBlankText(text), text).toBe(false);
  });
});

describe("compareVietnamese", () => {
  it("sorts in Vietnamese alphabetical order: Đ after D and before E", () => {
    expect(["Em", "Đông", "Dương", "Ấp", "An", "Ba"].sort(compareVietnamese)).toEqual([
      "An",
      "Ấp",
      "Ba",
      "Dương",
      "Đông",
      "Em",
    ]);
  });

  it("orders numbers inside names by value", () => {
    expect(["Phường 10", "Phường 2", "Phường 1"].sort(compareVietnamese)).toEqual(["Phường 1", "Phường 2", "Phường 10"]);
  });
});
