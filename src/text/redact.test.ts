import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type RedactionKind, redactPersonalData } from "./redact.ts";
import { OPINIONS_WITH_PERSONAL_DATA, OPINIONS_WITHOUT_PERSONAL_DATA } from "./redact.fixtures.ts";

type Example = [behaviour: string, input: string, expected: string, removed: RedactionKind[]];

const REMOVED: Example[] = [
  [
    "removes a mobile number written with dots",
    "Số của tôi là 0912.345.678, gọi giúp",
    "Số của tôi là [số điện thoại], gọi giúp",
    ["phone"],
  ],
  ["removes a mobile number written with spaces", "Liên hệ 0912 345 678 nhé", "Liên hệ [số điện thoại] nhé", ["phone"]],
  [
    "removes a mobile number written with dashes",
    "Gọi 091-234-5678 vào buổi tối",
    "Gọi [số điện thoại] vào buổi tối",
    ["phone"],
  ],
  ["removes a number with the +84 prefix", "Gọi +84 912 345 678 giúp tôi", "Gọi [số điện thoại] giúp tôi", ["phone"]],
  ["removes a number with a bare 84 prefix", "zalo 84912345678", "zalo [số điện thoại]", ["phone"]],
  ["removes a 03x mobile number glued to its label", "SĐT:0386123456.", "SĐT:[số điện thoại].", ["phone"]],
  [
    "removes an 11-digit landline with its area code in brackets",
    "Máy bàn (0237) 3852 123",
    "Máy bàn [số điện thoại]",
    ["phone"],
  ],
  [
    "removes a standalone 12-digit CCCD number",
    "CCCD của tôi 038095001234 bị mất",
    "CCCD của tôi [số giấy tờ] bị mất",
    ["id_number"],
  ],
  [
    "removes a CCCD number written with dots after its label",
    "Số CCCD: 038.095.001.234",
    "Số CCCD: [số giấy tờ]",
    ["id_number"],
  ],
  ["removes a CCCD number in groups of four", "căn cước 0380 9500 1234", "căn cước [số giấy tờ]", ["id_number"]],
  [
    "removes an old 9-digit CMND number",
    "CMND 173456789 cấp năm 2010",
    "CMND [số giấy tờ] cấp năm 2010",
    ["id_number"],
  ],
  [
    "removes a passport number after 'hộ chiếu'",
    "hộ chiếu số C1234567 của tôi",
    "hộ chiếu số [số giấy tờ] của tôi",
    ["id_number"],
  ],
  ["removes a car plate 29A-123.45", "xe ô tô 29A-123.45 đỗ chắn cổng", "xe ô tô [biển số xe] đỗ chắn cổng", ["plate"]],
  ["removes a car plate 51F-12345", "Xe 51F-12345 chạy quá tốc độ", "Xe [biển số xe] chạy quá tốc độ", ["plate"]],
  ["removes a car plate with a space, 30E 123.45", "biển 30E 123.45.", "biển [biển số xe].", ["plate"]],
  [
    "removes a motorbike plate 29-H1 123.45",
    "xe máy 29-H1 123.45 vượt đèn đỏ",
    "xe máy [biển số xe] vượt đèn đỏ",
    ["plate"],
  ],
  ["removes a motorbike plate 59X2-123.45", "biển số 59X2-123.45", "biển số [biển số xe]", ["plate"]],
  ["removes a motorbike plate 36B1 12345", "xe 36B1 12345 của hàng xóm", "xe [biển số xe] của hàng xóm", ["plate"]],
  ["removes a motorbike plate 29H1-12345", "(29H1-12345)", "([biển số xe])", ["plate"]],
  [
    "removes a plate written without separators, 29A12345",
    "xe 29A12345 đậu trên vỉa hè",
    "xe [biển số xe] đậu trên vỉa hè",
    ["plate"],
  ],
  ["removes a plate written in lower case", "xe 36b1-123.45", "xe [biển số xe]", ["plate"]],
  ["removes an e-mail address", "Gửi về nguyen.van.a@gmail.com giúp", "Gửi về [email] giúp", ["email"]],
  [
    "removes a full name after 'anh' and keeps the marker",
    "anh Nguyễn Văn Hùng đi qua",
    "anh [họ tên] đi qua",
    ["name"],
  ],
  [
    "removes a given name after 'chị' at the start of a sentence",
    "Chị Lan bán hàng ở chợ",
    "Chị [họ tên] bán hàng ở chợ",
    ["name"],
  ],
  [
    "removes a name after a rank, keeping 'đồng chí Đại úy'",
    "Đồng chí Đại úy Lê Văn Tám rất nhiệt tình",
    "Đồng chí Đại úy [họ tên] rất nhiệt tình",
    ["name"],
  ],
  ["removes a name after 'tên là'", "Tôi tên là Trần Thị Mai, ở thôn 3", "Tôi tên là [họ tên], ở thôn 3", ["name"]],
  ["removes a name after the form label 'Họ tên:'", "Họ tên: Phạm Minh Đức", "Họ tên: [họ tên]", ["name"]],
  [
    "removes a name starting with a family name without any marker",
    "Hôm qua Nguyễn Văn Bình đánh người",
    "Hôm qua [họ tên] đánh người",
    ["name"],
  ],
  [
    "removes names after 'đ/c' and 'CSGT'",
    "Cảm ơn đ/c Hùng và CSGT Tuấn",
    "Cảm ơn đ/c [họ tên] và CSGT [họ tên]",
    ["name"],
  ],
  [
    "removes the name of a household after 'gia đình ông'",
    "gia đình ông Trần Văn Thắng",
    "gia đình ông [họ tên]",
    ["name"],
  ],
  ["removes a name written in capitals as on forms", "Tôi là NGUYỄN VĂN AN", "Tôi là [họ tên]", ["name"]],
  ["removes a name after 'trưởng công an'", "Trưởng công an Lê Văn Tám", "Trưởng công an [họ tên]", ["name"]],
  ["removes a name but keeps the city after it", "Tôi là Lê Văn Nam ở Hà Nội", "Tôi là [họ tên] ở Hà Nội", ["name"]],
  [
    "removes several kinds at once and lists each kind once, in a stable order",
    "Chị Hoa (0987654321, CCCD 038095001234) báo xe 29A-123.45 và xe 30E-543.21, email hoa@vidu.vn",
    "Chị [họ tên] ([số điện thoại], CCCD [số giấy tờ]) báo xe [biển số xe] và xe [biển số xe], email [email]",
    ["name", "phone", "id_number", "plate", "email"],
  ],
];

