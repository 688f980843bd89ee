/**
 * Removal of personal data from Vietnamese free text before an opinion or an answer is shown on a public page
 * (DOMAIN: public display only with consent and with personal data removed, in free text too).
 */

/** A kind of personal data found in free text. */
export type RedactionKind = "name" | "phone" | "id_number" | "plate" | "email";

/** What replaces each kind: the public page is Vietnamese first. */
const PLACEHOLDERS: Record<RedactionKind, string> = {
  name: "[họ tên]",
  phone: "[số điện thoại]",
  id_number: "[số giấy tờ]",
  plate: "[biển số xe]",
  email: "[email]",
};
/** The order of `removed`. */
const KIND_ORDER: readonly RedactionKind[] = ["name", "phone", "id_number", "plate", "email"];
// Which kind names the placeholder when two matches start together: an e-mail address may hold digits.
const PRIORITY: readonly RedactionKind[] = ["email", "plate", "phone", "id_number", "name"];

// JavaScript's \b knows only ASCII letters, so word edges are spelt out (tone marks may stay combining).
const WORD_CHAR = "[\\p{L}\\p{M}\\p{N}]";
const START = `(?<!${WORD_CHAR})`;
const END = `(?!${WORD_CHAR})`;
// Horizontal white space only: a name never runs across lines.
const GAP = "[^\\S\\r\\n]+";

const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/gu;

// Between two digits of a phone number: a space, a dot or a dash (padded or not), or the ")" of "(028) ".
const PHONE_SEP = "(?:\\)? ?[.\\-]? ?)";
const PHONE_DIGITS = `(?:[35789](?:${PHONE_SEP}\\d){8}|2(?:${PHONE_SEP}\\d){8,9})`;
// Brackets are taken only as a pair around a prefix or area code: "(+84)", "(0)", "(028)".
const PHONE_PREFIX =
  `(?:\\(\\+84\\)|\\+ ?84)${PHONE_SEP}(?:(?:\\(0\\)|0)${PHONE_SEP})?` +
  `|(?:\\((?=0\\d{1,3}\\)))?0${PHONE_SEP}` +
  `|84 ?(?=[35789]\\d(?: ?\\d){7}(?!\\p{N}))`;
/**
 * Mobile numbers: 0 + 9 digits (03x, 05x, 07x, 08x, 09x). Landlines: 02x(x) + number, 11 digits since 2017 (the
 * old 10 are accepted). Public short numbers (113, 114, 115, 1022, 1900 …) never start with 0, so never match.
 * A bare "84" prefix takes spaces only: "84.500.000.000 đồng" is money.
 */
const PHONE = new RegExp(`(?<!\\p{N})(?:${PHONE_PREFIX})${PHONE_DIGITS}(?!\\p{N})`, "gu");

// Words naming the document a number belongs to: with them any 9 to 12 digits, however grouped, are an ID.
const ID_WORDS =
  "(?:cccd|cmnd|cmtnd|căn cước(?: công dân)?|chứng minh (?:nhân dân|thư)|(?:mã |số )?định danh(?: cá nhân)?)";
const ID_LEAD = `(?:${GAP}số)?[^\\S\\r\\n]*[:.]?[^\\S\\r\\n]*`;
const ID_AFTER_WORD = new RegExp(`(?<=${START}${ID_WORDS}${ID_LEAD})\\d(?:[ .\\-]?\\d){8,11}(?!\\p{N})`, "giu");
// A passport number is one letter and 7 digits, too short to tell from a code without its word.
const PASSPORT = new RegExp(`(?<=${START}(?:hộ chiếu|passport)${ID_LEAD})[a-z]\\d{7}${END}`, "giu");
// After a number, these make it an amount or a count, not an ID ("500000000 đồng").
const UNIT = `[^\\S\\r\\n]*(?:đồng|đ|vnđ|vnd|usd|\\$|người|lượt|km2?|m[23]?|kg|tấn|nghìn|ngàn|triệu|tỷ)${END}`;
/**
 * A standalone CCCD (12 digits) or old CMND (9 digits), also CCCD as 3-3-3-3 or 4-4-4 with spaces. Never with
 * dots: "500.000.000" is money. Years, dates and "3104/QĐ-BCA" are too short or cut by "/".
 */
