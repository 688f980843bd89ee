import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, campaignPeriod, monthsBetween, parsePeriod, previousPeriod } from "./satisfaction.period.ts";

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

  it("counts months across the year 10000 instead of looping forever", () => {
    expect(monthsBetween("9999-11-01", "10000-02-01")).toEqual(["9999-11-01", "9999-12-01", "10000-01-01", "10000-02-01"]);
  });

  it("refuses periods of years outside 2000–2099, and keeps a stored campaign's span inside them", () => {
    for (const bad of ["9999", "9999-Q4", "9999-12", "0000", "1999-12", "2100-Q1"]) expect(parsePeriod(bad)).toBeUndefined();
    expect(parsePeriod("2000-Q1")).toMatchObject({ from: "2000-01-01" });
    expect(parsePeriod("2099-12")).toMatchObject({ to: "2099-12-01" });
    expect(campaignPeriod("0001-01-01", "9999-12-31")).toMatchObject({ from: "2000-01-01", to: "2099-12-01" });
  });
});
