import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { campaignBody, createCampaignAs } from "../../test/surveys.ts";
import { submitSurveyResponse } from "./surveys.responses.service.ts";
import { useSuiteClock } from "../../test/clock.ts";

useSuiteClock();

describe.each(ENGINES)("survey campaigns, one-time codes, flags and exclusions on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let leader: string;
  let inspector: string;
  let communeLeader: string;
  let outsider: string;
  let provinceId: string;
  let communeId: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    provinceId = (await createTestUnit(t.db)).id;
    communeId = (await createTestUnit(t.db, { parentId: provinceId })).id;
    const foreign = await createTestUnit(t.db);
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: provinceId })).username);
    inspector = await loginAs(t.app, (await createTestUser(t.db, { role: "inspector", unitId: provinceId })).username);
    communeLeader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: communeId })).username);
    outsider = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: foreign.id })).username);
  });
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
  const post = (url: string, cookie: string | undefined, payload: object) =>
    t.app.inject({ method: "POST", url, payload, headers: cookie ? { cookie } : {} });

  it("creates a campaign with a frozen copy of the template, QR links per unit, only over the leader's subtree", async () => {
    const templates = (await get("/api/surveys/templates", leader)).json().items;
    expect(templates.map((x: { code: string }) => x.code)).toEqual(["cand-3104", "sipas", "vneid-7"]);
    expect(templates.find((x: { code: string }) => x.code === "sipas").questions).toHaveLength(22);
    const custom = { id: "wait", type: "yes_no", text: { vi: "Bạn có phải chờ lâu không?", en: "Did you wait long?" } };
    const campaign = await createCampaignAs(t.app, leader, campaignBody([communeId], { templateCode: "vneid-7", customQuestions: [custom] }));
    expect(campaign).toMatchObject({ templateCode: "vneid-7", templateVersion: 1, family: "perception" });
    expect((campaign as unknown as { questions: unknown[] }).questions).toHaveLength(8);
    expect(campaign.units[0]!.surveyPath).toBe(`/s/${campaign.id}/${communeId}`);
    expect(campaign.units[0]!.surveyUrl).toMatch(/^http:\/\/.+\/s\//);
    const foreign = await post("/api/surveys/campaigns", outsider, campaignBody([communeId]));
    expect(foreign.statusCode).toBe(403);
    const listed = (await get("/api/surveys/campaigns", communeLeader)).json().items.map((c: { id: string }) => c.id);
    expect(listed).toContain(campaign.id);
    expect((await get("/api/surveys/campaigns", outsider)).json().items).toEqual([]);
    expect((await get(`/api/surveys/campaigns/${campaign.id}`, outsider)).statusCode).toBe(403);
  });

  it("accepts a contact response only with an unspent one-time code, spent once and never linked to the answers", async () => {
    const campaign = await createCampaignAs(t.app, leader, campaignBody([communeId], { family: "contact", templateCode: "sipas" }));
    const issued = await post(`/api/surveys/campaigns/${campaign.id}/units/${communeId}/codes`, leader, { count: 3 });
    expect(issued.statusCode, issued.body).toBe(201);
    const codes: string[] = issued.json().codes;
    expect(codes).toHaveLength(3);
    expect(codes[0]).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const url = `/api/public/surveys/${campaign.id}/units/${communeId}/responses`;
    const answers = { c1: 4, c10: 5 };
    const noCode = await post(url, undefined, { clientKey: randomUUID(), answers });
    expect(noCode.json().error).toMatchObject({ code: "survey.code_required", field: "code" });
    const wrong = await post(url, undefined, { clientKey: randomUUID(), answers, code: "AAAA-AAAA" });
    expect(wrong.statusCode).toBe(422);
    const ok = await post(url, undefined, { clientKey: randomUUID(), answers, code: codes[0]!.toLowerCase().replace("-", " ") });
    expect(ok.statusCode, ok.body).toBe(201);
    const again = await post(url, undefined, { clientKey: randomUUID(), answers, code: codes[0] });
    expect(again.json().error.code).toBe("survey.code_invalid");
    const stored = await t.db.selectFrom("survey_codes").selectAll().where("campaign_id", "=", campaign.id).execute();
    expect(stored.filter((c) => c.is_spent)).toHaveLength(1);
    expect(stored.every((c) => !codes.includes(c.code_hash) && c.code_hash.length === 64)).toBe(true);
    expect(Object.keys(stored[0]!)).toEqual(expect.not.arrayContaining(["response_id"]));
    // Not even the transaction ids link them: the code was spent in a transaction of its own.
    const codeXmin = await sql<{ xmin: string }>`SELECT xmin::text FROM survey_codes WHERE campaign_id = ${campaign.id} AND is_spent`.execute(t.db);
    const responseXmin = await sql<{ xmin: string }>`SELECT xmin::text FROM survey_responses WHERE campaign_id = ${campaign.id}`.execute(t.db);
    expect(responseXmin.rows).toHaveLength(1);
    expect(codeXmin.rows[0]!.xmin).not.toBe(responseXmin.rows[0]!.xmin);
    // A device that already answered cannot burn a code: the code is given back.
    const device = `ln_device=${"d".repeat(22)}`;
    const url2 = `/api/public/surveys/${campaign.id}/units/${communeId}/responses`;
    const firstFromDevice = await t.app.inject({ method: "POST", url: url2, payload: { clientKey: randomUUID(), answers, code: codes[1] }, headers: { cookie: device } });
    expect(firstFromDevice.statusCode).toBe(201);
    const secondFromDevice = await t.app.inject({ method: "POST", url: url2, payload: { clientKey: randomUUID(), answers, code: codes[2] }, headers: { cookie: device } });
    expect(secondFromDevice.json().error.code).toBe("survey.already_answered");
    const unspent = await t.db.selectFrom("survey_codes").select("code_hash").where("campaign_id", "=", campaign.id).where("is_spent", "=", false).execute();
    expect(unspent).toHaveLength(1);
    expect((await post(`/api/surveys/campaigns/${campaign.id}/units/${communeId}/codes`, outsider, { count: 1 })).statusCode).toBe(403);
  });

  it("flags straight-lining and lets an inspector exclude and re-include it, updating the index and auditing each decision", async () => {
    const campaign = await createCampaignAs(t.app, leader, campaignBody([communeId], { templateCode: "vneid-7" }));
    const url = `/api/public/surveys/${campaign.id}/units/${communeId}/responses`;
    const all5 = Object.fromEntries(["publicity", "access", "online", "handling", "time", "result", "feedback"].map((q) => [q, 5]));
    expect((await post(url, undefined, { clientKey: randomUUID(), answers: all5 })).statusCode).toBe(201);
    expect((await post(url, undefined, { clientKey: randomUUID(), answers: { publicity: 2, access: 3 } })).statusCode).toBe(201);
    const dashboardUrl = `/api/satisfaction/dashboard?campaignId=${campaign.id}`;
    const before = (await get(dashboardUrl, leader)).json();
    expect(before.overall.instances.n).toBe(9);

    const flags = await get(`/api/surveys/campaigns/${campaign.id}/flags`, inspector);
    expect(flags.statusCode, flags.body).toBe(200);
    const [flagged] = flags.json().items;
    expect(flagged.flags).toEqual(["straight_line"]);
    expect(flagged.isExcluded).toBe(false);
    const decision = `/api/surveys/responses/${flagged.id}/decision`;
    expect((await post(decision, communeLeader, { decision: "exclude", reason: "Tự đánh giá đơn vị mình" })).statusCode).toBe(403);
    const excluded = await post(decision, inspector, { decision: "exclude", reason: "Đánh giá đồng loạt mức 5 lúc 2 giờ sáng" });
    expect(excluded.json()).toEqual({ id: flagged.id, isExcluded: true });
    expect((await post(decision, inspector, { decision: "exclude", reason: "lần nữa" })).statusCode).toBe(409);
    expect((await get(dashboardUrl, leader)).json().overall.instances.n).toBe(2);
    await post(decision, inspector, { decision: "include", reason: "Đã xác minh là người thật" });
    expect((await get(dashboardUrl, leader)).json().overall.instances.n).toBe(9);
    const audit = await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", flagged.id).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["survey.response.exclude", "survey.response.include"]);
  });

  it("flags a burst: the 30th response for one unit within 5 minutes, and not one that comes later", async () => {
    const campaign = await createCampaignAs(t.app, leader, campaignBody([communeId]));
    const start = Date.parse("2026-03-02T02:00:00Z");
    const send = (at: number) =>
      submitSurveyResponse({
        db: t.db,
        campaignId: campaign.id,
        unitId: communeId,
        input: { clientKey: randomUUID(), answers: { security: 4 } },
        deviceId: undefined,
        now: new Date(at),
      });
    for (let i = 0; i < 30; i++) await send(start + i * 5_000);
    await send(start + 20 * 60_000);
    const rows = await t.db.selectFrom("survey_responses").select(["flags", "submitted_at"]).where("campaign_id", "=", campaign.id).orderBy("submitted_at").execute();
    expect(rows.map((r) => r.flags.join(",")).filter((f) => f === "burst")).toHaveLength(1);
    expect(rows[29]!.flags).toEqual(["burst"]);
    expect(rows[30]!.flags).toEqual([]);
  });

  it("flags a burst among simultaneous responses as if they came one by one: the 30th and later within 5 minutes", async () => {
    const campaign = await createCampaignAs(t.app, leader, campaignBody([communeId]));
    const now = new Date("2026-03-03T02:00:00Z");
    const statuses = await Promise.all(
      Array.from({ length: 35 }, () =>
        submitSurveyResponse({ db: t.db, campaignId: campaign.id, unitId: communeId, input: { clientKey: randomUUID(), answers: { security: 4 } }, deviceId: undefined, now }),
      ),
    );
    expect(statuses.every((s) => s.status === "recorded")).toBe(true);
    const rows = await t.db.selectFrom("survey_responses").select("flags").where("campaign_id", "=", campaign.id).execute();
    expect(rows).toHaveLength(35);
    expect(rows.filter((r) => r.flags.includes("burst"))).toHaveLength(6);
  });

  it("publishes results only by the evaluating unit's leader; the public page shows them only then", async () => {
    const campaign = await createCampaignAs(t.app, leader, campaignBody([communeId]));
    const results = `/api/public/surveys/${campaign.id}/results`;
    expect((await t.app.inject({ method: "GET", url: results })).statusCode).toBe(409);
    expect((await post(`/api/surveys/campaigns/${campaign.id}/publish`, communeLeader, {})).statusCode).toBe(403);
    const published = await post(`/api/surveys/campaigns/${campaign.id}/publish`, leader, {});
    expect(published.json().publishedAt).not.toBeNull();
    const page = await t.app.inject({ method: "GET", url: results });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().root.id).toBe(provinceId);
  });
});