const KEPT: [behaviour: string, input: string][] = [
  ["keeps a street named after a person", "đường Lê Lợi bị ngập sau mưa"],
  ["keeps a school named after a person", "Học sinh trường THPT Lê Hồng Phong tan học"],
  ["keeps a police unit and its commune", "Công an xã Thiệu Hóa làm việc rất tốt"],
  ["keeps a ward name", "phường Hạc Thành, tỉnh Thanh Hóa"],
  ["keeps a decision number and an article number", "theo Quyết định 3104/QĐ-BCA, Điều 8"],
  ["keeps a report number", "Số: 12/BC-CAX ngày 05/01/2026"],
  ["keeps dates", "ngày 12/03/2025 lúc 09:30"],
  ["keeps money written with separators and in words", "mất 500.000 đồng, 2 triệu và 1.500.000.000 đồng"],
  ["keeps an amount of 9 digits followed by 'đồng'", "phạt 500000000 đồng"],
  ["keeps a year", "Năm 2024 đường vẫn hỏng"],
  ["keeps the hotlines 113, 114, 115 and 1022", "Gọi 113, 114, 115 hoặc 1022 khi cần"],
  ["keeps switchboard numbers starting with 1900 and 1800", "Tổng đài 1900 1234 hoặc 1800 599 920"],
  ["keeps capitalised words at the start of sentences", "Hôm qua có mưa. Đề nghị sửa đường. Tôi cảm ơn."],
  ["keeps acronyms", "CSGT, UBND, CCCD và VNeID"],
  ["keeps provinces and cities that begin with a family name", "Bà Rịa - Vũng Tàu, Hà Nội, TP. Hồ Chí Minh, Cao Bằng"],
  ["keeps a capitalised word after a marker that ends a sentence", "Cảm ơn anh. Tuổi trẻ phải cố gắng."],
  ["keeps 'tiếng Anh' and 'ủng hộ' followed by a capital", "Học tiếng Anh Mỹ, ủng hộ Công an"],
  ["keeps 'Thầy Cô' meaning teachers", "Thầy Cô than quá tải"],
  ["keeps a pronoun after 'gia đình'", "Gia đình Tôi ủng hộ"],
  ["keeps a foreign public figure's name: only Vietnamese names are detected", "Tôi thích ông Trump"],
  [
    "keeps a plain complaint without personal data",
    "Đường liên xã bị xuống cấp, đề nghị UBND xã Đông Sơn sớm sửa chữa.",
  ],
];