const ID_STANDALONE = new RegExp(
  `(?<!${WORD_CHAR}|\\p{N}[.,/]|[$*×^=] ?)(?:\\d{12}|\\d{9}|\\d{3}(?: \\d{3}){3}|\\d{4}(?: \\d{4}){2})` +
    `(?!${WORD_CHAR}|[.,/]\\p{N}| ?[*×/^]|${UNIT})`,
  "giu",
);

/**
 * Plates: province 11–99, a series of one letter with an optional letter or digit (A, LD, H1), then 5 digits
 * (123.45, 12345) or, old style, 4 digits after a dash or dot. "29A1234" without separators is left: ambiguous.
 */
const PLATE = new RegExp(
  `${START}[1-9]\\d-?[a-z][a-z0-9]?(?:(?: ?[.\\-] ?| )?\\d{3}\\.?\\d{2}|[.\\-]\\d{4})(?!${WORD_CHAR}|[.,]\\p{N})`,
  "giu",
);

/** Common Vietnamese family names; "Văn" is a middle name and is not one. */
const FAMILY_NAMES = [
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
  "Dương", "Lý", "Đinh", "Đoàn", "Trương", "Lâm", "Mai", "Trịnh", "Cao", "Lương", "Tạ", "Hà", "Tô", "Chu",
  "Lưu", "Quách", "Kiều", "Triệu", "Thái", "Đàm", "Hứa", "Mạc",
];
/** Words after which capitalised words are a person's name: honorifics, kinship, ranks, "tên là". */
const PERSON_MARKERS = [
  "anh", "chị", "ông", "bà", "cô", "chú", "bác", "em", "cháu", "cậu", "dì", "thím", "thầy", "đồng chí", "đ/c",
  "cán bộ", "chiến sĩ", "thiếu úy", "trung úy", "thượng úy", "đại úy", "thiếu uý", "trung uý", "thượng uý", "đại uý",
  "thiếu tá", "trung tá", "thượng tá", "đại tá", "csgt", "công an viên", "trưởng công an", "tên là", "tên",
  "họ tên", "họ và tên", "tôi là", "tên tôi là", "gia đình", "hộ",
];
// Markers that are also the second syllable of a common word: "ủng hộ", "anh em", "tiếng Anh", "thầy cô".
const NOT_MARKER_AFTER: Record<string, string[]> = {
  hộ: ["ủng", "phù", "bảo", "cứu", "giúp", "giùm", "canh", "hỗ"],
  em: ["anh", "chị"],
  anh: ["tiếng", "nước", "người"],
  cô: ["thầy"],
  ông: ["đàn"],
  bà: ["đàn"],
};
// Labels that forms write with a colon or a dot ("Họ tên: …", "TP. Hồ Chí Minh"). Elsewhere a dot or a colon
// ends the phrase: in "cảm ơn anh. Tuổi thơ …" the capital starts a sentence, not a name.
const PUNCTUATED = ["tên:", "họ tên:", "họ và tên:", "tên là:", "tp."];
// Words capitalised at the start of a sentence or for respect that are never a given name.
const NEVER_GIVEN_NAMES = new Set(["Tôi", "Mình", "Ta", "Chúng", "Họ", "Nó", "Ai", "Các", "Những", "Mọi"]);
/** Words after which capitalised words are a place or an organisation, never a person. */
const PLACE_WORDS = [
  "đường", "phố", "phường", "xã", "thôn", "xóm", "bản", "ấp", "làng", "tổ dân phố", "khu phố", "quận", "huyện",
  "thị xã", "thị trấn", "thành phố", "tp", "tỉnh", "trường", "cầu", "chợ", "ngõ", "hẻm", "khu", "chùa", "đền",
  "bệnh viện", "công an", "ủy ban", "uỷ ban", "ubnd", "mttq", "thpt", "thcs", "sông", "núi", "đảo", "sân bay",
  "bến xe", "ga", "đại học", "học viện", "công ty", "bộ", "sở",
];
/** Capitalised sequences that look like a person but are public: places, and fixed phrases headings capitalise. */
const PUBLIC_NAMES = [
  "Việt Nam", "Hà Nội", "Hà Tĩnh", "Hà Giang", "Hà Nam", "Hà Đông", "Hà Tiên", "Hà Trung", "Hà Lan", "Hồ Chí Minh",
  "Hồ Gươm", "Hồ Tây", "Cao Bằng", "Cao Lãnh", "Lâm Đồng", "Thái Bình", "Thái Nguyên", "Thái Lan", "Hoàng Sa",
  "Hoàng Mai", "Lý Sơn", "Phan Thiết", "Phan Rang", "Lê Chân", "Chu Lai", "Bà Rịa", "Bà Chiểu", "Bà Đen",
  "Bà Triệu", "Cô Tô", "Bác Hồ", "Đoàn Thanh niên", "Đoàn Kiểm tra", "Đoàn Thanh tra", "Lưu Ý", "Lý Do",
  "Thái Độ", "Cao Tốc", "Cao Điểm", "Cao Đẳng", "Hoàng Gia", "Anh Quốc", "Bác Sĩ", "Bác Sỹ", "Cô Giáo",
  "Thầy Giáo", "Thầy Thuốc", "Cô Đơn", "Ông Bụt", "Ông Xã", "Bà Xã", "Châu Âu", "Châu Á", "Châu Phi", "Châu Mỹ",
  "Vũ Hán", "Vũ Trụ", "Thái Sơn",
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const byLengthDesc = (a: string, b: string) => b.length - a.length;
/** A pattern matching `phrase` in any letter case, without the i flag (it would make \p{Lu} match "a"). */
function caseless(phrase: string): string {
  return [...phrase]
    .map((c) => {
      if (c === " ") return GAP;
      const lower = c.toLowerCase();
      const upper = c.toUpperCase();
      return lower === upper ? escapeRegExp(c) : `[${lower}${upper}]`;
    })
    .join("");
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
// Initial consonant, 1–3 vowels, final consonant: "Trump", "Biden", "Joe" are not Vietnamese syllables. A lone
// letter is, as in the "Nguyễn Văn B" of examples and anonymised forms.
const VIETNAMESE_SYLLABLE =
  /^(?:(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?|[a-zđ])$/u;
const bareSyllable = (word: string) => word.toLowerCase().normalize("NFD").replace(TONE_MARKS, "").normalize("NFC");
/**
 * The leading words of a run of capitalised words that are Vietnamese syllables: only Vietnamese names are taken.
 * After "ông", "Trump" and "Biden" in the news are public figures, and foreign words are mostly not names.
 */
function vietnamesePrefix(run: string): { length: number; words: number } {
  let length = 0;
  let words = 0;
  for (const word of run.matchAll(/\S+/g)) {
    if (!VIETNAMESE_SYLLABLE.test(bareSyllable(word[0]))) break;
    length = word.index + word[0].length;
    words += 1;
  }
  return { length, words };
}

// A capitalised syllable: one capital, then lower case only, so acronyms (CSGT, UBND, VNeID) never qualify.
const SYLLABLE = `\\p{Lu}[\\p{Ll}\\p{M}]*${END}`;
const FAMILY = `(?:${FAMILY_NAMES.join("|")})${END}`;
const FAMILY_UPPER = `(?:${FAMILY_NAMES.map((n) => n.toUpperCase()).join("|")})${END}`;
/** A name after a marker: 1–4 capitalised syllables, or an all-caps name such as "NGUYỄN VĂN A" as forms write it. */
const NAME_AFTER_MARKER = new RegExp(
  `${FAMILY_UPPER}(?:${GAP}\\p{Lu}+${END}){1,3}|${SYLLABLE}(?:${GAP}${SYLLABLE}){0,3}`,
  "yu",
);
/** A name without a marker: 2–4 capitalised syllables, the first a family name. */
const FAMILY_NAME = new RegExp(`${START}${FAMILY}(?:${GAP}${SYLLABLE}){1,3}`, "gu");

function contextWordPattern(word: string): string {
  const before = NOT_MARKER_AFTER[word];
  return before ? `(?<!${START}(?:${before.map(caseless).join("|")})${GAP})${caseless(word)}` : caseless(word);
}
const CONTEXT_WORDS = [...PERSON_MARKERS, ...PLACE_WORDS, ...PUNCTUATED].sort(byLengthDesc);
const CONTEXT_WORD = `(?:${CONTEXT_WORDS.map(contextWordPattern).join("|")})`;
const MARKER_SET = new Set(PERSON_MARKERS);
/**
 * Context words in a row ("đồng chí Đại úy", "Công an xã") followed by capitalised words. The last context word
 * decides: a person marker makes them a name, a place word makes them a place. Chaining keeps "Đại" in
 * "đồng chí Đại úy" from being taken for a name, and the regex's leftmost match keeps "công an" inside
 * "trưởng công an" from counting as a place.
 */
const CAPITALISED_WORD = `\\p{Lu}[\\p{L}\\p{M}\\p{N}]*${END}`;
const CONTEXT_RUN = new RegExp(
  `${START}((?:${CONTEXT_WORD}${GAP}){1,4})(${CAPITALISED_WORD}(?:${GAP}${CAPITALISED_WORD})*)`,
  "gu",
);
const CONTEXT_WORD_ALONE = new RegExp(`${CONTEXT_WORD}(?=[^\\S\\r\\n])`, "gu");
const CONTEXT_WORD_AT = new RegExp(`${CONTEXT_WORD}${END}`, "yu");
const PUBLIC_NAME = new RegExp(
  `${START}(?:${[...PUBLIC_NAMES].sort(byLengthDesc).map(caseless).join("|")})${END}`,
  "gu",
);

interface Range {
  start: number;
  end: number;
}
interface Span extends Range {
  kind: RedactionKind;
}

/**
 * Matches starting at every position, overlapping ones included: in "11A-02000 032000-0000" a scan that
 * skipped past "02000 032000" would never see the phone number "032000-0000" that ends after it.
 */
function spansOf(pattern: RegExp, text: string, kind: RedactionKind): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length, kind });
    pattern.lastIndex = m.index + 1;
  }
  return spans;
}

