import { createHash, randomUUID } from "node:crypto";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { campaignBody, createCampaignAs } from "../../test/surveys.ts";
import { submitSurveyResponse } from "../surveys/surveys.responses.service.ts";
import { createForumViaApi, forumBody } from "./forums.test-support.ts";
import { useSuiteClock } from "../../test/clock.ts";

useSuiteClock();

/** The text of a DOCX's body. */
async function docxXmlText(buffer: Buffer) {
  const xml = (await (await JSZip.loadAsync(buffer)).file("word/document.xml")?.async("string")) ?? "";
  return xml.replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "");
}

/** The distinct images of a DOCX (the same QR code placed twice is one image). */
async function distinctImages(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const media = Object.values(zip.files).filter((f) => f.name.startsWith("word/media/"));
  const hashes = await Promise.all(media.map(async (f) => createHash("sha256").update(await f.async("nodebuffer")).digest("hex")));
  return new Set(hashes).size;
}

describe.each(ENGINES)("a forum's linked satisfaction campaign on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let provinceId: string;
  let communeId: string;
  let otherCommuneId: string;
  let leader: string;
  let officer: string;
  let provinceLeader: string;
  let otherLeader: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    provinceId = (await createTestUnit(t.db, { name: "Công an tỉnh Liên Kết" })).id;
    communeId = (await createTestUnit(t.db, { parentId: provinceId, name: "Công an xã Đông Hòa" })).id;
    otherCommuneId = (await createTestUnit(t.db, { parentId: provinceId, name: "Công an xã Tây Hòa" })).id;
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: communeId })).username);
    officer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId: communeId })).username);
    provinceLeader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: provinceId })).username);
    otherLeader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: otherCommuneId })).username);
  });
  afterAll(() => t.close());

  const send = (method: "GET" | "POST", url: string, cookie?: string, payload?: object, language = "vi") =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { ...(cookie ? { cookie } : {}), "accept-language": language } });

  it("creates the forum's campaign in one step; the public page offers its survey; the poster carries both QR codes", async () => {
    const id = await createForumViaApi(t.app, leader, forumBody(communeId));
    const before = await send("GET", `/api/forums/${id}/campaigns`, officer);
    expect(before.json()).toEqual({ items: [], canLink: false, linkable: [] });
    expect((await send("GET", `/api/public/forums/${id}`)).json().satisfactionSurvey).toBeNull();
    expect(await distinctImages((await send("GET", `/api/forums/${id}/poster.docx`, officer)).rawPayload)).toBe(1);

    expect((await send("POST", `/api/forums/${id}/campaigns`, officer, {})).json().error.code).toBe("survey.forum_link_forbidden");
    const created = await send("POST", `/api/forums/${id}/campaigns`, leader, {});
    expect(created.statusCode).toBe(201);
    const [item] = created.json().items;
    expect(item).toMatchObject({ title: expect.stringContaining("Đánh giá sự hài lòng"), surveyPath: `/s/${item.id}/${communeId}` });
    const day = forumBody(communeId).startsAt.slice(0, 10);
    expect(item.startsOn).toBe(day);

    // The campaign is a real one of the commune: its console and its public survey know it.
    const campaign = (await send("GET", `/api/surveys/campaigns/${item.id}`, leader)).json();
    expect(campaign).toMatchObject({ forumId: id, family: "perception", templateCode: "cand-3104" });

    // Tomorrow's campaign does not take responses yet: the public page offers it from the forum's day.
    expect((await send("GET", `/api/public/forums/${id}`)).json().satisfactionSurvey).toBeNull();
    await t.db.updateTable("survey_campaigns").set({ starts_on: "2020-01-01" }).where("id", "=", item.id).execute();
    const page = (await send("GET", `/api/public/forums/${id}`)).json();
    expect(page.satisfactionSurvey).toMatchObject({ path: `/s/${item.id}/${communeId}` });

    const poster = await send("GET", `/api/forums/${id}/poster.docx`, officer);
    expect(poster.statusCode).toBe(200);
    expect(await distinctImages(poster.rawPayload)).toBe(2);
    const xml = (await (await JSZip.loadAsync(poster.rawPayload)).file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("ĐÁNH GIÁ SỰ HÀI LÒNG");
    expect(xml).toContain(`/s/${item.id}/${communeId}?via=qr`);

    const audit = await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", item.id).execute();
    expect(audit.map((a) => a.action)).toContain("survey.campaign.create");
  });

  it("links an existing campaign of the organising unit covering the forum's day, and refuses others in vi and en", async () => {
    const id = await createForumViaApi(t.app, leader, forumBody(communeId));
    const own = await createCampaignAs(t.app, leader, campaignBody([communeId], { title: "Khảo sát năm 2026 của xã" }));
    const listed = (await send("GET", `/api/forums/${id}/campaigns`, leader)).json();
    expect(listed.canLink).toBe(true);
    expect(listed.linkable.map((c: { id: string }) => c.id)).toContain(own.id);

    // A campaign of another unit (the province evaluating the commune): 403, in Vietnamese and in English.
    const provinces = await createCampaignAs(t.app, provinceLeader, campaignBody([communeId]));
    const refusedVi = await send("POST", `/api/forums/${id}/campaigns`, leader, { campaignId: provinces.id });
    expect(refusedVi.statusCode).toBe(403);
    expect(refusedVi.json().error).toMatchObject({ code: "survey.forum_link_other_unit", message: expect.stringContaining("đơn vị khác") });
    const refusedEn = await send("POST", `/api/forums/${id}/campaigns`, leader, { campaignId: provinces.id }, "en");
    expect(refusedEn.json().error.message).toContain("another unit");

    // A period that misses the forum's day: 422 with the dates as dd/mm/yyyy.
    const past = await createCampaignAs(t.app, leader, campaignBody([communeId], { startsOn: "2021-01-01", endsOn: "2021-12-31" }));
    const outOfPeriod = await send("POST", `/api/forums/${id}/campaigns`, leader, { campaignId: past.id }, "en");
    expect(outOfPeriod.statusCode).toBe(422);
    expect(outOfPeriod.json().error).toMatchObject({ code: "survey.forum_link_period", field: "campaignId", message: expect.stringContaining("01/01/2021") });

    // A leader of another commune may not link to this forum (its forum is out of their scope).
    expect((await send("POST", `/api/forums/${id}/campaigns`, otherLeader, { campaignId: own.id })).statusCode).toBe(403);
    // The province's leader reads the forum but is not of the organising unit.
    const province = await send("POST", `/api/forums/${id}/campaigns`, provinceLeader, { campaignId: own.id });
    expect(province.json().error.code).toBe("survey.forum_link_forbidden");
    // Unknown campaign: 404; malformed body: 400; never 500.
    expect((await send("POST", `/api/forums/${id}/campaigns`, leader, { campaignId: "00000000-0000-4000-8000-000000000000" })).statusCode).toBe(404);
    expect((await send("POST", `/api/forums/${id}/campaigns`, leader, { campaignId: "nope" })).statusCode).toBe(400);

    const linked = await send("POST", `/api/forums/${id}/campaigns`, leader, { campaignId: own.id });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().items.map((c: { id: string }) => c.id)).toEqual([own.id]);
    expect(linked.json().linkable.map((c: { id: string }) => c.id)).not.toContain(own.id);
    expect((await send("GET", `/api/public/forums/${id}`)).json().satisfactionSurvey).toMatchObject({ path: `/s/${own.id}/${communeId}` });

    // The unit's satisfaction in the console and the minutes: n only below the minimum (10), the rate from it on.
    expect(linked.json().items[0].satisfaction).toMatchObject({ n: 0, rate: null, minN: 10 });
    const answer = (security: number) =>
      submitSurveyResponse({ db: t.db, campaignId: own.id, unitId: communeId, input: { clientKey: randomUUID(), answers: { security } }, deviceId: undefined });
    for (let i = 0; i < 9; i++) await answer(i < 8 ? 4 : 2);
    const few = (await send("GET", `/api/forums/${id}/campaigns`, officer)).json().items[0].satisfaction;
    expect(few).toMatchObject({ n: 9, responses: 9, rate: null, low: null });
    expect(await docxXmlText((await send("GET", `/api/forums/${id}/minutes.docx`, officer)).rawPayload)).toContain("chưa đủ số lượt tối thiểu (10)");
    await answer(5);
    const enough = (await send("GET", `/api/forums/${id}/campaigns`, officer)).json().items[0].satisfaction;
    expect(enough).toMatchObject({ n: 10, responses: 10, rate: 90 });
    const minutes = await docxXmlText((await send("GET", `/api/forums/${id}/minutes.docx`, officer)).rawPayload);
    expect(minutes).toContain("90,0% hài lòng trên 10 lượt đánh giá của 10 phiếu");

    // The survey console's own creation links no forum: a forum is linked only through the checks above.
    const sideways = await createCampaignAs(t.app, otherLeader, campaignBody([otherCommuneId], { forumId: id }));
    expect((await send("GET", `/api/surveys/campaigns/${sideways.id}`, otherLeader)).json().forumId).toBeNull();
    expect((await send("GET", `/api/forums/${id}/campaigns`, leader)).json().items.map((c: { id: string }) => c.id)).toEqual([own.id]);

    // Linked to this forum, it cannot be linked to another one.
    const second = await createForumViaApi(t.app, leader, forumBody(communeId, { title: "Hội nghị thôn Tây" }));
    const taken = await send("POST", `/api/forums/${second}/campaigns`, leader, { campaignId: own.id });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("survey.forum_link_taken");
  });
});
