import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { useSuiteClock } from "../../test/clock.ts";
import { ENGINES } from "../../test/db.ts";
import { readDocx } from "../../test/docx.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";

useSuiteClock();

describe.each(ENGINES)("the written answer letter (công văn trả lời) on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let unitId: string;
  let leader: string;
  let officer: string;
  let outsider: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const province = await createTestUnit(t.db, { name: "Công an tỉnh Thanh Hóa" });
    unitId = (await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Thiệu Hóa" })).id;
    const beside = await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Thiệu Toán" });
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId })).username);
    officer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId })).username);
    outsider = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: beside.id })).username);
  });
  afterAll(() => t.close());

  const content = "Tôi là Nguyễn Văn An, số điện thoại 0912345678, đề nghị Công an xã tăng tuần tra ở chợ Thiệu Hóa buổi tối.";
  const answerText = "Công an xã đã bố trí tổ tuần tra tại chợ từ 18 giờ đến 22 giờ hằng ngày.";

  const submit = async () => {
    const sent = await t.app.inject({
      method: "POST",
      url: "/api/public/opinions",
      payload: { unitId, kind: "recommendation", content, anonymous: false, contact: { name: "Nguyễn Văn An", phone: "0912345678" } },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const code = sent.json().trackingCode as string;
    const row = await t.db.selectFrom("opinions").select("id").where("tracking_code", "=", code.replaceAll("-", "")).executeTakeFirstOrThrow();
    return { id: row.id, code };
  };
  const answer = async (id: string) => {
    const answered = await t.app.inject({ method: "POST", url: `/api/opinions/${id}/answers`, payload: { content: answerText }, headers: { cookie: leader } });
    expect(answered.statusCode, answered.body).toBe(201);
  };
  const letter = (id: string, cookie: string) => t.app.inject({ method: "GET", url: `/api/opinions/${id}/answer-letter.docx`, headers: { cookie } });

  it("prints a numbered letter in the Decree 30 layout: header, number, date in words, redacted quote, answer, signature", async () => {
    const { id, code } = await submit();
    await answer(id);
    const response = await letter(id, officer);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("wordprocessingml");
    const { text, header } = await readDocx(response.rawPayload);
    for (const expected of ["CÔNG AN TỈNH THANH HÓA", "CÔNG AN XÃ THIỆU HÓA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 01/TL-CAXTH", "V/v trả lời ý kiến của Nhân dân"]) {
      expect(header).toContain(expected);
    }
    // The suite runs at 23:30 UTC on 08/12: already the 9th in Vietnam.
    expect(header).toContain("Thiệu Hóa, ngày 09 tháng 12 năm 2026");
    // An officer may not see identity: the contributor is addressed by the tracking code.
    expect(text).toContain(`Kính gửi: Ông/Bà đã gửi ý kiến (mã theo dõi ${code}).`);
    expect(text).toContain("đề nghị Công an xã tăng tuần tra ở chợ Thiệu Hóa buổi tối.");
    expect(text).not.toContain("Nguyễn Văn An");
    expect(text).not.toContain("0912345678");
    expect(text).toContain(answerText);
    expect(text).toContain("TM. CÔNG AN XÃ THIỆU HÓA");
    expect(text).toContain("Nơi nhận:");
    expect(text).toContain("- Lưu: VT, CAXTH.");
  });

  it("addresses the contributor by name for a leader, and audits that view of identity", async () => {
    const { id } = await submit();
    await answer(id);
    const response = await letter(id, leader);
    expect(response.statusCode, response.body).toBe(200);
    const { text } = await readDocx(response.rawPayload);
    expect(text).toContain("Kính gửi: Ông/Bà Nguyễn Văn An.");
    expect(text).not.toContain("0912345678");
    const views = await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", id).where("action", "=", "opinion.contact.view").execute();
    expect(views).toHaveLength(1);
  });

  it("gives an answer its number once: the same number on a second download, the next answer the next number", async () => {
    const first = await submit();
    await answer(first.id);
    const numberOf = async (id: string) => /Số: (\d+)\/TL-CAXTH/.exec((await readDocx((await letter(id, officer)).rawPayload)).header)?.[1];
    const given = await numberOf(first.id);
    expect(given).toMatch(/^\d{2,}$/);
    expect(await numberOf(first.id)).toBe(given);
    const second = await submit();
    await answer(second.id);
    expect(Number(await numberOf(second.id))).toBe(Number(given) + 1);
    expect(await numberOf(first.id)).toBe(given);
  });

  it("refuses a user outside the subtree (403) before saying there is no approved answer (409), and gives no number", async () => {
    const { id } = await submit();
    const refused = await letter(id, outsider);
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, "auth.forbidden"]);
    const early = await letter(id, officer);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: "opinion.no_approved_answer", message: expect.stringContaining("chưa có câu trả lời") });
    const english = await t.app.inject({ method: "GET", url: `/api/opinions/${id}/answer-letter.docx?lang=en`, headers: { cookie: officer } });
    expect(english.json().error.message).toContain("no approved answer");
    await answer(id);
    expect((await letter(id, outsider)).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/opinions/${id}/answer-letter.docx` })).statusCode).toBe(401);
  });
});