/** Names after person markers, and the stretches after place words that must stay as they are. */
function scanContexts(text: string): { names: Span[]; places: Range[] } {
  const names: Span[] = [];
  const places: Range[] = [];
  const key = (word: string) => word.toLowerCase().replace(/\s+/g, " ").replace(/[.:]$/, "");
  for (const m of text.matchAll(CONTEXT_RUN)) {
    const chain = m[1] ?? "";
    const run = m[2] ?? "";
    const words = [...chain.matchAll(CONTEXT_WORD_ALONE)];
    const last = words.at(-1);
    let start = m.index + chain.length;
    if (!MARKER_SET.has(key(last?.[0] ?? ""))) {
      places.push({ start, end: start + run.length });
      continue;
    }
    // "chị Anh Thư": after another marker a capitalised "Anh" begins the name (Anh Thư, Tuấn Anh).
    const before = words.at(-2);
    if (last && last[0] === "Anh" && before && MARKER_SET.has(key(before[0]))) start = m.index + last.index;
    const firstWord = /\S+/.exec(text.slice(start))?.[0] ?? "";
    // "Gia đình Tôi", "Thầy Cô than …": a pronoun, or a lone kinship word, is no name.
    if (NEVER_GIVEN_NAMES.has(firstWord) || (firstWord === run && MARKER_SET.has(run.toLowerCase()))) continue;
    // Nor is the start of a title or a place ("anh Đại úy" at the end of a line); a lone "Anh" may be a name.
    CONTEXT_WORD_AT.lastIndex = start;
    const lead = CONTEXT_WORD_AT.exec(text)?.[0] ?? "";
    if (lead !== "" && !(MARKER_SET.has(key(lead)) && !/\s/.test(lead))) continue;
    NAME_AFTER_MARKER.lastIndex = start;
    const prefix = vietnamesePrefix(NAME_AFTER_MARKER.exec(text)?.[0] ?? "");
    if (prefix.words > 0) names.push({ start, end: start + prefix.length, kind: "name" });
  }
  return { names, places };
}

