import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerSumsOfRow, comparedOf, groupFigures, rankWithinLevels, type GroupFigure, type RespondentRow } from "./satisfaction.dashboard.build.ts";
import { addAnswerSums, EMPTY_ANSWER_SUMS } from "./satisfaction.intervals.ts";
import { rankByIntervals, sumDistributions, type Distribution } from "./satisfaction.index.ts";

const period = { from: "2025-01-01", to: "2025-03-01", label: "2025-Q1" };
const previous = { from: "2024-10-01", to: "2024-12-01", label: "2024-Q4" };
const settings = { period, previous, minN: 10, bands: [{ code: "good", minRate: 80 }, { code: "fail", minRate: 0 }] };
const months = ["2024-09-01", "2024-11-01", "2024-12-01", "2025-01-01", "2025-03-01", "2025-04-01"];
const unitIds = ["u1", "u2", "u3", "u4", "u5", "u6"];
const levelOf = (unit: string) => (unit < "u3" ? "province" : unit < "u5" ? "district" : "commune");

const count = fc.nat({ max: 40 });
const cell = fc.record({
  unit_id: fc.constantFrom(...unitIds),
  month: fc.constantFrom(...months),
  n1: count,
  n2: count,
  n3: count,
  n4: count,
  n5: count,
  responses: fc.nat({ max: 30 }),
  people: fc.nat({ max: 30 }),
  sums: fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 999 }), fc.nat({ max: 999 })),
});
const cells = fc.array(cell, { maxLength: 30 });
type Cell = { unit_id: string; month: string; n1: number; n2: number; n3: number; n4: number; n5: number; responses: number; people: number; sums: [number, number, number] };
const asRows = (cells: Cell[]): RespondentRow[] =>
  cells.map(({ people, sums: [sum_ss, sum_sm, sum_mm], ...rest }) => ({ ...rest, r1: 0, r2: 0, r3: 0, r4: people, r5: 0, sum_ss, sum_sm, sum_mm }));

describe("figures by level and field of work", () => {
  it("ranks from 1 + the units wholly above to n − the units wholly below (the sorted searches agree with the counts)", () => {
    const bound = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(bound, fc.integer({ min: 0, max: 30 })), { maxLength: 40 }), (pairs) => {
        const items = pairs.map(([low, width]) => (low === null ? { low: null, high: null } : { low, high: Math.min(100, low + width) }));
        const shown = items.filter((o): o is { low: number; high: number } => o.low !== null && o.high !== null);
        const ranked = rankByIntervals(items);
        ranked.forEach((item, i) => {
          const { low, high } = items[i]!;
          if (low === null || high === null) return expect(item.rank).toBeNull();
          expect(item.rank).toEqual({ best: shown.filter((o) => o.low > high).length + 1, worst: shown.length - shown.filter((o) => o.high < low).length });
        });
      }),
    );
  });

  it("a level's figure is the figure of the pooled rollups of its units, both periods, with the people behind them", () => {
    fc.assert(
      fc.property(cells, (rows) => {
        const respondents = asRows(rows);
        const perUnit = new Map(groupFigures(respondents, (u) => u, settings).map((f) => [f.key, f]));
        for (const level of groupFigures(respondents, levelOf, settings)) {
          const members = [...perUnit.values()].filter((u) => levelOf(u.key) === level.key);
          const now = sumDistributions(members.map((m) => m.distribution));
          const inPrevious = (m: string) => m >= previous.from && m <= previous.to;
          const then = sumDistributions(
            respondents.filter((r) => levelOf(r.unit_id) === level.key && inPrevious(r.month)).map((r): Distribution => [r.n1, r.n2, r.n3, r.n4, r.n5]),
          );
          const people = members.reduce((s, m) => s + m.responses, 0);
          const rowsIn = (inside: (month: string) => boolean) => respondents.filter((r) => levelOf(r.unit_id) === level.key && inside(r.month));
          const behindOf = (inside: (month: string) => boolean) => ({
            responses: rowsIn(inside).reduce((s, r) => s + r.responses, 0),
            sums: rowsIn(inside).reduce((s, r) => addAnswerSums(s, answerSumsOfRow(r)), EMPTY_ANSWER_SUMS),
          });
          const inPeriod = (m: string) => m >= period.from && m <= period.to;
          expect(level.distribution).toEqual(now);
          expect(level.responses).toBe(people);
          expect(level).toEqual({ key: level.key, responses: people, ...comparedOf(now, then, settings, { now: behindOf(inPeriod), then: behindOf(inPrevious) }) });
          // Suppression: never a rate below the minimum n of answers or of respondents.
          if (level.n < settings.minN || level.responses < settings.minN) expect(level.rate).toBeNull();
        }
      }),
    );
  });

  it("rows outside both periods or outside every group count nowhere, and the order of rows does not matter", () => {
    fc.assert(
      fc.property(cells, (rows) => {
        const respondents = asRows(rows);
        const groups = groupFigures(respondents, (u) => (u === "u6" ? undefined : levelOf(u)), settings);
        const kept = respondents.filter((r) => r.unit_id !== "u6" && r.month >= previous.from && r.month <= period.to);
        const total = groups.reduce((s, g) => s + g.n + g.previousN, 0);
        expect(total).toBe(kept.reduce((s, r) => s + r.n1 + r.n2 + r.n3 + r.n4 + r.n5, 0));
        const reversed = groupFigures([...respondents].reverse(), (u) => (u === "u6" ? undefined : levelOf(u)), settings);
        expect(reversed).toEqual(groups);
      }),
    );
  });

  it("ranks each level on its own, by intervals, listed by point estimate: other levels never move a rank, and suppressed units are unranked", () => {
    fc.assert(
      fc.property(cells, (rows) => {
        const units = groupFigures(asRows(rows), (u) => u, settings);
        for (const { levelCode, units: ranked } of rankWithinLevels(units, levelOf)) {
          const alone = rankByIntervals(units.filter((u) => levelOf(u.key) === levelCode));
          for (const u of ranked) {
            expect(u.rank).toEqual(alone.find((a) => a.key === u.key)?.rank);
            if (u.isSuppressed) expect(u.rank).toBeNull();
          }
          const rates = ranked.map((u) => u.rate ?? -1);
          expect(rates).toEqual([...rates].sort((a, b) => b - a));
        }
      }),
    );
  });

  it("lists a level by point estimate even where a wide interval gives a lower rate the better best rank", () => {
    // Only the key, rate and interval matter to the ranking.
    const figure = (key: string, rate: number, low: number, high: number) => ({ key, rate, low, high }) as GroupFigure;
    const [communes] = rankWithinLevels([figure("a", 85, 80, 90), figure("wide", 84, 60, 99), figure("top", 95, 91, 98)], () => "commune");
    expect(communes!.units.map((u) => [u.key, u.rank])).toEqual([
      ["top", { best: 1, worst: 2 }],
      ["a", { best: 2, worst: 3 }],
      ["wide", { best: 1, worst: 3 }],
    ]);
  });
});
