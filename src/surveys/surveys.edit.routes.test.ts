import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { campaignBody, createCampaignAs } from "../../test/surveys.ts";
import { submitSurveyResponse } from "./surveys.responses.service.ts";
import { useSuiteClock } from "../../test/clock.ts";

useSuiteClock();

const likert = { id: "parking", type: "likert", element: null, text: { vi: "Chỗ để xe có thuận tiện không?", en: "Was parking easy?" } };
const choice = {
  id: "heard_from",
  type: "choice",
  text: { vi: "Bạn biết khảo sát qua đâu?" },
  options: [
    { code: "poster", text: { vi: "Áp phích" } },
    { code: "officer", text: { vi: "Cán bộ giới thiệu", en: "An officer" } },
  ],
};

describe.each(ENGINES)("editing a survey campaign (PATCH /api/surveys/campaigns/:id) on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let leader: string;
  let officer: string;
  let communeLeader: string;
  let outsider: string;
  let communeId: string;
  let otherCommuneId: string;
  let foreignId: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const provinceId = (await createTestUnit(t.db)).id;
    communeId = (await createTestUnit(t.db, { parentId: provinceId })).id;
    otherCommuneId = (await createTestUnit(t.db, { parentId: provinceId })).id;
    foreignId = (await createTestUnit(t.db)).id;
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: provinceId })).username);
    officer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId: provinceId })).username);
    communeLeader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: communeId })).username);
    outsider = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: foreignId })).username);
  });
  afterAll(() => t.close());

  const patch = (id: string, cookie: string, payload: unknown, lang = "vi") =>
    t.app.inject({ method: "PATCH", url: `/api/surveys/campaigns/${id}`, payload: payload as object, headers: { cookie, "accept-language": lang } });
  const respond = (campaignId: string, answers: Record<string, unknown>, now?: Date) =>
    submitSurveyResponse({ db: t.db, campaignId, unitId: communeId, input: { clientKey: randomUUID(), answers }, deviceId: undefined, ...(now && { now }) });

  it("changes everything but the template before the first response, audited, and the response path sees it at once", async () => {
    const campaign = await createCampaignAs(t.app, leader, campaignBody([communeId, otherCommuneId], { customQuestions: [likert] }));
    // The response path caches the campaign: this refused answer to a question not yet asked fills the cache.
    await expect(respond(campaign.id, { heard_from: "poster" })).rejects.toMatchObject({ code: "survey.answer_invalid" });
    const edited = await patch(campaign.id, leader, {
      title: "  Khảo sát quý II  ",
      startsOn: "2020-02-01",
      endsOn: "2098-12-31",
      channels: ["qr", "paper"],
      customQuestions: [choice, likert],
      attributes: ["ageBand", "area"],
      units: [{ unitId: communeId, quota: 200, fieldCode: "administrative" }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const body = edited.json();
    expect(body).toMatchObject({ title: "Khảo sát quý II", startsOn: "2020-02-01", endsOn: "2098-12-31", channels: ["qr", "paper"], attributes: ["ageBand", "area"] });
    expect(body).toMatchObject({ templateCode: "cand-3104", templateVersion: 1, hasResponses: false, lastAnsweredOn: null, customQuestionIds: ["heard_from", "parking"] });
    expect(body.questions.map((q: { id: string }) => q.id)).toEqual(["security", "duties", "conduct", "force", "heard_from", "parking"]);
    // An English text left out is the Vietnamese one.
    expect(body.questions[4]).toMatchObject({ text: { vi: "Bạn biết khảo sát qua đâu?", en: "Bạn biết khảo sát qua đâu?" } });
    expect(body.questions[4].options[0].text).toEqual({ vi: "Áp phích", en: "Áp phích" });
    expect(body.units).toEqual([expect.objectContaining({ unitId: communeId, quota: 200, fieldCode: "administrative" })]);
    expect(await respond(campaign.id, { heard_from: "poster", parking: 4 })).toEqual({ status: "recorded" });
    const audit = await t.db.selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", campaign.id).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["survey.campaign.create", "survey.campaign.update"]);
    expect(audit[1]!.details).toMatchObject({
      changed: ["title", "startsOn", "endsOn", "channels", "customQuestions", "attributes", "units"],
      hadResponses: false,
      endsOn: { from: "2099-12-31", to: "2098-12-31" },
      units: { removed: [otherCommuneId] },
    });
  });

  it("after responses changes only the name, the end date (not before the last answered day), quotas, added units and channels", async () => {
    const campaign = await createCampaignAs(t.app, leader, campaignBody([communeId], { customQuestions: [likert], attributes: ["sex"] }));
    await respond(campaign.id, { security: 4, parking: 5 }, new Date("2026-03-02T03:00:00Z"));
    const allowed = await patch(campaign.id, leader, {
      title: "Khảo sát đã chạy",
      endsOn: "2026-03-02",
      channels: ["qr", "online", "desk"],
      customQuestions: [likert],
      attributes: ["sex"],
      units: [{ unitId: communeId, quota: 50 }, { unitId: otherCommuneId, quota: 20, fieldCode: "traffic" }],
    });
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json()).toMatchObject({ title: "Khảo sát đã chạy", endsOn: "2026-03-02", hasResponses: true, lastAnsweredOn: "2026-03-02", isOpen: false });
    expect(allowed.json().units).toHaveLength(2);
    const audit = await t.db.selectFrom("audit_log").select("details").where("entity_id", "=", campaign.id).where("action", "=", "survey.campaign.update").executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ changed: ["title", "endsOn", "channels", "units"], hadResponses: true });

    const refused: [object, string, string][] = [
      [{ customQuestions: [{ ...likert, text: { vi: "Câu hỏi khác hẳn" } }] }, "survey.edit_answered_questions", "customQuestions"],
      [{ customQuestions: [] }, "survey.edit_answered_questions", "customQuestions"],
      [{ attributes: ["sex", "area"] }, "survey.edit_answered_attributes", "attributes"],
      [{ startsOn: "2020-01-02" }, "survey.edit_answered_start", "startsOn"],
      [{ endsOn: "2026-03-01" }, "survey.edit_ends_before_last_response", "endsOn"],
      [{ units: [{ unitId: communeId }] }, "survey.edit_answered_units", "units"],
      [{ units: [{ unitId: communeId, fieldCode: "traffic" }, { unitId: otherCommuneId }] }, "survey.edit_answered_field", "units"],
    ];
    for (const [body, code, field] of refused) {
      const response = await patch(campaign.id, leader, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(409);
      expect(response.json().error).toMatchObject({ code, field });
    }
    expect((await patch(campaign.id, leader, { endsOn: "2026-03-01" })).json().error.message).toBe("Ngày kết thúc không được trước ngày 02/03/2026, ngày của phiếu trả lời gần nhất.");
    expect((await patch(campaign.id, leader, { customQuestions: [] }, "en")).json().error.message).toMatch(/^The campaign already has responses, so its questions cannot change/);
    expect((await patch(campaign.id, leader, { endsOn: "2027-06-30" })).json().endsOn).toBe("2027-06-30");
    const edits = await t.db.selectFrom("audit_log").select("id").where("entity_id", "=", campaign.id).where("action", "=", "survey.campaign.update").execute();
    expect(edits).toHaveLength(2);
  });

  it("refuses anyone but a leader of the evaluating unit (403), and units outside the leader's subtree (403)", async () => {
    const campaign = await createCampaignAs(t.app, leader, campaignBody([communeId]));
    for (const cookie of [communeLeader, officer, outsider]) {
      const response = await patch(campaign.id, cookie, { title: "Đổi tên trái phép" });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("auth.forbidden");
    }
    const foreign = await patch(campaign.id, leader, { units: [{ unitId: communeId }, { unitId: foreignId }] });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe("survey.unit_out_of_scope");
    expect((await patch(randomUUID(), leader, { title: "Không có" })).statusCode).toBe(404);
    const unchanged = await t.db.selectFrom("survey_campaigns").select("title").where("id", "=", campaign.id).executeTakeFirstOrThrow();
    expect(unchanged.title).toBe("Khảo sát sự hài lòng của Nhân dân năm 2026");
  });

  it("refuses bad bodies with 400 naming the field", async () => {
    const campaign = await createCampaignAs(t.app, leader, campaignBody([communeId]));
    const bad: [unknown, string][] = [
      [{}, "validation.custom"],
      [{ templateVersion: 2 }, "validation.unrecognized_keys"],
      [{ family: "contact" }, "validation.unrecognized_keys"],
      [{ title: "   " }, "validation.too_small"],
      [{ endsOn: "31/12/2026" }, "validation.invalid_format"],
      [{ channels: [] }, "validation.too_small"],
      [{ units: [{ unitId: communeId, quota: 0 }] }, "validation.too_small"],
      [{ customQuestions: [{ id: "n", type: "number", text: { vi: "Tuổi" }, min: 10, max: 1 }] }, "validation.custom"],
      [{ customQuestions: [{ ...choice, options: [choice.options[0], choice.options[0]] }] }, "validation.custom"],
      [{ endsOn: "2019-12-31" }, "survey.period_invalid"],
      [{ customQuestions: [likert, likert] }, "survey.question_duplicate"],
      [{ customQuestions: [{ ...likert, id: "security" }] }, "survey.question_duplicate"],
      [{ customQuestions: [{ ...likert, element: "no_such_group" }] }, "survey.element_unknown"],
      [{ units: [{ unitId: communeId, fieldCode: "no_such_field" }] }, "survey.field_unknown"],
    ];
    for (const [body, code] of bad) {
      const response = await patch(campaign.id, leader, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code, JSON.stringify(body)).toBe(code);
    }
    const created = await t.app.inject({
      method: "POST",
      url: "/api/surveys/campaigns",
      payload: campaignBody([communeId], { customQuestions: [{ ...likert, element: "no_such_group" }] }),
      headers: { cookie: leader },
    });
    expect(created.json().error).toMatchObject({ code: "survey.element_unknown", field: "customQuestions" });
  });

  it("never answers 500, whatever the body (property)", async () => {
    const campaign = await createCampaignAs(t.app, leader, campaignBody([communeId], { customQuestions: [likert] }));
    await respond(campaign.id, { security: 3 }, new Date("2026-03-02T03:00:00Z"));
    const day = fc.oneof(fc.constantFrom("2026-03-01", "2026-03-02", "2099-12-31", "2020-01-01", "2026-02-30"), fc.string());
    const unit = fc.record(
      { unitId: fc.oneof(fc.constantFrom(communeId, otherCommuneId, foreignId), fc.uuid(), fc.string()), quota: fc.oneof(fc.integer(), fc.constant(null), fc.double()), fieldCode: fc.oneof(fc.constantFrom("traffic", "administrative"), fc.string(), fc.constant(null)) },
      { requiredKeys: ["unitId"] },
    );
    const question = fc.oneof(
      fc.constant(likert),
      fc.constant(choice),
      fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), type: fc.constantFrom("likert", "yes_no", "choice", "number", "text", "other"), text: fc.record({ vi: fc.string(), en: fc.string() }), min: fc.double(), max: fc.double(), maxLength: fc.integer(), element: fc.constant(null) }, { requiredKeys: ["id", "type", "text"] }),
      fc.anything(),
    );
    const body = fc.oneof(
      fc.record(
        {
          title: fc.oneof(fc.string(), fc.anything()),
          startsOn: day,
          endsOn: day,
          channels: fc.array(fc.oneof(fc.constantFrom("qr", "online", "desk", "paper", "forum"), fc.string())),
          customQuestions: fc.array(question, { maxLength: 4 }),
          attributes: fc.array(fc.oneof(fc.constantFrom("ageBand", "sex", "occupation", "area"), fc.string())),
          units: fc.array(unit, { maxLength: 4 }),
          templateVersion: fc.integer(),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const response = await t.app.inject({ method: "PATCH", url: `/api/surveys/campaigns/${campaign.id}`, payload: JSON.stringify(payload) ?? "null", headers: { cookie: leader, "content-type": "application/json" } });
        expect([200, 400, 403, 404, 409, 422], response.body).toContain(response.statusCode);
        expect(response.json().error?.code ?? "ok").not.toBe("internal");
      }),
      { numRuns: 150 },
    );
  });
});