/**
 * Cuts a name where a public name or a place begins ("anh Hùng Hà Nội" keeps "Hà Nội"); drops it if it begins
 * inside one ("Bà Rịa").
 */
function clipName(span: Span, publicSpans: Range[]): Span | undefined {
  let end = span.end;
  for (const p of publicSpans) {
    if (p.start <= span.start && span.start < p.end) return undefined;
    if (span.start < p.start && p.start < end) end = p.start;
  }
  return { ...span, end };
}

/** A stretch of text to replace: its placeholder's kind, and every kind of data found in it. */
interface Replacement extends Span {
  kinds: Set<RedactionKind>;
}

/**
 * Merges overlapping matches into one replacement. Runs of digits are ambiguous: "001 000 020 000 2025" is a
 * CCCD number, but "020 000 2025" inside it reads as a landline. Replacing the union removes both readings; the
 * placeholder is the kind of the match that starts first (on a tie, the earlier in PRIORITY).
 */
function mergeOverlaps(candidates: Span[]): Replacement[] {
  const rank = (s: Span) => PRIORITY.indexOf(s.kind);
  const sorted = [...candidates].sort((a, b) => a.start - b.start || rank(a) - rank(b));
  const merged: Replacement[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.kinds.add(span.kind);
    } else {
      merged.push({ ...span, kinds: new Set([span.kind]) });
    }
  }
  return merged;
}

