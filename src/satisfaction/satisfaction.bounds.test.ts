import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { campaignBody, createCampaignAs } from "../../test/surveys.ts";
import { createForumViaApi, forumBody } from "../forums/forums.test-support.ts";

// Before the fix "9999-Q4" spun the process forever (months compared as text) and "0000" failed with a 500.
const hostilePeriod = fc.oneof(
  fc.constantFrom("9999", "9999-Q4", "9999-12", "0000", "0000-Q1", "0001-01", "1999-12", "2100", "2099-Q4", "2000-01", "-001", "99999"),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom("", "-Q1", "-Q4", "-01", "-12", "-13", "-Q5")).map(([y, rest]) => `${String(y).padStart(4, "0")}${rest}`),
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.string({ maxLength: 30 }),
);

describe.each(ENGINES)("reporting periods and campaign dates at the edges on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let leader: string;
  let communeId: string;
  let campaignId: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const provinceId = (await createTestUnit(t.db)).id;
    communeId = (await createTestUnit(t.db, { parentId: provinceId })).id;
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: provinceId })).username);
    campaignId = (await createCampaignAs(t.app, leader, campaignBody([communeId]))).id;
    const published = await t.app.inject({ method: "POST", url: `/api/surveys/campaigns/${campaignId}/publish`, headers: { cookie: leader } });
    expect(published.statusCode, published.body).toBeLessThan(300);
  });
  afterAll(() => t.close());

  it("answers any period on the public results and the console dashboard with a 2xx or a 4xx within a second", async () => {
    await fc.assert(
      fc.asyncProperty(hostilePeriod, async (period) => {
        const query = `period=${encodeURIComponent(period.replace(/[\ud800-\udfff]/gu, "?"))}`;
        for (const [url, cookie] of [
          [`/api/public/surveys/${campaignId}/results?${query}`, undefined],
          [`/api/satisfaction/dashboard?campaignId=${campaignId}&${query}`, leader],
        ] as const) {
          const started = performance.now();
          const response = await t.app.inject({ url, ...(cookie && { headers: { cookie } }) });
          expect(performance.now() - started, url).toBeLessThan(1000);
          expect(response.statusCode, `${url} → ${response.body}`).toBeLessThan(500);
          if (response.statusCode >= 400) expect(response.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        }
      }),
      { numRuns: 60 },
    );
  });

  it("refuses a period outside 2000–2099 as a 400 naming the period, in Vietnamese and English", async () => {
    for (const period of ["9999-Q4", "9999", "9999-12", "0000"]) {
      const response = await t.app.inject({ url: `/api/public/surveys/${campaignId}/results?period=${period}`, headers: { "accept-language": "en" } });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({ code: "satisfaction.period_invalid", field: "period" });
      expect(response.json().error.message).toContain("2000 to 2099");
    }
    const vi = await t.app.inject({ url: `/api/satisfaction/dashboard?campaignId=${campaignId}&period=9999-Q4`, headers: { cookie: leader } });
    expect(vi.json().error.message).toContain("từ năm 2000 đến 2099");
    const xlsx = await t.app.inject({ url: `/api/satisfaction/dashboard.xlsx?campaignId=${campaignId}&period=9999-Q4`, headers: { cookie: leader } });
    expect(xlsx.statusCode).toBe(400);
  });

  it("refuses a campaign ending in 9999 as a 400 naming endsOn, in Vietnamese and English", async () => {
    const create = (lang: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/surveys/campaigns",
        payload: campaignBody([communeId], { endsOn: "9999-12-31" }),
        headers: { cookie: leader, "accept-language": lang },
      });
    const vi = await create("vi");
    expect(vi.statusCode, vi.body).toBe(400);
    expect(vi.json().error).toEqual({
      code: "validation.date_out_of_range",
      field: "endsOn",
      message: "Trường “endsOn” phải là một ngày từ 01/01/2000 đến 31/12/2099.",
    });
    expect((await create("en")).json().error.message).toBe("The field “endsOn” must be a date from 01/01/2000 to 31/12/2099.");
    const patched = await t.app.inject({ method: "PATCH", url: `/api/surveys/campaigns/${campaignId}`, payload: { startsOn: "0000-01-01" }, headers: { cookie: leader } });
    expect(patched.json().error).toMatchObject({ code: "validation.date_out_of_range", field: "startsOn" });
  });

  it("refuses days and instants outside the window, and from..to filters over ten years, naming the field", async () => {
    const ask = (method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
      t.app.inject({ method, url, ...(payload && { payload }), headers: { cookie: leader, "accept-language": "en" } });
    const forumId = await createForumViaApi(t.app, leader, forumBody(communeId));
    const outOfRange = [
      [await ask("POST", "/api/forums", forumBody(communeId, { startsAt: "9999-12-31T08:00:00+07:00" })), "startsAt"],
      [await ask("PUT", `/api/forums/${forumId}`, { ...forumBody(communeId), unitId: undefined, startsAt: "1999-12-31T16:59:59Z" }), "startsAt"],
      [await ask("POST", "/api/opinions", { unitId: communeId, content: "Ý kiến", channel: "hotline", clientKey: randomUUID(), receivedAt: "1970-01-01T00:00:00Z" }), "receivedAt"],
      [await ask("GET", "/api/opinions?from=0000-01-01"), "from"],
      [await ask("GET", `/api/public/units/${communeId}/summary?to=9999-12-31`), "to"],
    ] as const;
    for (const [response, field] of outOfRange) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({ code: "validation.date_out_of_range", field });
    }
    const tooLong = await ask("GET", "/api/forums/stats?from=2000-01-01&to=2010-01-02");
    expect(tooLong.json().error).toEqual({
      code: "validation.range_too_long",
      field: "to",
      message: "The period ending at “to” is longer than 10 years; choose a shorter one.",
    });
    expect((await ask("GET", "/api/forums/coverage?from=2000-01-01&to=2010-01-01")).statusCode).toBe(200);
    expect((await ask("GET", "/api/opinions?from=2000-01-01&to=2026-01-01")).json().error.code).toBe("validation.range_too_long");
  });

  it("keeps the dashboard of a campaign stored from year 1 to 9999 (before dates were bounded) finite and fast", async () => {
    await t.db.updateTable("survey_campaigns").set({ ends_on: "9999-12-31" }).where("id", "=", campaignId).execute();
    try {
      await t.db.updateTable("survey_campaigns").set({ starts_on: "0001-01-01" }).where("id", "=", campaignId).execute();
      const started = performance.now();
      const response = await t.app.inject({ url: `/api/satisfaction/dashboard?campaignId=${campaignId}`, headers: { cookie: leader } });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().period.from).toBe("2000-01-01");
      expect(response.json().period.to).toBe("2099-12-01");
    } finally {
      await t.db.updateTable("survey_campaigns").set({ starts_on: "2020-01-01", ends_on: "2099-12-31" }).where("id", "=", campaignId).execute();
    }
  });
});
