/** Vietnamese text helpers: NFC storage form, diacritic-free search form, Vietnamese collation. */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Zero-width and bidirectional control characters pasted from chat apps; never meaningful in an opinion.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
// A surrogate without its pair (the u flag keeps a proper pair out of the match): not encodable in UTF-8.
// pg writes U+FFFD for it on PostgreSQL, but through PGlite's adapter it garbles the query (a 500).
const LONE_SURROGATE = /[\ud800-\udfff]/gu;
// C0/C1 controls except tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * The form in which text is stored: NFC, without control or invisible characters, trimmed, CRLF → LF,
 * a lone surrogate replaced by U+FFFD.
 */
export function normalizeText(input: string): string {
  // Compose last: a stripped character between a letter and its tone mark would otherwise leave them apart.
  return input
    .replace(LONE_SURROGATE, "\ufffd")
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "")
    .replace(INVISIBLE, "")
    .normalize("NFC")
    .trim();
}

// What shows nothing on a screen: white space, controls, default-ignorable characters (soft hyphen, combining
// grapheme joiner, Hangul fillers, variation selectors, zero-width and bidirectional marks, word joiners, tags,
// BOM) and the blank Braille pattern, which fonts draw empty.
const SHOWS_NOTHING = /^[\p{White_Space}\p{Cc}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/** Whether `text` shows nothing at all: required text made only of such characters counts as empty. */
export function isBlankText(text: string): boolean {
  return SHOWS_NOTHING.test(text);
}

/**
 * The search form: lower case, no diacritics (đ → d; both tone-mark styles, hòa and hoà, fold the same),
 * runs of white space as one space. "Thiệu Hóa" and "thieu hoa" give the same key.
 */
export function foldForSearch(input: string): string {
  return input
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(INVISIBLE, "")
    .replace(/\s+/g, " ")
    .trim();
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Compares two strings in Vietnamese alphabetical order (PGlite's ICU has no Vietnamese data). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