/** Replaces personal data in `text` by a bracketed placeholder; returns the new text and what was removed. */
export function redactPersonalData(text: string): { text: string; removed: RedactionKind[] } {
  const source = text.normalize("NFC");
  const contexts = scanContexts(source);
  const publicSpans = [...spansOf(PUBLIC_NAME, source, "name"), ...contexts.places];
  const familyNames = [...source.matchAll(FAMILY_NAME)]
    .map((m) => ({ start: m.index, prefix: vietnamesePrefix(m[0]) }))
    .filter(({ prefix }) => prefix.words >= 2)
    .map(({ start, prefix }): Span => ({ start, end: start + prefix.length, kind: "name" }));
  const nameSpans = [...contexts.names, ...familyNames]
    .map((span) => clipName(span, publicSpans))
    .filter((span): span is Span => span !== undefined)
    // Clipping may leave trailing white space inside the span; the placeholder must not swallow it.
    .map((span) => ({ ...span, end: span.start + source.slice(span.start, span.end).trimEnd().length }))
    .filter((span) => span.end > span.start);

  const chosen = mergeOverlaps([
    ...spansOf(EMAIL, source, "email"),
    ...spansOf(PLATE, source, "plate"),
    ...spansOf(PHONE, source, "phone"),
    ...spansOf(ID_AFTER_WORD, source, "id_number"),
    ...spansOf(PASSPORT, source, "id_number"),
    ...spansOf(ID_STANDALONE, source, "id_number"),
    ...nameSpans,
  ]);
  let result = "";
  let cursor = 0;
  for (const span of chosen) {
    result += source.slice(cursor, span.start) + PLACEHOLDERS[span.kind];
    cursor = span.end;
  }
  result += source.slice(cursor);
  const removed = KIND_ORDER.filter((kind) => chosen.some((span) => span.kinds.has(kind)));
  return { text: result, removed };
}
