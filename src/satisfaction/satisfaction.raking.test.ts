import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./satisfaction.index.ts";
import { attributesOfCell, cellKeyOf, rake, type RakingCell } from "./satisfaction.raking.ts";

const SEXES = ["male", "female"];
const AGES = ["18-29", "30-44", "45-59", "60+"];
const cells = fc
  .array(
    fc.record({
      sex: fc.constantFrom(...SEXES),
      age: fc.constantFrom(...AGES),
      respondents: fc.integer({ min: 1, max: 200 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((rows) =>
    rows.map<RakingCell>((r) => ({
      attributes: { sex: r.sex, ageBand: r.age },
      respondents: r.respondents,
      satisfied: Math.round(r.respondents * r.share),
    })),
  );
const MARGINS = { sex: { male: 0.49, female: 0.51 }, ageBand: { "18-29": 0.26, "30-44": 0.32, "45-59": 0.25, "60+": 0.17 } };

describe("raking to population margins", () => {
  it("reweights an unbalanced sample to the margins: young men over-represented", () => {
    const sample: RakingCell[] = [
      { attributes: { sex: "male", ageBand: "18-29" }, respondents: 80, satisfied: 56 },
      { attributes: { sex: "female", ageBand: "18-29" }, respondents: 20, satisfied: 18 },
      { attributes: { sex: "male", ageBand: "60+" }, respondents: 10, satisfied: 9 },
      { attributes: { sex: "female", ageBand: "60+" }, respondents: 10, satisfied: 10 },
    ];
    const margins = { sex: { male: 0.5, female: 0.5 }, ageBand: { "18-29": 0.5, "60+": 0.5 } };
    const result = rake(sample, margins);
    expect(result.hasConverged).toBe(true);
    const unweighted = (100 * 93) / 120;
    expect(result.rate!).toBeGreaterThan(unweighted);
    const share = (pred: (c: RakingCell) => boolean) =>
      sample.reduce((s, c, i) => s + (pred(c) ? result.weights[i]! * c.respondents : 0), 0) / 120;
    expect(share((c) => c.attributes.sex === "male")).toBeCloseTo(0.5, 6);
    expect(share((c) => c.attributes.ageBand === "60+")).toBeCloseTo(0.5, 6);
    expect(result.effectiveN).toBeLessThan(120);
  });

  it("keeps the rate within [0, 100] and within the range of the cells' own rates", () => {
    fc.assert(
      fc.property(cells, (sample) => {
        const result = rake(sample, MARGINS);
        const rates = sample.map((c) => (100 * c.satisfied) / c.respondents);
        return result.rate !== null && result.rate >= Math.min(...rates) - 1e-6 && result.rate <= Math.max(...rates) + 1e-6;
      }),
    );
  });

  it("changes nothing when the sample already matches the margins", () => {
    const sample: RakingCell[] = [
      { attributes: { sex: "male", ageBand: "18-29" }, respondents: 25, satisfied: 20 },
      { attributes: { sex: "female", ageBand: "18-29" }, respondents: 25, satisfied: 15 },
      { attributes: { sex: "male", ageBand: "60+" }, respondents: 25, satisfied: 25 },
      { attributes: { sex: "female", ageBand: "60+" }, respondents: 25, satisfied: 10 },
    ];
    const result = rake(sample, { sex: { male: 0.5, female: 0.5 }, ageBand: { "18-29": 0.5, "60+": 0.5 } });
    expect(result.rate).toBeCloseTo(70, 9);
    expect(result.effectiveN).toBeCloseTo(100, 9);
  });

  it("gives the weighted rate a 95% interval within [0, 100] that contains it, at most at Kish's effective n", () => {
    fc.assert(
      fc.property(cells, (sample) => {
        const result = rake(sample, MARGINS);
        const interval = result.interval!;
        expect(interval.low).toBeGreaterThanOrEqual(0);
        expect(interval.high).toBeLessThanOrEqual(100);
        expect(interval.low).toBeLessThanOrEqual(result.rate! + 1e-9);
        expect(interval.high).toBeGreaterThanOrEqual(result.rate! - 1e-9);
        // Never more certain than Kish's effective sample size allows.
        expect(interval.effectiveN).toBeLessThanOrEqual(result.effectiveN + 1e-9);
      }),
    );
  });

  it("reduces to the unweighted interval when the sample already matches the margins (equal weights)", () => {
    // Counts k·x·y over sex shares x and age shares y: the sample's margins are the population's exactly.
    const proportional = fc.record({
      k: fc.integer({ min: 1, max: 20 }),
      sex: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
      age: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
      shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(proportional, ({ k, sex, age, shares }) => {
        const sample = [0, 1].flatMap((i) =>
          [0, 1].map((j) => {
            const respondents = k * sex[i]! * age[j]!;
            return { attributes: { sex: SEXES[i]!, ageBand: AGES[j]! }, respondents, satisfied: Math.round(respondents * shares[2 * i + j]!) };
          }),
        );
        const total = (xs: readonly number[]) => xs[0]! + xs[1]!;
        const margins = {
          sex: { [SEXES[0]!]: sex[0] / total(sex), [SEXES[1]!]: sex[1] / total(sex) },
          ageBand: { [AGES[0]!]: age[0] / total(age), [AGES[1]!]: age[1] / total(age) },
        };
        const result = rake(sample, margins);
        for (const w of result.weights) expect(w).toBeCloseTo(1, 9);
        const n = sample.reduce((sum, c) => sum + c.respondents, 0);
        const satisfied = sample.reduce((sum, c) => sum + c.satisfied, 0);
        const unweighted = wilsonInterval(satisfied, n)!;
        const interval = result.interval!;
        expect(result.rate!).toBeCloseTo((100 * satisfied) / n, 9);
        // The with-replacement variance carries n / (n − 1): the same interval at n − 1 respondents.
        const tolerance = satisfied === 0 || satisfied === n ? 1e-9 : n >= 30 ? 0.5 : 10;
        expect(Math.abs(interval.low - unweighted.low)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(interval.high - unweighted.high)).toBeLessThanOrEqual(tolerance);
      }),
    );
  });

  it("widens the interval when a few respondents carry large weights", () => {
    const sample: RakingCell[] = [
      { attributes: { sex: "male", ageBand: "18-29" }, respondents: 180, satisfied: 150 },
      { attributes: { sex: "female", ageBand: "18-29" }, respondents: 10, satisfied: 6 },
      { attributes: { sex: "male", ageBand: "60+" }, respondents: 10, satisfied: 8 },
      { attributes: { sex: "female", ageBand: "60+" }, respondents: 10, satisfied: 5 },
    ];
    const result = rake(sample, { sex: { male: 0.5, female: 0.5 }, ageBand: { "18-29": 0.5, "60+": 0.5 } });
    const unweighted = wilsonInterval(169, 210)!;
    expect(result.interval!.high - result.interval!.low).toBeGreaterThan(1.5 * (unweighted.high - unweighted.low));
    expect(result.interval!.effectiveN).toBeLessThan(result.respondents / 2);
  });

  it("leaves out respondents without the attributes and round-trips cell keys", () => {
    expect(rake([{ attributes: { sex: "male" }, respondents: 10, satisfied: 5 }], MARGINS).rate).toBeNull();
    const attributes = { sex: "female", ageBand: "45-59" };
    expect(cellKeyOf(attributes)).toBe("ageBand=45-59;sex=female");
    expect(attributesOfCell(cellKeyOf(attributes))).toEqual(attributes);
  });
});
