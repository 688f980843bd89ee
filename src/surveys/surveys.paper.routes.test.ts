import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { campaignBody, createCampaignAs, printedCodes } from "../../test/surveys.ts";
import { useSuiteClock } from "../../test/clock.ts";

useSuiteClock();

/** The text of a DOCX's main document part. */
function docxText(data: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "docx-"));
  const file = join(dir, "form.docx");
  writeFileSync(file, data);
  return execFileSync("unzip", ["-p", file, "word/document.xml"]).toString("utf8");
}

describe.each(ENGINES)("paper forms on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let officer: string;
  let leader: string;
  let outsider: string;
  let communeId: string;
  let campaignId: string;
  const base = () => `/api/surveys/campaigns/${campaignId}/units/${communeId}`;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const province = await createTestUnit(t.db, { name: "Công an tỉnh Thanh Hóa" });
    communeId = (await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Thiệu Toán" })).id;
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: province.id })).username);
    officer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId: communeId })).username);
    outsider = await loginAs(t.app, (await createTestUser(t.db, { role: "officer" })).username);
    campaignId = (await createCampaignAs(t.app, leader, campaignBody([communeId], { startsOn: "2025-01-01", attributes: ["sex"] }))).id;
  });
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
  const post = (url: string, cookie: string, payload: object) => t.app.inject({ method: "POST", url, payload, headers: { cookie } });

  it("prints a Decree 30 paper form and a QR poster for the unit", async () => {
    const form = await get(`${base()}/paper-form.docx`, officer);
    expect(form.statusCode, form.body).toBe(200);
    const text = docxText(form.rawPayload);
    for (const expected of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CÔNG AN TỈNH THANH HÓA", "PHIẾU KHẢO SÁT SỰ HÀI LÒNG", "Công an xã Thiệu Toán", "Rất hài lòng", "Rất không hài lòng", "Tình hình an ninh", "Giới tính", `/s/${campaignId}/${communeId}?via=qr`]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain("Times New Roman");
    const poster = await get(`${base()}/poster.docx`, officer);
    expect(docxText(poster.rawPayload)).toContain("MỜI BẠN ĐÁNH GIÁ SỰ HÀI LÒNG");
    expect((await get(`${base()}/paper-form.docx`, outsider)).statusCode).toBe(403);
  });

  it("refuses an inspector or an admin recording paper forms, setting paper counts and issuing codes (403), storing nothing", async () => {
    const province = await t.db.selectFrom("units").select("parent_id").where("id", "=", communeId).executeTakeFirstOrThrow();
    const inspector = await loginAs(t.app, (await createTestUser(t.db, { role: "inspector", unitId: province.parent_id! })).username);
    const admin = await loginAs(t.app, (await createTestUser(t.db, { role: "admin", unitId: province.parent_id! })).username);
    const own = (await createCampaignAs(t.app, leader, campaignBody([communeId], { family: "contact", templateCode: "sipas" }))).id;
    const unit = `/api/surveys/campaigns/${own}/units/${communeId}`;
    const form = { clientKey: randomUUID(), answeredOn: "2025-05-03", answers: {} };
    for (const cookie of [inspector, admin]) {
      const refused = [
        await post(`${unit}/paper-forms`, cookie, { forms: [form] }),
        await post(`${unit}/paper-counts`, cookie, { issued: 9, returned: 9 }),
        await post(`${unit}/codes`, cookie, { count: 3 }),
        await post(`${unit}/codes.docx`, cookie, { count: 3 }),
      ];
      expect(refused.map((r) => [r.statusCode, r.json().error.code])).toEqual(Array(4).fill([403, "auth.forbidden"]));
    }
    expect(await t.db.selectFrom("survey_responses").select("id").where("campaign_id", "=", own).execute()).toEqual([]);
    expect(await t.db.selectFrom("survey_codes").select("campaign_id").where("campaign_id", "=", own).execute()).toEqual([]);
    expect((await post(`${unit}/paper-counts`, officer, { issued: 9, returned: 9 })).statusCode).toBe(200);
  });

  it("refuses a commune user the QR code, poster, paper form and data entry of another commune of the campaign (403)", async () => {
    const province = await t.db.selectFrom("units").select("parent_id").where("id", "=", communeId).executeTakeFirstOrThrow();
    const neighbour = await createTestUnit(t.db, { parentId: province.parent_id, name: "Công an xã Thiệu Trung" });
    const shared = (await createCampaignAs(t.app, leader, campaignBody([communeId, neighbour.id], { startsOn: "2025-01-01" }))).id;
    const theirs = `/api/surveys/campaigns/${shared}/units/${neighbour.id}`;
    expect((await get(`/api/surveys/campaigns/${shared}/units/${communeId}/qr.svg`, officer)).statusCode).toBe(200);
    const refused = [
      await get(`${theirs}/qr.svg`, officer),
      await get(`${theirs}/poster.docx`, officer),
      await get(`${theirs}/paper-form.docx`, officer),
      await post(`${theirs}/paper-counts`, officer, { issued: 1, returned: 1 }),
    ];
    expect(refused.map((r) => [r.statusCode, r.json().error.code])).toEqual(Array(4).fill([403, "auth.forbidden"]));
    expect((await get(`${theirs}/qr.svg`, leader)).statusCode).toBe(200);
    const units = (await get(`/api/surveys/campaigns/${shared}`, officer)).json().units as { unitId: string; canPrint: boolean; canEnter: boolean }[];
    expect(units.map((u) => [u.unitId, u.canPrint, u.canEnter])).toEqual(
      expect.arrayContaining([
        [communeId, true, true],
        [neighbour.id, false, false],
      ]),
    );
  });

  it("prints one-time codes on a DOCX sheet in the request that creates them, and each printed code works once", async () => {
    const contact = (await createCampaignAs(t.app, leader, campaignBody([communeId], { family: "contact", templateCode: "sipas" }))).id;
    const url = `/api/surveys/campaigns/${contact}/units/${communeId}/codes.docx`;
    const sheet = await post(url, officer, { count: 7 });
    expect(sheet.statusCode, sheet.body).toBe(201);
    expect(sheet.headers["content-type"]).toContain("wordprocessingml");
    expect(sheet.headers["cache-control"]).toBe("no-store");
    const text = docxText(sheet.rawPayload);
    for (const expected of ["CÔNG AN TỈNH THANH HÓA", "MÃ ĐÁNH GIÁ SỰ HÀI LÒNG DÙNG MỘT LẦN", "Công an xã Thiệu Toán", "Số mã: 7", `/s/${contact}/${communeId}?via=qr`]) {
      expect(text).toContain(expected);
    }
    // Only the document's text, not its markup: image names in the XML can hold a code-like run of characters.
    const words = text.replace(/<[^>]+>/g, " ");
    const printed = printedCodes(words);
    expect(printed, words).toHaveLength(7);
    const stored = await t.db.selectFrom("survey_codes").select("code_hash").where("campaign_id", "=", contact).execute();
    expect(stored).toHaveLength(7);
    expect(stored.some((c) => printed.includes(c.code_hash))).toBe(false);
    const respond = (code: string) =>
      t.app.inject({ method: "POST", url: `/api/public/surveys/${contact}/units/${communeId}/responses`, payload: { clientKey: randomUUID(), answers: { c1: 4 }, code } });
    expect((await respond(printed[0]!)).statusCode).toBe(201);
    expect((await respond(printed[0]!)).statusCode).toBe(422);
    // Bad input is a 4xx, and no code is created for a user who may not see the unit.
    expect((await post(url, officer, { count: 0 })).statusCode).toBe(400);
    expect((await post(url, outsider, { count: 3 })).statusCode).toBe(403);
    expect(await t.db.selectFrom("survey_codes").select("code_hash").where("campaign_id", "=", contact).execute()).toHaveLength(7);
  });

  it("takes keyed-in forms once each, a late form counting in the month it was filled, with issued/returned/valid counts", async () => {
    const late = { clientKey: randomUUID(), answeredOn: "2025-02-03", answers: { security: 5, duties: 4 } };
    const entered = await post(`${base()}/paper-forms`, officer, { forms: [late, { clientKey: randomUUID(), answeredOn: "2025-03-20", answers: { security: 2 } }] });
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json()).toEqual({ recorded: 2, duplicates: 0 });
    expect((await post(`${base()}/paper-forms`, officer, { forms: [late] })).json()).toEqual({ recorded: 0, duplicates: 1 });
    const bad = await post(`${base()}/paper-forms`, officer, { forms: [{ clientKey: randomUUID(), answeredOn: "2025-04-01", answers: { security: 9 } }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "survey.paper_invalid", field: "forms.0" });
    const future = await post(`${base()}/paper-forms`, officer, { forms: [{ clientKey: randomUUID(), answeredOn: "2099-01-01", answers: { security: 3 } }] });
    expect(future.json().error.code).toBe("survey.paper_invalid");
    const counts = await post(`${base()}/paper-counts`, officer, { issued: 50, returned: 45 });
    expect(counts.json()).toEqual({ issued: 50, returned: 45, valid: 2 });
    const rollup = await t.db.selectFrom("survey_rollups").selectAll().where("campaign_id", "=", campaignId).where("question_id", "=", "security").orderBy("month").execute();
    expect(rollup.map((r) => [r.month, r.n2, r.n5])).toEqual([
      ["2025-02-01", 0, 1],
      ["2025-03-01", 1, 0],
    ]);
    const dashboard = (await get(`/api/satisfaction/dashboard?campaignId=${campaignId}&period=2025-Q1`, leader)).json();
    expect(dashboard.units[0].paper).toEqual({ issued: 50, returned: 45, valid: 2 });
  });

  it("stores a pile of forms at once, none flagged as a burst, a form keyed twice in the pile stored once", async () => {
    const forms = Array.from({ length: 40 }, (_, i) => ({ clientKey: randomUUID(), answeredOn: "2025-05-02", answers: { security: 1 + (i % 5) } }));
    const entered = await post(`${base()}/paper-forms`, officer, { forms: [...forms, forms[7]] });
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json()).toEqual({ recorded: 40, duplicates: 1 });
    const rows = await t.db.selectFrom("survey_responses").select("flags").where("campaign_id", "=", campaignId).where("answered_on", "=", "2025-05-02").execute();
    expect(rows).toHaveLength(40);
    expect(rows.filter((r) => r.flags.length > 0)).toEqual([]);
    const may = await t.db.selectFrom("survey_rollups").selectAll().where("campaign_id", "=", campaignId).where("question_id", "=", "security").where("month", "=", "2025-05-01").executeTakeFirstOrThrow();
    expect([may.n1, may.n2, may.n3, may.n4, may.n5]).toEqual([8, 8, 8, 8, 8]);
  });

  it("imports filled forms from XLSX all or nothing, and importing the same file again adds nothing", async () => {
    const template = await get(`/api/surveys/campaigns/${campaignId}/paper-template.xlsx`, officer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Phiếu")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Ngày", "1", "2", "3", "4"]);
    sheet.addRow(["05/06/2025", 4, 4, "", 3]);
    sheet.addRow(["06/06/2025", 5, "", 1, ""]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const upload = (data: Buffer) =>
      t.app.inject({ method: "POST", url: `${base()}/paper-import`, payload: data, headers: { cookie: officer, "content-type": "application/octet-stream" } });
    const first = await upload(file);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ recorded: 2, duplicates: 0 });
    expect((await upload(file)).json()).toEqual({ recorded: 0, duplicates: 2 });

    sheet.addRow(["31/02/2025x", 4]);
    sheet.addRow(["07/06/2025", 7]);
    const broken = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toContain("dòng 4");
    const notXlsx = await upload(Buffer.from("không phải tệp xlsx"));
    expect(notXlsx.statusCode).toBe(400);
    const june = await t.db.selectFrom("survey_responses").select("id").where("campaign_id", "=", campaignId).where("answered_on", ">=", "2025-06-01").execute();
    expect(june).toHaveLength(2);
  });
});