describe("redactPersonalData: examples", () => {
  it.each(REMOVED)("%s", (_behaviour, input, expected, removed) => {
    expect(redactPersonalData(input)).toEqual({ text: expected, removed });
  });

  it.each(KEPT)("%s", (_behaviour, input) => {
    expect(redactPersonalData(input)).toEqual({ text: input, removed: [] });
  });

  it("normalises decomposed (NFD) input before looking", () => {
    const decomposed = "anh Nguyễn Văn Hùng".normalize("NFD");
    expect(redactPersonalData(decomposed)).toEqual({ text: "anh [họ tên]", removed: ["name"] });
  });
});

const digitsOf = (text: string) => text.replace(/\D/g, "");
const FILLER_WORDS = [
  "tôi", "gọi", "số", "điện", "thoại", "anh", "chị", "công", "an", "xã", "phản", "ánh", "việc", "ngập", "nước",
  "hôm", "qua", "lúc", "xin", "cảm", "ơn", "liên", "hệ", "Đề", "nghị", "Hôm", "nay", "đường", "113", "2025", ",",
  ".", ":", "(", ")",
];
const filler = fc.array(fc.constantFrom(...FILLER_WORDS), { maxLength: 8 }).map((words) => words.join(" "));
const embed = (piece: fc.Arbitrary<{ written: string; digits: string }>) =>
  fc.tuple(filler, piece, filler).map(([before, p, after]) => ({ ...p, text: `${before} ${p.written} ${after}` }));
/** Joins digits, putting one separator (or none) between each pair at random. */
const withSeparators = (digits: string[], separators: string[]) =>
  digits.map((d, i) => (i === 0 ? d : (separators[i - 1] ?? "") + d)).join("");
const separatorsFor = (n: number) =>
  fc.array(fc.constantFrom("", "", "", " ", ".", "-", " - "), { minLength: n, maxLength: n });
const digitString = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));

const MOBILE_PREFIXES = [
  "032", "033", "034", "035", "036", "037", "038", "039", "052", "056", "058", "059", "070", "076", "077", "078", "079",
  "081", "082", "083", "084", "085", "086", "088", "089", "090", "091", "093", "094", "096", "097", "098", "099",
];
const mobile = fc
  .tuple(fc.constantFrom(...MOBILE_PREFIXES), digitString(7), separatorsFor(9), fc.boolean())
  .map(([prefix, rest, separators, international]) => {
    const national = prefix + rest;
    const digits = international ? national.slice(1) : national;
    const written = withSeparators([...digits], separators);
    return { written: international ? `+84 ${written}` : written, digits };
  });
const cccd = fc
  // Province code 001–096, century and sex digit, then the year of birth and a serial number.
  .tuple(fc.integer({ min: 1, max: 96 }), fc.integer({ min: 0, max: 3 }), digitString(8), fc.nat({ max: 3 }))
  .map(([province, century, rest, style]) => {
    const digits = String(province).padStart(3, "0") + String(century) + rest;
    const written = [
      digits,
      digits.replace(/(\d{4})(?=\d)/g, "$1 "),
      digits.replace(/(\d{3})(?=\d)/g, "$1 "),
      `CCCD: ${digits.replace(/(\d{3})(?=\d)/g, "$1.")}`,
    ][style];
    return { written: written ?? digits, digits };
  });
const PLATE_LETTERS = [..."ABCDEFGHKLMNPSTUVXYZ"];
const plate = fc
  .tuple(
    fc.integer({ min: 11, max: 99 }),
    fc.constantFrom(...PLATE_LETTERS),
    fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
    digitString(5),
    fc.constantFrom("-", " ", ""),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([province, letter, series, number, separator, dotted, lowerCase]) => {
    const serial = `${letter}${series ?? ""}`;
    const head = series !== undefined && separator === " " ? `${province}-${serial}` : `${province}${serial}`;
    const tail = dotted ? `${number.slice(0, 3)}.${number.slice(3)}` : number;
    const written = `${head}${separator}${tail}`;
    return { written: lowerCase ? written.toLowerCase() : written, digits: `${province}${series ?? ""}${number}` };
  });

