/**
 * Folds Vietnamese text for matching: decomposes (NFD), drops combining marks (tones and
 * diacritics, whatever tone-mark style was typed), maps đ→d, lower-cases and collapses spaces.
 * "Thiệu Hóa", "thieu hoa" and "THIỆU HOÁ" all fold to "thieu hoa".
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
