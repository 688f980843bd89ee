import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, ENGINES } from "../../test/db.ts";
import type { Db } from "../db/index.ts";
import { listAllRollups } from "./satisfaction.rollups.queries.ts";
import { applyResponsesToRollups, applyResponseToRollups, type RollupResponse } from "./satisfaction.rollups.service.ts";
import { useSuiteClock } from "../../test/clock.ts";

useSuiteClock();

describe.each(ENGINES)("rollups applied in batches on %s", (engine) => {
  let handle: Db;
  const units = [randomUUID(), randomUUID()];
  const questions = ["security", "duties", "conduct"];

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(() => handle.close());

  const response = fc.record({
    unit: fc.nat({ max: 1 }),
    month: fc.integer({ min: 1, max: 3 }),
    levels: fc.tuple(...questions.map(() => fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }))),
    attributes: fc.option(fc.record({ sex: fc.constantFrom("male", "female") }), { nil: undefined }),
  });
  const asResponse = (campaignId: string, r: { unit: number; month: number; levels: (number | null)[]; attributes: { sex: string } | undefined }): RollupResponse => ({
    campaignId,
    unitId: units[r.unit] as string,
    answeredOn: `2026-0${r.month}-1${r.month}`,
    likert: questions.flatMap((questionId, i) => (r.levels[i] ? [{ questionId, level: r.levels[i] as number }] : [])),
    attributes: r.attributes,
  });
  // Every cell of a campaign's rollups, without the campaign: two campaigns' rollups compare as equal.
  const cellsOf = async (campaignId: string) => {
    const all = await listAllRollups(handle.db, campaignId);
    const strip = <T extends { campaign_id: string }>(rows: T[]) =>
      rows.map(({ campaign_id: _, ...rest }) => JSON.stringify(rest)).sort();
    return { instances: strip(all.instances), respondents: strip(all.respondents), attributes: strip(all.attributes) };
  };

  it("equal applying the responses one by one, added and removed, with repeated cells in a batch", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(response, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 }), async (rows, removed) => {
        const [batched, single] = [randomUUID(), randomUUID()];
        const toRemove = rows.filter((_, i) => removed[i] === true);
        await applyResponsesToRollups({ db: handle.db, responses: rows.map((r) => asResponse(batched, r)), sign: 1 });
        await applyResponsesToRollups({ db: handle.db, responses: toRemove.map((r) => asResponse(batched, r)), sign: -1 });
        for (const r of rows) await applyResponseToRollups({ db: handle.db, ...asResponse(single, r), sign: 1 });
        for (const r of toRemove) await applyResponseToRollups({ db: handle.db, ...asResponse(single, r), sign: -1 });
        const [a, b] = [await cellsOf(batched), await cellsOf(single)];
        expect(a).toEqual(b);
        expect(a.respondents.length).toBeGreaterThan(0);
      }),
      { numRuns: engine === "pglite" ? 15 : 25 },
    );
  });

  it("keeps the per-respondent answer sums of a cell: answers at each level (Σs, Σm), Σs², Σsm, Σm²", async () => {
    const campaignId = randomUUID();
    const answers = (levels: number[]) => levels.map((level, i) => ({ questionId: questions[i] as string, level }));
    await applyResponsesToRollups({
      db: handle.db,
      responses: [
        // m = 3, s = 2; m = 2, s = 0; m = 1, s = 1; and a response without Likert answers.
        { campaignId, unitId: units[0] as string, answeredOn: "2026-05-02", likert: answers([5, 4, 2]) },
        { campaignId, unitId: units[0] as string, answeredOn: "2026-05-20", likert: answers([3, 1]) },
        { campaignId, unitId: units[0] as string, answeredOn: "2026-05-31", likert: answers([4]) },
        { campaignId, unitId: units[0] as string, answeredOn: "2026-05-31", likert: [] },
      ],
      sign: 1,
    });
    const [cell] = (await listAllRollups(handle.db, campaignId)).respondents;
    expect(cell).toMatchObject({ month: "2026-05-01", responses: 4, n1: 1, n2: 1, n3: 1, n4: 2, n5: 1, sum_ss: 5, sum_sm: 7, sum_mm: 14 });
  });
});
