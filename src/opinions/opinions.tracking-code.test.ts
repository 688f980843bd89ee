import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTrackingCode, generateTrackingCode, parseTrackingCode } from "./opinions.tracking-code.ts";

/** The symbols a code may use: no I/O (read as 1/0), no 0/1, no F, J, W, Z (not Vietnamese letters). */
const ALPHABET = "ABCDEGHKLMNPQRSTUVXY23456789";
const CANONICAL = /^[ABCDEGHKLMNPQRSTUVXY2-9]{12}$/;
const code = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 12, maxLength: 12 });

describe("tracking codes", () => {
  it("generates 12 symbols of the unambiguous alphabet, different every time", () => {
    const codes = Array.from({ length: 1000 }, generateTrackingCode);
    for (const c of codes) expect(c).toMatch(CANONICAL);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("shows a code in groups of four: ABCD-EGHK-LMN2", () => {
    expect(formatTrackingCode("ABCDEGHKLMN2")).toBe("ABCD-EGHK-LMN2");
  });

  it.each([
    ["lower case", "abcd-eghk-lmn2"],
    ["spaces", "ABCD EGHK LMN2"],
    ["no separators", "abcdeghklmn2"],
    ["mixed separators and padding", " abcd–eghk_lmn2 "],
    ["dots", "ABCD.EGHK.LMN2"],
    ["an em dash", "ABCD—EGHK—LMN2"],
  ])("reads a code typed with %s", (_label, typed) => {
    expect(parseTrackingCode(typed)).toBe("ABCDEGHKLMN2");
  });

  it.each([
    ["a zero", "ABCD-EGHK-LMN0"],
    ["a letter O", "ABCD-EGHK-LMNO"],
    ["a letter I", "ABCD-EGHK-LMNI"],
    ["a one", "ABCD-EGHK-LMN1"],
    ["an F (not in the Vietnamese alphabet)", "ABCD-EFGH-KLMN"],
    ["eleven symbols", "ABCD-EGHK-LMN"],
    ["thirteen symbols", "ABCD-EGHK-LMN23"],
    ["nothing", ""],
    ["only separators", "---- ----"],
    ["a Vietnamese letter", "ĐBCD-EGHK-LMN2"],
  ])("refuses a code with %s", (_label, typed) => {
    expect(parseTrackingCode(typed)).toBeUndefined();
  });

  it("reads back what it shows, however the citizen types it (property)", () => {
    fc.assert(
      fc.property(fc.constant(null).map(generateTrackingCode), fc.constantFrom("", " ", "-", "  "), (generated, sep) => {
        const shown = formatTrackingCode(generated);
        expect(shown).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
        expect(parseTrackingCode(shown)).toBe(generated);
        expect(parseTrackingCode(shown.toLowerCase().replace(/-/g, sep))).toBe(generated);
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips every code of the alphabet (property)", () => {
    fc.assert(
      fc.property(code, (c) => {
        expect(parseTrackingCode(formatTrackingCode(c))).toBe(c);
      }),
      { numRuns: 500 },
    );
  });

  it("accepts nothing that is not twelve symbols of the alphabet (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (typed) => {
        const parsed = parseTrackingCode(typed);
        if (parsed !== undefined) expect(parsed).toMatch(CANONICAL);
      }),
      { numRuns: 2000 },
    );
  });

  it("uses every symbol equally often (chi-squared over 240,000 symbols)", () => {
    const counts = new Map<string, number>([...ALPHABET].map((s) => [s, 0]));
    const positions = Array.from({ length: 12 }, () => 0);
    const total = 20_000;
    for (let i = 0; i < total; i++) {
      const c = generateTrackingCode();
      [...c].forEach((symbol, position) => {
        counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
        if (symbol === "A") positions[position]! += 1;
      });
    }
    expect(counts.size).toBe(ALPHABET.length);
    const expected = (total * 12) / ALPHABET.length;
    const chiSquared = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    // 27 degrees of freedom: 61.1 is the 99.99th percentile, so a fair generator fails once in 10,000 runs;
    // the naive `byte % 28` (first four symbols 11% more likely) scores in the hundreds.
    expect(chiSquared).toBeLessThan(61.1);
    // No position is stuck: "A" appears in each about total/28 ≈ 714 times.
    for (const n of positions) expect(n).toBeGreaterThan(550);
  });
});
