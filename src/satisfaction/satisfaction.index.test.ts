import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDistributions,
  bandOf,
  changeOf,
  figureOf,
  rankByIntervals,
  respondentLevel,
  satisfactionRate,
  satisfiedOf,
  sumDistributions,
  totalOf,
  wilsonInterval,
  type Distribution,
} from "./satisfaction.index.ts";

const count = fc.nat({ max: 5000 });
const distribution = fc.tuple(count, count, count, count, count) as fc.Arbitrary<Distribution>;
const BANDS = [
  { code: "excellent", minRate: 95 },
  { code: "good", minRate: 80 },
  { code: "fair", minRate: 70 },
  { code: "pass", minRate: 50 },
  { code: "fail", minRate: 0 },
];

describe("the satisfaction index", () => {
  it("computes the official rate: Gia Lai 2020, 6,650 satisfied of 7,528 ratings (88.336%, reported truncated as 88.33%)", () => {
    const figure = figureOf([300, 278, 300, 4000, 2650], { minN: 30, bands: BANDS });
    expect(figure).toMatchObject({ n: 7528, rate: 88.34, band: "good", isSuppressed: false });
    expect(figure.low).toBeCloseTo(87.6, 1);
    expect(figure.high).toBeCloseTo(89.04, 1);
  });

  it("keeps every rate within [0, 100] and null exactly when there is no answer", () => {
    fc.assert(
      fc.property(distribution, (d) => {
        const rate = satisfactionRate(d);
        if (totalOf(d) === 0) return rate === null;
        return rate !== null && rate >= 0 && rate <= 100;
      }),
    );
  });

  it("has Wilson bounds inside [0, 100] that contain the rate", () => {
    fc.assert(
      fc.property(distribution, (d) => {
        const n = totalOf(d);
        const interval = wilsonInterval(satisfiedOf(d), n);
        if (n === 0) return interval === null;
        const rate = satisfactionRate(d) as number;
        return interval !== null && interval.low >= 0 && interval.high <= 100 && interval.low <= rate + 1e-9 && rate <= interval.high + 1e-9;
      }),
    );
  });

  it("narrows the interval as the sample grows at the same rate", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 200 }), (n, kRaw) => {
        const k = kRaw % (n + 1);
        const small = wilsonInterval(k, n)!;
        const large = wilsonInterval(k * 10, n * 10)!;
        return large.high - large.low <= small.high - small.low + 1e-9;
      }),
    );
  });

  it("rolls up: the figure of the sum of parts equals the figure of the whole", () => {
    fc.assert(
      fc.property(fc.array(distribution, { maxLength: 12 }), (parts) => {
        const whole = sumDistributions(parts);
        expect(totalOf(whole)).toBe(parts.reduce((s, p) => s + totalOf(p), 0));
        expect(satisfiedOf(whole)).toBe(parts.reduce((s, p) => s + satisfiedOf(p), 0));
        const pairwise = parts.reduce<Distribution>((acc, p) => addDistributions(acc, p), [0, 0, 0, 0, 0]);
        expect(pairwise).toEqual(whole);
      }),
    );
  });

  it("suppresses the rate, interval and band below the minimum n but always shows n and the distribution", () => {
    fc.assert(
      fc.property(distribution, fc.integer({ min: 1, max: 30000 }), (d, minN) => {
        const figure = figureOf(d, { minN, bands: BANDS });
        expect(figure.n).toBe(totalOf(d));
        expect(figure.distribution).toEqual(d);
        expect(figure.isSuppressed).toBe(figure.n < minN || figure.n === 0);
        if (figure.isSuppressed) expect([figure.rate, figure.low, figure.high, figure.band]).toEqual([null, null, null, null]);
        else expect(figure.rate).not.toBeNull();
      }),
    );
  });

  it("suppresses rating instances that come from fewer than the minimum respondents", () => {
    expect(figureOf([0, 0, 0, 8, 8], { minN: 10, bands: BANDS }, 4)).toMatchObject({ n: 16, rate: null, isSuppressed: true });
    expect(figureOf([0, 0, 0, 8, 8], { minN: 10, bands: BANDS }, 10)).toMatchObject({ n: 16, rate: 100, isSuppressed: false });
  });

  it("grades by the 2025 bands: ≥95 excellent, 80–95 good, 70–80 fair, 50–70 pass", () => {
    expect([95, 94.99, 80, 79.9, 70, 50, 49.9].map((r) => bandOf(r, BANDS))).toEqual([
      "excellent",
      "good",
      "good",
      "fair",
      "fair",
      "pass",
      "fail",
    ]);
    expect(bandOf(null, BANDS)).toBeNull();
  });

  it("gives the change in percentage points only when both periods have a rate", () => {
    expect(changeOf(92.5, 90)).toBe(2.5);
    expect(changeOf(null, 90)).toBeNull();
    expect(changeOf(90, null)).toBeNull();
  });

  it("never ranks one unit above another when their intervals overlap", () => {
    const interval = fc
      .tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }))
      .map(([a, b]) => ({ low: Math.min(a, b), high: Math.max(a, b) }));
    fc.assert(
      fc.property(fc.array(interval, { minLength: 1, maxLength: 20 }), (items) => {
        const ranked = rankByIntervals(items);
        for (const a of ranked)
          for (const b of ranked) {
            const overlap = a.low! <= b.high! && b.low! <= a.high!;
            if (overlap) continue;
            // Disjoint intervals: the higher one ranks strictly better.
            if (a.low! > b.high!) expect(a.rank!).toBeLessThan(b.rank!);
          }
        for (const a of ranked)
          for (const b of ranked)
            if (a.low! <= b.high! && b.low! <= a.high! && a.rank !== b.rank) {
              // Different ranks for overlapping units only come from a third unit clearly above one of them.
              const [better, worse] = a.rank! < b.rank! ? [a, b] : [b, a];
              expect(ranked.filter((c) => c.low! > worse.high!).length).toBeGreaterThan(ranked.filter((c) => c.low! > better.high!).length);
            }
      }),
    );
    expect(rankByIntervals([{ low: null, high: null }])[0]!.rank).toBeNull();
  });

  it("rounds a respondent's mean level half up on integers", () => {
    expect(respondentLevel([])).toBeNull();
    expect(respondentLevel([3, 4])).toBe(4);
    expect(respondentLevel([4, 4, 3])).toBe(4);
    expect(respondentLevel([1, 2])).toBe(2);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 30 }), (levels) => {
        const level = respondentLevel(levels)!;
        const mean = levels.reduce((a, b) => a + b, 0) / levels.length;
        return level >= 1 && level <= 5 && Math.abs(level - mean) <= 0.5;
      }),
    );
  });
});
