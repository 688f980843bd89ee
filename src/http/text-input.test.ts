import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { campaignBody, createCampaignAs, deviceCookie } from "../../test/surveys.ts";
import { createForumViaApi, forumBody, phoneCookie } from "../forums/forums.test-support.ts";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("ảnh báo cáo")]);
const CSV = Buffer.from("Nội dung ý kiến\nĐề nghị lắp đèn đường thôn Đông\n", "utf8");

// Characters that show nothing (the tester's list), and white space around them.
const INVISIBLE = [
  "\u00ad", "\u034f", "\u115f", "\u1160", "\u3164", "\u2800", "\ufe0f", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
  "\u2060", "\u2061", "\u2064", "\u206a", "\u206f", "\u{e0020}", "\u{e0041}", "\u{e007f}", "\ufeff", "\uffa0", " ", "\n", "\u00a0", "\u3000",
];
const invisibleOnly = fc.array(fc.constantFrom(...INVISIBLE), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));

describe.each(ENGINES)("text inputs with NUL or only invisible characters on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let leader: string;
  let unitId: string;
  let forumId: string;
  let campaignId: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const provinceId = (await createTestUnit(t.db)).id;
    unitId = (await createTestUnit(t.db, { parentId: provinceId })).id;
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId })).username);
    forumId = await createForumViaApi(t.app, leader, forumBody(unitId));
    await t.app.inject({ method: "POST", url: `/api/forums/${forumId}/status`, payload: { action: "start" }, headers: { cookie: leader } });
    const leaderOfProvince = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: provinceId })).username);
    const remark = { id: "remark", type: "text", text: { vi: "Ý kiến khác", en: "Other remarks" }, maxLength: 500 };
    campaignId = (await createCampaignAs(t.app, leaderOfProvince, campaignBody([unitId], { customQuestions: [remark] }))).id;
  });
  afterAll(() => t.close());

  const send = (method: "POST" | "PUT", url: string, payload: object | Buffer, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, payload, headers: { cookie: leader, ...headers } });
  const expectNulRefused = (response: Awaited<ReturnType<typeof send>>, field: string) => {
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toMatchObject({ code: "request.nul_character", field });
    expect(response.json().error.message).toContain(`“${field}”`);
  };

  it("refuses a NUL in the minutes, a forum's report, a report file's name and an import's file name with a 400 naming the field", async () => {
    const minutes = await send("PUT", `/api/forums/${forumId}/minutes`, { attendees: "Ông A\u0000", proceedings: "Khai mạc" });
    expectNulRefused(minutes, "attendees");
    const forum = await send("PUT", `/api/forums/${forumId}`, { ...forumBody(unitId), unitId: undefined, reportText: "Báo cáo\u0000" });
    expectNulRefused(forum, "reportText");
    const octets = { "content-type": "application/octet-stream" };
    expectNulRefused(await send("POST", `/api/forums/${forumId}/report-file?fileName=a%00.png`, PNG, octets), "fileName");
    expectNulRefused(await send("POST", `/api/opinion-imports?unitId=${unitId}&fileName=a%00.csv`, CSV, octets), "fileName");
    // The same checks hold for a path parameter and for a key of a JSON object, in English too.
    const path = await t.app.inject({ url: "/api/public/opinions/AB%00CD", headers: { "accept-language": "en" } });
    expect(path.json().error).toMatchObject({ code: "request.nul_character", field: "trackingCode" });
    expect(path.json().error.message).toBe("The field “trackingCode” contains a NUL character (code 0), which text may not contain.");
    const key = await t.app.inject({
      method: "POST",
      url: `/api/public/surveys/${campaignId}/units/${unitId}/responses`,
      payload: { clientKey: randomUUID(), answers: { "security\u0000": 5 } },
    });
    expect(key.json().error).toMatchObject({ code: "request.nul_character", field: "answers.security\\0" });
  });

  it("still takes a file whose bytes hold NULs, and a name without one", async () => {
    const upload = await send("POST", `/api/forums/${forumId}/report-file?fileName=a.png`, Buffer.concat([PNG, Buffer.alloc(8)]), { "content-type": "application/octet-stream" });
    expect(upload.statusCode, upload.body).toBeLessThan(300);
  });

  it("refuses as empty an opinion, a forum opinion, an officer's and a secretary's entry made only of invisible characters", async () => {
    const phone = await phoneCookie(t.app, forumId);
    await fc.assert(
      fc.asyncProperty(invisibleOnly, async (content) => {
        const attempts = [
          await t.app.inject({ method: "POST", url: "/api/public/opinions", payload: { unitId, content } }),
          await t.app.inject({ method: "POST", url: `/api/public/forums/${forumId}/opinions`, payload: { content }, headers: { cookie: phone } }),
          await send("POST", "/api/opinions", { unitId, content, channel: "hotline", clientKey: randomUUID() }),
          await send("POST", `/api/forums/${forumId}/entries`, { content, clientKey: randomUUID() }),
        ];
        for (const response of attempts) {
          expect(response.statusCode, response.body).toBe(400);
          expect(response.json().error).toMatchObject({ code: "validation.too_small", field: "content" });
        }
      }),
      { numRuns: 25 },
    );
    expect(await t.db.selectFrom("opinions").select("id").execute()).toEqual([]);
  });

  it("counts a survey's text answer made only of invisible characters as no answer", async () => {
    const cookie = await deviceCookie(t.app, campaignId, unitId);
    await fc.assert(
      fc.asyncProperty(invisibleOnly, async (remark) => {
        const response = await t.app.inject({
          method: "POST",
          url: `/api/public/surveys/${campaignId}/units/${unitId}/responses`,
          payload: { clientKey: randomUUID(), answers: { remark } },
          headers: { cookie },
        });
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json().error).toMatchObject({ code: "survey.answers_empty" });
      }),
      { numRuns: 25 },
    );
  });

  it("names the question of an invalid survey answer in the request's language", async () => {
    const answer = (lang: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/public/surveys/${campaignId}/units/${unitId}/responses`,
        payload: { clientKey: randomUUID(), answers: { security: 9 } },
        headers: { "accept-language": lang },
      });
    const form = (await t.app.inject({ url: `/api/public/surveys/${campaignId}/units/${unitId}` })).json();
    const security = form.questions.find((q: { id: string }) => q.id === "security").text as { vi: string; en: string };
    expect(security.vi).not.toBe(security.en);
    const vi = (await answer("vi")).json().error;
    expect(vi).toEqual({ code: "survey.answer_invalid", field: "answers.security", message: `Câu trả lời cho câu hỏi “${security.vi}” không hợp lệ.` });
    expect((await answer("en")).json().error.message).toBe(`The answer to the question “${security.en}” is invalid.`);
  });
});
