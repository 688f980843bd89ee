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
  type RankRange,
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

  // Bounds from a small grid as well as from anywhere, so that touching and identical intervals are common.
  const bound = fc.oneof(fc.integer({ min: 0, max: 12 }).map((x) => x * 8.5), fc.double({ min: 0, max: 100, noNaN: true }));
  const interval = fc.tuple(bound, bound).map(([a, b]) => ({ low: Math.min(a, b), high: Math.max(a, b) }));
  const units = fc.array(fc.option(interval, { nil: null, freq: 5 }), { minLength: 1, maxLength: 20 });
  const asItems = (intervals: ({ low: number; high: number } | null)[]) => intervals.map((i) => i ?? { low: null, high: null });
  const isAbove = (a: { low: number }, b: { high: number }) => a.low > b.high;

  it("gives every unit with an interval a rank range within 1..n, best ≤ worst, the same for identical intervals, and none to a suppressed unit", () => {
    fc.assert(
      fc.property(units, (intervals) => {
        const ranked = rankByIntervals(asItems(intervals));
        const n = intervals.filter((i) => i !== null).length;
        ranked.forEach((unit, i) => {
          if (intervals[i] === null) return expect(unit.rank).toBeNull();
          expect(unit.rank!.best).toBeGreaterThanOrEqual(1);
          expect(unit.rank!.best).toBeLessThanOrEqual(unit.rank!.worst);
          expect(unit.rank!.worst).toBeLessThanOrEqual(n);
          for (const other of ranked) if (other.low === unit.low && other.high === unit.high) expect(other.rank).toEqual(unit.rank);
        });
      }),
    );
  });

  it("never separates units whose intervals overlap: their rank ranges overlap", () => {
    fc.assert(
      fc.property(units, (intervals) => {
        const ranked = rankByIntervals(asItems(intervals)).filter((u) => u.rank !== null);
        for (const a of ranked)
          for (const b of ranked)
            if (a.low! <= b.high! && b.low! <= a.high!) expect(a.rank!.best <= b.rank!.worst && b.rank!.best <= a.rank!.worst).toBe(true);
      }),
    );
  });

  it("puts a unit whose interval lies wholly above another's ahead at both ends of its range, and wholly ahead unless a third interval spans the gap", () => {
    fc.assert(
      fc.property(units, (intervals) => {
        const ranked = rankByIntervals(asItems(intervals)).filter((u) => u.rank !== null) as { low: number; high: number; rank: RankRange }[];
        for (const a of ranked)
          for (const b of ranked) {
            if (!isAbove(a, b)) continue;
            expect(a.rank.best).toBeLessThan(b.rank.best);
            expect(a.rank.worst).toBeLessThan(b.rank.worst);
            // A third unit overlapping both may rank anywhere between them, so their ranges may then share a rank.
            const spansGap = ranked.some((c) => c.low <= b.high && c.high >= a.low);
            if (!spansGap) expect(a.rank.worst).toBeLessThan(b.rank.best);
          }
      }),
    );
  });

  it("gives overlapping units shared plausible ranks (80.6–89.1 and 72.4–84.2 both 1–2), and lets a unit spanning two apart make them touch", () => {
    const [toan, quang, tien] = rankByIntervals([
      { low: 80.6, high: 89.1 },
      { low: 72.4, high: 84.2 },
      { low: 60.2, high: 71.9 },
    ]);
    expect([toan!.rank, quang!.rank, tien!.rank]).toEqual([
      { best: 1, worst: 2 },
      { best: 1, worst: 2 },
      { best: 3, worst: 3 },
    ]);
    // The first lies wholly above the second, yet both may be 2nd: the wide third may come first or last.
    const spanned = rankByIntervals([
      { low: 80, high: 90 },
      { low: 50, high: 60 },
      { low: 40, high: 95 },
    ]);
    expect(spanned.map((u) => u.rank)).toEqual([
      { best: 1, worst: 2 },
      { best: 2, worst: 3 },
      { best: 1, worst: 3 },
    ]);
    expect(rankByIntervals([{ low: null, high: null }, { low: 70, high: 80 }]).map((u) => u.rank)).toEqual([null, { best: 1, worst: 1 }]);
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
