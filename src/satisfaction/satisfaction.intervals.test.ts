import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./satisfaction.index.ts";
import { addAnswerSums, answerSumsOf, clusterDesignEffect, clusteredInterval, EMPTY_ANSWER_SUMS, type AnswerSums } from "./satisfaction.intervals.ts";

/** Respondents as [satisfied answers, answers]. */
const respondents = fc.array(
  fc.integer({ min: 1, max: 6 }).chain((m) => fc.tuple(fc.integer({ min: 0, max: m }), fc.constant(m))),
  { minLength: 1, maxLength: 60 },
);
const sumsOf = (rows: readonly (readonly [number, number])[]): AnswerSums =>
  rows.reduce((acc, [s, m]) => addAnswerSums(acc, answerSumsOf(s, m)), EMPTY_ANSWER_SUMS);

/** A seeded generator (mulberry32): the simulation below gives the same numbers on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("intervals of rates by rating instances, clustered by respondent", () => {
  it("stay within [0, 100], contain the rate and are never narrower than Wilson's on independent answers", () => {
    fc.assert(
      fc.property(respondents, (rows) => {
        const sums = sumsOf(rows);
        const interval = clusteredInterval(sums.s, sums.m, sums)!;
        const naive = wilsonInterval(sums.s, sums.m)!;
        const rate = (100 * sums.s) / sums.m;
        expect(interval.low).toBeGreaterThanOrEqual(0);
        expect(interval.high).toBeLessThanOrEqual(100);
        expect(interval.low).toBeLessThanOrEqual(rate + 1e-9);
        expect(interval.high).toBeGreaterThanOrEqual(rate - 1e-9);
        expect(interval.low).toBeLessThanOrEqual(naive.low + 1e-9);
        expect(interval.high).toBeGreaterThanOrEqual(naive.high - 1e-9);
        expect(interval.effectiveN).toBeLessThanOrEqual(sums.m + 1e-9);
      }),
    );
  });

  it("count 4 people who each answer 4 questions alike as 4 people, not 16 answers", () => {
    // Homogeneous respondents: n_eff = c − 1 (the c / (c − 1) factor), whatever the number of questions.
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 8 }), (satisfied, others, m) => {
        const rows = [...Array.from({ length: satisfied }, () => [m, m] as const), ...Array.from({ length: others }, () => [0, m] as const)];
        const sums = sumsOf(rows);
        const people = satisfied + others;
        const interval = clusteredInterval(sums.s, sums.m, sums)!;
        const perPerson = wilsonInterval((satisfied * (people - 1)) / people, people - 1)!;
        expect(interval.effectiveN).toBeCloseTo(people - 1, 6);
        expect(interval.low).toBeCloseTo(perPerson.low, 6);
        expect(interval.high).toBeCloseTo(perPerson.high, 6);
      }),
    );
  });

  it("reduce to Wilson's interval (with the factor n / (n − 1)) when each respondent gives one answer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), (yes, no) => {
        const rows = [...Array.from({ length: yes }, () => [1, 1] as const), ...Array.from({ length: no }, () => [0, 1] as const)];
        const sums = sumsOf(rows);
        const n = yes + no;
        expect(clusterDesignEffect(yes, n, sums)).toBeCloseTo(n / (n - 1), 9);
        const interval = clusteredInterval(yes, n, sums)!;
        const plain = wilsonInterval(yes, n)!;
        expect(Math.abs(interval.low - plain.low)).toBeLessThan(n >= 30 ? 0.5 : 10);
        expect(Math.abs(interval.high - plain.high)).toBeLessThan(n >= 30 ? 0.5 : 10);
      }),
    );
  });

  it("use the bound of respondents answering alike when every answer is satisfied (no variance to estimate)", () => {
    const sums = sumsOf([[4, 4], [2, 2], [4, 4], [3, 3]]);
    expect(clusterDesignEffect(13, 13, sums)).toBeCloseTo(45 / 13, 9);
    const interval = clusteredInterval(13, 13, sums)!;
    expect(interval.effectiveN).toBeCloseTo(169 / 45, 9);
    expect(interval.high).toBe(100);
    expect(interval.low).toBeLessThan(wilsonInterval(4, 4)!.low + 1e-9);
  });

  it("cover the true rate about 95% of the time where Wilson's on pooled answers falls short (simulation)", () => {
    const random = seeded(20261126);
    // A population where people differ: 80% mostly satisfied (0.95 per answer), 20% mostly not (0.3).
    const truth = 0.8 * 0.95 + 0.2 * 0.3;
    let [clustered, naive] = [0, 0];
    const samples = 400;
    for (let k = 0; k < samples; k++) {
      const rows = Array.from({ length: 120 }, () => {
        const p = random() < 0.8 ? 0.95 : 0.3;
        const m = 4;
        let s = 0;
        for (let j = 0; j < m; j++) if (random() < p) s += 1;
        return [s, m] as const;
      });
      const sums = sumsOf(rows);
      const c = clusteredInterval(sums.s, sums.m, sums)!;
      const w = wilsonInterval(sums.s, sums.m)!;
      if (c.low <= 100 * truth && 100 * truth <= c.high) clustered += 1;
      if (w.low <= 100 * truth && 100 * truth <= w.high) naive += 1;
    }
    expect(clustered / samples).toBeGreaterThan(0.92);
    expect(naive / samples).toBeLessThan(clustered / samples - 0.05);
  });
});
