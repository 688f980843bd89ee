import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUserActor } from "../auth/auth.service.ts";
import type { UserActor } from "../auth/actor.ts";
import { openTestDb, ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import type { Db } from "../db/index.ts";
import { createCampaign, type Campaign } from "../surveys/surveys.campaigns.service.ts";
import { decideOnResponse } from "../surveys/surveys.flags.service.ts";
import { submitSurveyResponse } from "../surveys/surveys.responses.service.ts";
import { compareRollupsWithRecomputation } from "./satisfaction.rollups.service.ts";
import { computeDashboard } from "./satisfaction.dashboard.service.ts";
import { useSuiteClock } from "../../test/clock.ts";

useSuiteClock();

describe.each(ENGINES)("rollups maintained incrementally on %s", (engine) => {
  let handle: Db;
  let leader: UserActor;
  let inspector: UserActor;
  let campaign: Campaign;
  let units: string[];

  beforeAll(async () => {
    handle = await openTestDb(engine);
    const province = await createTestUnit(handle.db);
    units = [];
    for (let i = 0; i < 3; i++) units.push((await createTestUnit(handle.db, { parentId: province.id })).id);
    leader = await getUserActor({ db: handle.db, userId: (await createTestUser(handle.db, { role: "leader", unitId: province.id })).id });
    inspector = await getUserActor({ db: handle.db, userId: (await createTestUser(handle.db, { role: "inspector", unitId: province.id })).id });
    campaign = await createCampaign({
      db: handle.db,
      actor: leader,
      input: {
        title: "Khảo sát kiểm chứng",
        family: "perception",
        templateCode: "cand-3104",
        channels: ["online"],
        attributes: ["ageBand", "sex"],
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
        units: units.map((unitId) => ({ unitId })),
      },
    });
  });
  afterAll(() => handle.close());

  const likertIds = ["security", "duties", "conduct", "force"];
  const answer = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
  const response = fc.record({
    unit: fc.nat({ max: 2 }),
    // Days across the year in any order: a response for March arriving after one for June is a late one.
    day: fc.integer({ min: 0, max: 360 }),
    answers: fc.tuple(answer, answer, answer, answer),
    attributes: fc.option(fc.record({ ageBand: fc.constantFrom("18-29", "60+"), sex: fc.constantFrom("male", "female") }), { nil: undefined }),
  });
  const decision = fc.record({ pick: fc.nat(), exclude: fc.boolean() });

  it("equal a full recomputation from raw rows after random, late and excluded responses", async () => {
    const stored: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(response, { minLength: 1, maxLength: 8 }), fc.array(decision, { maxLength: 4 }), async (responses, decisions) => {
        // All at once, as from many phones: they are written in batches, several to the same rollup cell.
        const keys = await Promise.all(
          responses.map(async (r) => {
            const answers = Object.fromEntries(likertIds.map((id, i) => [id, r.answers[i] ?? null]));
            if (Object.values(answers).every((v) => v === null)) answers.security = 3;
            const now = new Date(Date.UTC(2026, 0, 1, 5) + r.day * 86_400_000);
            const clientKey = randomUUID();
            const input = { clientKey, answers, attributes: r.attributes, hasConsent: r.attributes !== undefined };
            await submitSurveyResponse({ db: handle.db, campaignId: campaign.id, unitId: units[r.unit]!, input, deviceId: undefined, now });
            return clientKey;
          }),
        );
        const rows = await handle.db.selectFrom("survey_responses").select("id").where("client_key", "in", keys).execute();
        expect(rows).toHaveLength(keys.length);
        stored.push(...rows.map((row) => row.id));
        for (const d of decisions) {
          const responseId = stored[d.pick % stored.length]!;
          try {
            await decideOnResponse({ db: handle.db, actor: inspector, responseId, decision: d.exclude ? "exclude" : "include", reason: "kiểm chứng" });
          } catch (error) {
            // Deciding what is already decided is refused (409) and changes nothing.
            expect((error as { statusCode?: number }).statusCode).toBe(409);
          }
        }
        const { stored: rollups, recomputed } = await compareRollupsWithRecomputation({ db: handle.db, campaignId: campaign.id, likertIds });
        expect(rollups).toEqual(recomputed);
      }),
      { numRuns: engine === "pglite" ? 12 : 20 },
    );
    expect(stored.length).toBeGreaterThan(0);
  });

  it("rebuilds the answer sums of the respondent rollups from the raw rows by the backfill of migration 0023", async () => {
    const migration = readFileSync(new URL("../../migrations/0023_respondent_answer_sums.sql", import.meta.url), "utf8");
    const backfill = migration.slice(migration.indexOf("WITH likert AS"));
    await sql`UPDATE survey_respondent_rollups SET n1 = 0, n2 = 0, n3 = 0, n4 = 0, n5 = 0, sum_ss = 0, sum_sm = 0, sum_mm = 0`.execute(handle.db);
    const cleared = await compareRollupsWithRecomputation({ db: handle.db, campaignId: campaign.id, likertIds });
    expect(cleared.stored.respondents).not.toEqual(cleared.recomputed.respondents);
    await sql.raw(backfill).execute(handle.db);
    const { stored, recomputed } = await compareRollupsWithRecomputation({ db: handle.db, campaignId: campaign.id, likertIds });
    expect(stored).toEqual(recomputed);
  });

  it("gives dashboard figures whose parts (units) add up to the whole (province)", async () => {
    const dashboard = await computeDashboard({ db: handle.db, campaign, rootUnitId: campaign.evaluatingUnitId, periodText: "2026" });
    const sumUnits = dashboard.units.reduce((s, u) => s + u.n, 0);
    expect(sumUnits).toBe(dashboard.overall.instances.n);
    expect(dashboard.questions.reduce((s, q) => s + q.n, 0)).toBe(dashboard.overall.instances.n);
    expect(dashboard.units.reduce((s, u) => s + u.responses, 0)).toBe(dashboard.overall.responses);
    const included = await handle.db
      .selectFrom("survey_responses")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("campaign_id", "=", campaign.id)
      .where("is_excluded", "=", false)
      .executeTakeFirstOrThrow();
    expect(dashboard.overall.responses).toBe(Number(included.n));
    expect(dashboard.trend.filter((m) => m.month >= "2026-01-01").reduce((s, m) => s + m.n, 0)).toBe(dashboard.overall.instances.n);
  });
});
