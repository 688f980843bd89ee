import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { campaignBody, createCampaignAs, deviceCookie } from "../../test/surveys.ts";
import { useSuiteClock } from "../../test/clock.ts";

useSuiteClock();

describe.each(ENGINES)("a citizen answering a satisfaction survey on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let leader: string;
  let communeId: string;
  let otherId: string;
  let campaignId: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const province = await createTestUnit(t.db, { name: "Công an tỉnh Thử" });
    communeId = (await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Thiệu Hóa" })).id;
    otherId = (await createTestUnit(t.db, { parentId: province.id })).id;
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: province.id })).username);
    campaignId = (await createCampaignAs(t.app, leader, campaignBody([communeId], { attributes: ["ageBand", "sex"] }))).id;
  });
  afterAll(() => t.close());

  const url = (c = campaignId, u = communeId) => `/api/public/surveys/${c}/units/${u}`;
  const submit = (payload: object, cookie?: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url: `${url()}/responses`, payload, headers: { ...headers, ...(cookie ? { cookie } : {}) } });

  it("serves the unit's form with the official 5-level labels in both languages", async () => {
    const response = await t.app.inject({ method: "GET", url: url() });
    expect(response.statusCode, response.body).toBe(200);
    const form = response.json();
    expect(form).toMatchObject({ unitName: "Công an xã Thiệu Hóa", isOpen: true, requiresCode: false, family: "perception" });
    expect(form.questions.map((q: { id: string }) => q.id)).toEqual(["security", "duties", "conduct", "force"]);
    expect(form.likertLabels.map((l: { vi: string }) => l.vi)).toEqual(["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"]);
    expect(form.attributes.map((a: { name: string }) => a.name)).toEqual(["ageBand", "sex"]);
    const missing = await t.app.inject({ method: "GET", url: url(campaignId, otherId), headers: { "accept-language": "en" } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: "survey.unit_not_evaluated", message: "This unit is not evaluated in the campaign." });
  });

  it("records a response once: a retry with the same client key is acknowledged, a second response from the device refused", async () => {
    const cookie = await deviceCookie(t.app, campaignId, communeId);
    const clientKey = randomUUID();
    const body = { clientKey, answers: { security: 5, duties: 4, conduct: null, force: 2 }, hasConsent: true, attributes: { ageBand: "30-44" } };
    const first = await submit(body, cookie);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ status: "recorded" });
    const retry = await submit(body, cookie);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ status: "duplicate" });
    const second = await submit({ ...body, clientKey: randomUUID() }, cookie);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("survey.already_answered");
    const stored = await t.db.selectFrom("survey_responses").selectAll().where("client_key", "=", clientKey).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers).toEqual({ security: 5, duties: 4, force: 2 });
    expect(stored[0]!.attributes).toEqual({ ageBand: "30-44" });
    const rollups = await t.db.selectFrom("survey_rollups").selectAll().where("campaign_id", "=", campaignId).execute();
    expect(rollups.map((r) => [r.question_id, r.n1, r.n2, r.n3, r.n4, r.n5]).sort()).toEqual([
      ["duties", 0, 0, 0, 1, 0],
      ["force", 0, 1, 0, 0, 0],
      ["security", 0, 0, 0, 0, 1],
    ]);
  });

  it("stores nothing about the respondent without consent", async () => {
    const clientKey = randomUUID();
    const response = await submit({ clientKey, answers: { security: 3 }, attributes: { sex: "female" } });
    expect(response.statusCode).toBe(201);
    const row = await t.db.selectFrom("survey_responses").select("attributes").where("client_key", "=", clientKey).executeTakeFirstOrThrow();
    expect(row.attributes).toEqual({});
  });

  it("stores many simultaneous first responses, none lost or doubled", async () => {
    const keys = Array.from({ length: 12 }, () => randomUUID());
    const results = await Promise.all(keys.flatMap((clientKey) => [submit({ clientKey, answers: { duties: 4 } }), submit({ clientKey, answers: { duties: 4 } })]));
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 200)).toBe(true);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(12);
    const stored = await t.db.selectFrom("survey_responses").select("id").where("client_key", "in", keys).execute();
    expect(stored).toHaveLength(12);
  });

  it("refuses answers that do not fit the form with a 400 naming the field, in the request's language", async () => {
    const cases: [object, string][] = [
      [{ clientKey: randomUUID(), answers: { security: 6 } }, "answers.security"],
      [{ clientKey: randomUUID(), answers: { unknown: 3 } }, "answers.unknown"],
      [{ clientKey: randomUUID(), answers: {} }, "answers"],
      [{ clientKey: randomUUID(), answers: { security: 4 }, hasConsent: true, attributes: { occupation: "farmer" } }, "attributes.occupation"],
    ];
    for (const [body, field] of cases) {
      const response = await submit(body, undefined, { "accept-language": "en" });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
  });

  it("answers any malformed body with a 4xx in the error contract, never a 500 (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({
            clientKey: fc.oneof(fc.uuid(), fc.string()),
            answers: fc.dictionary(fc.string({ maxLength: 50 }), fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.object())),
            attributes: fc.option(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer()))),
            hasConsent: fc.option(fc.boolean()),
            code: fc.option(fc.string({ maxLength: 30 })),
          }),
        ),
        async (body) => {
          const response = await t.app.inject({
            method: "POST",
            url: `${url()}/responses`,
            payload: JSON.stringify(body) ?? "null",
            headers: { "content-type": "application/json" },
          });
          if (response.statusCode === 201 || response.statusCode === 200) return;
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
          expect(response.statusCode).toBeLessThan(500);
          expect(typeof response.json().error.code).toBe("string");
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuses responses outside the campaign's period (409)", async () => {
    const closed = await createCampaignAs(t.app, leader, campaignBody([communeId], { startsOn: "2020-01-01", endsOn: "2020-12-31" }));
    const response = await t.app.inject({
      method: "POST",
      url: `${url(closed.id)}/responses`,
      payload: { clientKey: randomUUID(), answers: { security: 4 } },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("survey.closed");
  });
});