describe("redactPersonalData: properties", () => {
  it("always removes a generated mobile number embedded in Vietnamese text (property)", () => {
    fc.assert(
      fc.property(embed(mobile), ({ text, digits }) => {
        const out = redactPersonalData(text);
        expect(out.removed).toContain("phone");
        expect(digitsOf(out.text)).not.toContain(digits);
      }),
      { numRuns: 1000 },
    );
  });

  it("always removes a generated 12-digit CCCD number embedded in Vietnamese text (property)", () => {
    fc.assert(
      fc.property(embed(cccd), ({ text, digits }) => {
        const out = redactPersonalData(text);
        expect(out.removed).toContain("id_number");
        expect(digitsOf(out.text)).not.toContain(digits);
      }),
      { numRuns: 1000 },
    );
  });

  it("always removes a generated vehicle plate embedded in Vietnamese text (property)", () => {
    fc.assert(
      fc.property(embed(plate), ({ text, digits }) => {
        const out = redactPersonalData(text);
        expect(out.removed).toContain("plate");
        expect(digitsOf(out.text)).not.toContain(digits);
      }),
      { numRuns: 1000 },
    );
  });

  const pieces = fc.oneof(
    fc.constantFrom(
      "anh", "Chị", "ông", "Đồng chí", "Đại úy", "tên là", "đường", "xã", "Công an", "Hà Nội", "Bà Rịa", "Nguyễn",
      "Văn", "Hùng", "Lan", "Thị", "Trump", "CSGT", "113", "2024", "500.000", "đồng", "12/03/2025", "29A-123.45",
      "0912.345.678", "038095001234", "a@b.vn", ",", ".", ":", "\n", "[họ tên]",
    ),
    mobile.map((m) => m.written),
    cccd.map((c) => c.written),
    plate.map((p) => p.written),
    fc.string({ maxLength: 4 }),
  );
  const mixedText = fc.array(pieces, { maxLength: 16 }).map((parts) => parts.join(" "));

  it("is idempotent: redacting twice equals redacting once (property)", () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const once = redactPersonalData(text);
        const twice = redactPersonalData(once.text);
        expect(twice.text).toBe(once.text);
        expect(twice.removed).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  const LOWER_LETTERS = [
    ..."aăâbcdđeêghiklmnoôơpqrstuưvxy",
    ..."àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ",
  ];
  const lowerWord = fc.array(fc.constantFrom(...LOWER_LETTERS), { minLength: 1, maxLength: 7 }).map((l) => l.join(""));
  const lowerText = fc
    .array(fc.tuple(lowerWord, fc.constantFrom(" ", " ", ", ", ". ", "\n", " - ")), { maxLength: 20 })
    .map((words) => words.map(([w, sep]) => w + sep).join(""));

  it("returns lower-case Vietnamese text without digits or @ unchanged (property)", () => {
    fc.assert(
      fc.property(lowerText, (text) => {
        expect(redactPersonalData(text)).toEqual({ text, removed: [] });
      }),
      { numRuns: 1000 },
    );
  });

  const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n));
  const anyText = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.string({ unit: "grapheme" }),
    fc.array(fc.oneof(mixedText, loneSurrogate), { maxLength: 6 }).map((parts) => parts.join("")),
  );

  it("never throws on arbitrary strings, lone surrogates included (property)", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = redactPersonalData(text);
        expect(typeof out.text).toBe("string");
      }),
      { numRuns: 2000 },
    );
  });
});

// The rate over an outside corpus of real comments is measured by `npm run eval:redact` (bench/redact).
describe("redactPersonalData: whole opinions", () => {
  it.each(OPINIONS_WITH_PERSONAL_DATA)("removes the personal data from %s", (input, expected, removed) => {
    expect(redactPersonalData(input)).toEqual({ text: expected, removed });
  });

  it.each(OPINIONS_WITHOUT_PERSONAL_DATA)("leaves unchanged %s", (input) => {
    expect(redactPersonalData(input)).toEqual({ text: input, removed: [] });
  });
});
