import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, monthsBetween, parsePeriod, previousPeriod } from "./satisfaction.period.ts";

describe("reporting periods", () => {
  it("parses a year, a quarter and a month, and refuses anything else", () => {
    expect(parsePeriod("2026")).toMatchObject({ from: "2026-01-01", to: "2026-12-01" });
    expect(parsePeriod("2026-Q3")).toMatchObject({ from: "2026-07-01", to: "2026-09-01" });
    expect(parsePeriod("2026-02")).toMatchObject({ from: "2026-02-01", to: "2026-02-01" });
    for (const bad of ["2026-Q5", "2026-13", "26", "2026-7", "", "2026-Q3; drop"]) expect(parsePeriod(bad)).toBeUndefined();
  });

  it("gives the previous period of the same length, across a year boundary", () => {
    expect(previousPeriod(parsePeriod("2026-Q1")!)).toMatchObject({ from: "2025-10-01", to: "2025-12-01" });
    expect(previousPeriod(parsePeriod("2026-01")!)).toMatchObject({ from: "2025-12-01", to: "2025-12-01" });
  });

  it("adds months consistently", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -240, max: 240 }), (y, m, d) => {
        const month = `${y}-${String(m).padStart(2, "0")}-01`;
        return addMonths(addMonths(month, d), -d) === month && (d < 0 || monthsBetween(month, addMonths(month, d)).length === d + 1);
      }),
    );
  });
});
