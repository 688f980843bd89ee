import { createHash, randomUUID } from "node:crypto";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { MINUTES_HEADINGS, minutesSummary } from "./forums.documents.ts";
import { createForumViaApi, forumBody, phoneCookie } from "./forums.test-support.ts";
import { useSuiteClock } from "../../test/clock.ts";
import { readDocx } from "../../test/docx.ts";

useSuiteClock();

/** The text of a DOCX's body: runs joined, paragraphs on their own lines. */
async function docxText(buffer: Buffer): Promise<string> {
  return (await readDocx(buffer)).text;
}

it("writes \"Hội nghị\" once in the minutes' summary line, whether or not the forum's title starts with it", () => {
  expect(minutesSummary("Hội nghị Công an lắng nghe ý kiến Nhân dân")).toBe("Hội nghị Công an lắng nghe ý kiến Nhân dân");
  expect(minutesSummary("hội nghị công an lắng nghe")).toBe("hội nghị công an lắng nghe");
  expect(minutesSummary("Công an lắng nghe ý kiến Nhân dân")).toBe("Hội nghị Công an lắng nghe ý kiến Nhân dân");
  expect(minutesSummary("Hội nghịch lý")).toBe("Hội nghị Hội nghịch lý");
});

describe.each(ENGINES)("forum minutes (Biên bản, Decree 30/2020 template 1.9) and poster on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let leader: string;
  let officer: string;
  let unitId: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const province = await createTestUnit(t.db, { name: "Công an tỉnh Thử Nghiệm" });
    unitId = (await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Thiệu Hóa thử" })).id;
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId })).username);
    officer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId })).username);
  });
  afterAll(() => t.close());

  const send = (method: "GET" | "POST" | "PUT", url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie } });

  it("drafts, edits and finalises the minutes: every opinion and answer in the DOCX, Vietnamese intact; final is immutable and audited", async () => {
    const id = await createForumViaApi(t.app, leader, forumBody(unitId));
    const withAttendance = await send("PUT", `/api/forums/${id}`, leader, { ...forumBody(unitId), attendance: 97 });
    expect(withAttendance.statusCode, withAttendance.body).toBe(200);
    expect((await send("PUT", `/api/forums/${id}/minutes`, officer, { attendees: "x", proceedings: "y" })).json().error.code).toBe("forum.minutes_too_early");
    await send("POST", `/api/forums/${id}/status`, leader, { action: "start" });
    const spoken = "Ông Trần Văn Thủy hỏi về thủ tục cấp căn cước cho người cao tuổi không đi lại được.";
    const entry = await send("POST", `/api/forums/${id}/entries`, officer, { content: spoken, kind: "question", speaker: "Ông T., thôn Yên Lộ", clientKey: randomUUID() });
    const phone = await phoneCookie(t.app, id);
    // Decomposed tone marks (NFD) from a phone keyboard are stored and printed composed (NFC).
    const typed = "Đề nghị xử lý nhóm thanh niên đua xe ở đê sông Chu lúc nửa đêm.";
    const sent = await t.app.inject({ method: "POST", url: `/api/public/forums/${id}/opinions`, payload: { content: typed.normalize("NFD") }, headers: { cookie: phone } });
    expect(sent.statusCode).toBe(201);
    const answer = "Công an xã sẽ cử tổ công tác đến tận nhà làm thủ tục trong tháng này.";
    await send("POST", `/api/forums/${id}/items/${entry.json().itemId}/mark`, leader, { mark: "on_spot", note: answer });
    await send("POST", `/api/forums/${id}/items/${sent.json().itemId}/mark`, leader, { mark: "written" });

    const draft = await send("PUT", `/api/forums/${id}/minutes`, officer, {
      attendees: "Đại diện Ban Dân vận Đảng ủy xã, Ủy ban MTTQ xã; 95 người dân thôn Yên Lộ.",
      proceedings: "Đồng chí Trưởng Công an xã báo cáo tình hình an ninh trật tự 9 tháng.",
      closingNote: "Hội nghị kết thúc lúc 10 giờ 30 cùng ngày.",
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ status: "draft", contentHash: null });

    // A draft bears no number yet: "Số:" stays blank before the symbol.
    const draftDocx = await readDocx((await send("GET", `/api/forums/${id}/minutes.docx`, officer)).rawPayload);
    expect(draftDocx.header).toMatch(/Số: \s+\/BB-CAXTHT/u);

    // Finalising: leaders only, and only once the forum has ended.
    expect((await send("POST", `/api/forums/${id}/minutes/finalise`, officer)).statusCode).toBe(403);
    expect((await send("POST", `/api/forums/${id}/minutes/finalise`, leader)).statusCode).toBe(409);
    await send("POST", `/api/forums/${id}/status`, leader, { action: "end" });
    const finalised = await send("POST", `/api/forums/${id}/minutes/finalise`, leader);
    expect(finalised.statusCode, finalised.body).toBe(200);
    const { contentHash } = finalised.json();
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);

    const docx = await send("GET", `/api/forums/${id}/minutes.docx`, officer);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    expect(createHash("sha256").update(docx.rawPayload).digest("hex")).toBe(contentHash);
    const text = await docxText(docx.rawPayload);
    expect(text.normalize("NFC")).toBe(text);
    for (const heading of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BIÊN BẢN", "CÔNG AN XÃ THIỆU HÓA THỬ", "CÔNG AN TỈNH THỬ NGHIỆM", ...MINUTES_HEADINGS]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(spoken);
    expect(text).toContain(typed);
    expect(text).toContain(`Đã trả lời tại hội nghị: ${answer}`);
    expect(text).toContain("Sẽ trả lời bằng văn bản (hạn ");
    expect(text).toContain("Ông T., thôn Yên Lộ");
    expect(text).toContain("Chủ trì: Thượng tá Lê Văn Hùng");
    expect(text).toContain("Thư ký: Đại úy Nguyễn Thị Mai");
    expect(text).toMatch(/Thời gian bắt đầu: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(text).toMatch(/Hội nghị kết thúc lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(text).toContain("95 người dân thôn Yên Lộ");
    // Template 1.9 as it should read: numbered once final, one "Hội nghị", the place with its capital, the venue once,
    // the invited groups and the actual attendance beside the expected one.
    const { header } = await readDocx(docx.rawPayload);
    expect(header).toContain("Số: 01/BB-CAXTHT");
    expect(header).toMatch(/^Thiệu Hóa thử, ngày \d{2} tháng 12 năm 2026$/mu);
    expect(text).toContain("BIÊN BẢN\nHội nghị Công an lắng nghe ý kiến Nhân dân thôn Đông Hòa\n");
    expect(text).not.toContain("Hội nghị Hội nghị");
    expect(text).toContain("Địa điểm: Nhà văn hóa thôn Đông Hòa.\n");
    expect(text).toContain("Thành phần được mời: Người dân thôn Đông Hòa, Chi hội Phụ nữ, Đoàn Thanh niên.");
    expect(text).toContain("Số người tham dự: thực tế 97 người (dự kiến 120 người).");
    expect(text).toContain("- Lưu: VT, hồ sơ hội nghị.");

    // Final means final: no edit through the API (409), none in the database (the trigger), audited.
    const edit = await send("PUT", `/api/forums/${id}/minutes`, leader, { attendees: "sửa", proceedings: "sửa" });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe("forum.minutes_final");
    expect((await send("POST", `/api/forums/${id}/minutes/finalise`, leader)).statusCode).toBe(409);
    await expect(t.db.updateTable("forum_minutes").set({ attendees: "x" }).where("forum_id", "=", id).execute()).rejects.toThrow(/immutable/);
    const audit = await t.db.selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", id).where("action", "=", "forum.minutes_finalise").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ contentHash });
  });

  it("makes the A4 poster and table cards with the forum's QR code", async () => {
    const id = await createForumViaApi(t.app, leader, forumBody(unitId));
    const poster = await send("GET", `/api/forums/${id}/poster.docx`, officer);
    expect(poster.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(poster.rawPayload);
    const images = Object.keys(zip.files).filter((name) => name.startsWith("word/media/"));
    expect(images.length).toBeGreaterThanOrEqual(1);
    const text = await docxText(poster.rawPayload);
    expect(text).toContain("CÔNG AN LẮNG NGHE Ý KIẾN NHÂN DÂN");
    expect(text).toContain(`/forums/${id}`);
    expect(text).toContain("THẺ ĐẶT BÀN");
    const settings = await zip.file("word/document.xml")?.async("string");
    expect(settings).toContain(`<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>`);
  });
});
