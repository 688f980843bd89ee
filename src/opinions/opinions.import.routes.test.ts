import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { decryptText } from "../crypto/keys.ts";
import { addRoutingRule, addTopic } from "./opinions.intake.service.ts";
import { useSuiteClock } from "../../test/clock.ts";
import { nowMs } from "../calendar/clock.ts";

useSuiteClock();

/** A real workbook, as Excel saves it. */
async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Ý kiến").addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV file as a spreadsheet program writes it (UTF-8 with BOM, quoted when needed). */
function csv(rows: string[][]): Buffer {
  const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
  return Buffer.from(`\ufeff${rows.map((row) => row.map(quote).join(",")).join("\r\n")}\r\n`, "utf8");
}

describe.each(ENGINES)("opinion imports on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let province: { id: string; name: string };
  let neighbour: { id: string; name: string };
  let neighbourOfficer: string;
  let inspector: string;

  /** A commune of its own with an officer, so that each test's imports and fingerprints stand apart. */
  const commune = async () => {
    const unit = await createTestUnit(t.db, { parentId: province.id });
    const officer = await createTestUser(t.db, { role: "officer", unitId: unit.id });
    return { ...unit, officerId: officer.id, cookie: await loginAs(t.app, officer.username) };
  };

  beforeAll(async () => {
    t = await buildTestApp(engine);
    province = await createTestUnit(t.db);
    neighbour = await createTestUnit(t.db, { parentId: province.id, name: `Công an xã Láng Giềng ${randomBytes(3).toString("hex")}` });
    neighbourOfficer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId: neighbour.id })).username);
    inspector = await loginAs(t.app, (await createTestUser(t.db, { role: "inspector", unitId: province.id })).username);
  });
  afterAll(() => t.close());

  const upload = (cookie: string, data: Buffer, query: Record<string, string>, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: "POST",
      url: `/api/opinion-imports?${new URLSearchParams(query).toString()}`,
      headers: { cookie, "content-type": "application/octet-stream", ...headers },
      payload: data,
    });
  const state = async (id: string, cookie: string, lang = "vi") => {
    const response = await t.app.inject({ url: `/api/opinion-imports/${id}`, headers: { cookie, "accept-language": lang } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const settled = async (id: string, cookie: string) => {
    await expect.poll(async () => (await state(id, cookie)).status, { timeout: 30_000, interval: 20 }).toMatch(/^(ready|failed|done)$/);
    return state(id, cookie);
  };
  const commit = (id: string, cookie: string) =>
    t.app.inject({ method: "POST", url: `/api/opinion-imports/${id}/commit`, headers: { cookie }, payload: {} });
  const uploaded = async (cookie: string, data: Buffer, query: Record<string, string>) => {
    const response = await upload(cookie, data, query);
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json().status).toBe("parsing");
    return settled(response.json().id, cookie);
  };
  const imported = async (id: string, cookie: string) => {
    const response = await commit(id, cookie);
    expect(response.statusCode, response.body).toBe(202);
    return settled(id, cookie);
  };
  const opinionsOf = (unitId: string) =>
    t.db
      .selectFrom("opinions")
      .selectAll()
      .select(sql<string>`import_fingerprint`.as("fingerprint"))
      .where(sql<boolean>`import_fingerprint LIKE ${`${unitId}:%`}`)
      .orderBy("received_at")
      .execute();

  it("checks an XLSX in the background: counts, each row's errors in Vietnamese with its column, and no commit while errors remain", async () => {
    const unit = await commune();
    const data = await xlsx([
      ["Nội dung ý kiến", "Ngày nhận", "Loại", "Đơn vị tiếp nhận", "Họ và tên", "Số điện thoại", "Chủ đề"],
      ["Đề nghị lắp đèn đường ở ngõ 5.", "15/03/2025 10:30", "Kiến nghị", unit.name, "Nguyễn Văn An", "0912 345 678", "Ma túy"],
      ["Số điện thoại sai.", "16/03/2025", "Phản ánh", "", "Trần B", "12", ""],
      ["Ngày sai.", "31/02/2025", "Phản ánh", "", "", "", ""],
      ["Gửi đơn vị ngoài phạm vi.", "16/03/2025", "Phản ánh", neighbour.name, "", "", ""],
      ["Gửi đơn vị không có.", "16/03/2025", "Phản ánh", "Công an xã Không Tồn Tại", "", "", ""],
      ["Chủ đề không có.", "16/03/2025", "Phản ánh", "", "", "", "Thời tiết"],
    ]);
    const checked = await uploaded(unit.cookie, data, { fileName: "y-kien.xlsx", unitId: unit.id });

    expect(checked).toMatchObject({ status: "ready", rowsTotal: 6, rowsValid: 1, rowsInvalid: 5, rowsDuplicate: 0, progress: 1 });
    const errorAt = (row: number) => checked.errors.filter((e: { rowNumber: number }) => e.rowNumber === row);
    expect(errorAt(2)).toEqual([]);
    expect(checked.preview).toHaveLength(1);
    expect(errorAt(3)).toEqual([
      { rowNumber: 3, field: "phone", column: "Số điện thoại", code: "import.phone_invalid", message: "Số điện thoại không hợp lệ." },
    ]);
    expect(errorAt(4)[0]).toMatchObject({ field: "receivedAt", column: "Ngày nhận", code: "import.date_invalid" });
    expect(errorAt(5)[0]).toMatchObject({ field: "unit", column: "Đơn vị tiếp nhận", code: "import.unit_out_of_scope" });
    expect(errorAt(6)[0]).toMatchObject({ field: "unit", code: "import.unit_unknown" });
    expect(errorAt(7)).toEqual([
      { rowNumber: 7, field: "topics", column: "Chủ đề", code: "import.topic_unknown", message: "Chủ đề không có trong danh mục." },
    ]);
    const english = await state(checked.id, unit.cookie, "en");
    expect(english.errors[0].message).toBe("Invalid phone number.");

    const refused = await commit(checked.id, unit.cookie);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "import.has_errors" });
    expect(refused.json().error.message).toContain("chưa có ý kiến nào được nhập");
    expect(await opinionsOf(unit.id)).toHaveLength(0);
  });

  it("imports a clean XLSX whole — timeline, audit, encrypted contacts, channels, dates of receipt — and the same file again adds nothing", async () => {
    const unit = await commune();
    const data = await xlsx([
      ["Mã hồ sơ", "Nội dung ý kiến", "Ngày nhận", "Loại", "Kênh", "Họ và tên", "Số điện thoại", "Chủ đề"],
      ["HS-1", "Đề nghị tăng cường tuần tra ban đêm ở thôn 3.", "15/03/2025 10:30", "Kiến nghị", "", "Nguyễn Văn An", 912345678, "Ma túy"],
      ["HS-2", "Cảm ơn công an xã đã giúp tìm lại xe máy.", "16/03/2025 08:05", "Biểu dương", "Hòm thư góp ý", "", "", ""],
      ["HS-3", "Xe tải chở đất rơi vãi trên đường liên xã.", "", "Phản ánh", "", "", "", "traffic"],
    ]);
    const checked = await uploaded(unit.cookie, data, { fileName: "Phieu.xlsx", channel: "paper_form" });
    expect(checked).toMatchObject({ status: "ready", unitId: unit.id, rowsTotal: 3, rowsValid: 3, rowsInvalid: 0, rowsDuplicate: 0, errors: [] });
    expect(checked.preview).toHaveLength(3);
    expect(checked.preview[0]).toMatchObject({
      rowNumber: 2,
      excerpt: "Đề nghị tăng cường tuần tra ban đêm ở thôn 3.",
      kind: "recommendation",
      channel: "paper_form",
      receivedAt: "2025-03-15T03:30:00.000Z",
      unitName: unit.name,
      duplicate: false,
    });

    const done = await imported(checked.id, unit.cookie);
    expect(done).toMatchObject({ status: "done", rowsValid: 3, rowsDuplicate: 0, rowsDone: 3, progress: 1, errorCode: null });
    const rows = await opinionsOf(unit.id);
    expect(rows.map((r) => [r.content.slice(0, 10), r.channel, r.kind, r.status, r.topics, r.is_anonymous])).toEqual([
      ["Đề nghị tă", "paper_form", "recommendation", "RECEIVED", ["drugs"], false],
      ["Cảm ơn côn", "suggestion_box", "praise", "RECEIVED", [], true],
      ["Xe tải chở", "paper_form", "reflection", "RECEIVED", ["traffic"], true],
    ]);
    expect(rows[0]?.received_at.toISOString()).toBe("2025-03-15T03:30:00.000Z");
    expect(rows[1]?.received_at.toISOString()).toBe("2025-03-16T01:05:00.000Z");
    expect(Math.abs((rows[2]?.received_at.getTime() ?? 0) - nowMs())).toBeLessThan(60_000);
    expect(rows.every((r) => r.unit_id === unit.id && r.entered_by_user_id === unit.officerId && r.answer_due_at !== null)).toBe(true);
    expect(rows[0]!.answer_due_at!.getTime()).toBeGreaterThan(rows[0]!.received_at.getTime());

    const ids = rows.map((r) => r.id);
    const officer = await t.db.selectFrom("users").select("display_name").where("id", "=", unit.officerId).executeTakeFirstOrThrow();
    for (const row of rows) {
      const detail = await t.app.inject({ url: `/api/opinions/${row.id}`, headers: { cookie: unit.cookie } });
      expect(detail.json().history).toEqual([
        { type: "received", status: "RECEIVED", at: row.received_at.toISOString(), actorName: officer.display_name, note: null, target: null },
      ]);
    }
    const audits = await t.db.selectFrom("audit_log").selectAll().where("entity_id", "in", ids).execute();
    expect(audits.map((a) => [a.action, a.details.importId, a.actor_user_id])).toEqual(ids.map(() => ["opinion.create", checked.id, unit.officerId]));
    const contacts = await t.db.selectFrom("opinion_contacts").selectAll().where("opinion_id", "in", ids).execute();
    expect(contacts).toHaveLength(1);
    expect(contacts[0]?.ciphertext).not.toContain("Nguyễn");
    expect(JSON.parse(decryptText(t.keys.personalData, contacts[0]!.ciphertext))).toEqual({ name: "Nguyễn Văn An", phone: "0912345678" });
    const importAudit = await t.db.selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", checked.id).orderBy("id").execute();
    expect(importAudit.map((a) => a.action)).toEqual(["opinion.import.start", "opinion.import.commit"]);
    expect(importAudit[1]?.details).toMatchObject({ rows: 3, imported: 3, duplicates: 0 });
    const stored = await t.db.selectFrom("opinion_imports").select(sql<boolean>`file_data IS NULL`.as("dropped")).where("id", "=", checked.id).executeTakeFirstOrThrow();
    expect(stored.dropped).toBe(true);

    // The same file again: every row is known, nothing is doubled.
    const again = await uploaded(unit.cookie, data, { fileName: "Phieu (1).xlsx", channel: "paper_form" });
    expect(again).toMatchObject({ status: "ready", rowsValid: 3, rowsDuplicate: 3 });
    expect(again.preview.every((p: { duplicate: boolean }) => p.duplicate)).toBe(true);
    const doneAgain = await imported(again.id, unit.cookie);
    expect(doneAgain).toMatchObject({ status: "done", rowsDuplicate: 3 });
    expect(await opinionsOf(unit.id)).toHaveLength(3);
    const secondCommit = await t.db.selectFrom("audit_log").select("details").where("entity_id", "=", again.id).where("action", "=", "opinion.import.commit").executeTakeFirstOrThrow();
    expect(secondCommit.details).toMatchObject({ imported: 0, duplicates: 3 });
    const twice = await commit(again.id, unit.cookie);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("import.not_ready");
  });

  it("reads a CSV export of another system: units by short name without diacritics, communes as locations, a given column mapping", async () => {
    const unit = await commune();
    const village = await createTestUnit(t.db, { parentId: unit.id, name: `Công an thôn Đông Hòa ${randomBytes(3).toString("hex")}` });
    const data = csv([
      ["ID", "Ý kiến người dân", "Thời gian", "Nơi nhận", "Địa bàn"],
      ["A-1", "Đường làng tối, đề nghị lắp đèn.", "2025-04-01T09:00:00+07:00", foldAscii(village.name).toUpperCase(), ""],
      ["A-2", "Tiếng ồn karaoke sau 22 giờ.", "02/04/2025 21:15", "", foldAscii(village.name.replace("Công an ", ""))],
    ]);
    const mapping = JSON.stringify({ externalId: "ID", content: "Ý kiến người dân", receivedAt: "Thời gian", unit: "Nơi nhận", location: "Địa bàn" });
    const checked = await uploaded(unit.cookie, data, { fileName: "export.csv", mapping });
    expect(checked).toMatchObject({ status: "ready", rowsValid: 2, rowsInvalid: 0 });
    expect(checked.preview.map((p: { unitName: string; channel: string }) => [p.unitName, p.channel])).toEqual([
      [village.name, "import"],
      [unit.name, "import"],
    ]);
    await imported(checked.id, unit.cookie);
    const rows = await opinionsOf(unit.id);
    expect(rows.map((r) => [r.unit_id, r.location_unit_id, r.channel])).toEqual([
      [village.id, null, "import"],
      [unit.id, village.id, "import"],
    ]);

    const badMapping = await upload(unit.cookie, data, { fileName: "export.csv", mapping: "{not json" });
    expect(badMapping.statusCode).toBe(400);
    const unknownColumn = await uploaded(unit.cookie, data, { fileName: "export.csv", mapping: JSON.stringify({ content: "Nội dung" }) });
    expect(unknownColumn).toMatchObject({ status: "failed", errorCode: "import.mapping_unknown_column", errorMessage: "Tệp không có cột “Nội dung”." });
  });

  it("sends an imported row whose topic or place a routing rule names to the rule's unit, as intake does", async () => {
    const unit = await commune();
    const village = await createTestUnit(t.db, { parentId: unit.id, name: `Công an thôn Bãi Sậy ${randomBytes(3).toString("hex")}` });
    const division = await createTestUnit(t.db, { parentId: province.id, levelCode: "division", name: `Phòng CSGT ${randomBytes(3).toString("hex")}` });
    const topic = `route_${randomBytes(3).toString("hex")}`;
    await addTopic({ db: t.db, topic: { code: topic, nameVi: `Chủ đề ${topic}`, nameEn: `Topic ${topic}` } });
    await addRoutingRule({ db: t.db, rule: { topic, targetUnitId: division.id } });
    await addRoutingRule({ db: t.db, rule: { locationUnitId: village.id, targetUnitId: neighbour.id } });
    const data = csv([
      ["Mã hồ sơ", "Nội dung", "Ngày nhận", "Chủ đề", "Địa bàn"],
      ["R-1", "Xe quá tải chạy qua cầu.", "01/04/2025", topic, ""],
      ["R-2", "Tụ tập gây ồn ở bến đò.", "02/04/2025", "", village.name],
      ["R-3", "Cảm ơn công an xã.", "03/04/2025", "", ""],
    ]);
    const checked = await uploaded(unit.cookie, data, { fileName: "tuyen.csv" });
    expect(checked).toMatchObject({ status: "ready", rowsValid: 3, rowsInvalid: 0 });
    expect(checked.preview.map((p: { unitName: string }) => p.unitName)).toEqual([division.name, neighbour.name, unit.name]);

    await imported(checked.id, unit.cookie);
    const rows = await opinionsOf(unit.id);
    expect(rows.map((r) => [r.content.slice(0, 6), r.unit_id])).toEqual([
      ["Xe quá", division.id],
      ["Tụ tập", neighbour.id],
      ["Cảm ơn", unit.id],
    ]);
    const audits = await t.db.selectFrom("audit_log").select(["entity_id", "details"]).where("entity_id", "in", rows.map((r) => r.id)).execute();
    const auditedUnit = new Map(audits.map((a) => [a.entity_id, a.details.unitId]));
    expect(rows.map((r) => auditedUnit.get(r.id))).toEqual([division.id, neighbour.id, unit.id]);
  });

  it("rolls a commit that fails midway back entirely, then imports the same file once the cause is gone", async () => {
    const unit = await commune();
    const marker = `HỎNG-${randomBytes(3).toString("hex")}`;
    const rows = Array.from({ length: 1_200 }, (_, i) => [`R-${i}`, i === 1_150 ? `${marker} ý kiến cuối` : `Ý kiến số ${i} về an ninh thôn xóm.`]);
    const data = csv([["Mã hồ sơ", "Nội dung"], ...rows]);
    const checked = await uploaded(unit.cookie, data, { fileName: "lon.csv" });
    expect(checked).toMatchObject({ status: "ready", rowsValid: 1_200, rowsInvalid: 0 });

    // The database refuses one row of the second batch, after the first 1,000 rows were written.
    await sql.raw(`ALTER TABLE opinions ADD CONSTRAINT test_refuses_marker CHECK (position('${marker}' in content) = 0)`).execute(t.db);
    try {
      const failed = await imported(checked.id, unit.cookie);
      expect(failed).toMatchObject({ status: "ready", errorCode: "import.commit_failed", rowsDone: 0 });
      expect(failed.errorMessage).toContain("không có ý kiến nào được lưu");
    } finally {
      await sql.raw("ALTER TABLE opinions DROP CONSTRAINT test_refuses_marker").execute(t.db);
    }
    expect(await opinionsOf(unit.id)).toHaveLength(0);
    const leftovers = await t.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("action", "=", "opinion.create")
      .where(sql<boolean>`details->>'importId' = ${checked.id}`)
      .executeTakeFirstOrThrow();
    expect(Number(leftovers.n)).toBe(0);
    const trail = await t.db.selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", checked.id).orderBy("id").execute();
    expect(trail.map((a) => a.action)).toEqual(["opinion.import.start", "opinion.import.commit_failed"]);

    const done = await imported(checked.id, unit.cookie);
    expect(done).toMatchObject({ status: "done", rowsDone: 1_200, rowsDuplicate: 0 });
    expect(await opinionsOf(unit.id)).toHaveLength(1_200);
  });

  it("refuses another unit's officer and an inspector (403), and takes an import only from its own subtree", async () => {
    const unit = await commune();
    const data = csv([["Nội dung"], ["Một ý kiến."]]);
    const foreign = await upload(neighbourOfficer, data, { fileName: "a.csv", unitId: unit.id });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe("auth.forbidden");
    expect((await upload(inspector, data, { fileName: "a.csv", unitId: unit.id })).statusCode).toBe(403);

    const checked = await uploaded(unit.cookie, data, { fileName: "a.csv" });
    const peek = await t.app.inject({ url: `/api/opinion-imports/${checked.id}`, headers: { cookie: neighbourOfficer } });
    expect(peek.statusCode).toBe(403);
    expect((await commit(checked.id, neighbourOfficer)).statusCode).toBe(403);
    expect((await commit(checked.id, inspector)).statusCode).toBe(403);
    const unknown = await t.app.inject({ url: "/api/opinion-imports/00000000-0000-4000-8000-000000000000", headers: { cookie: unit.cookie } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("import.not_found");
    expect((await t.app.inject({ url: `/api/opinion-imports/${checked.id}` })).statusCode).toBe(401);
  });

  it("answers a bad upload with a clear 4xx in the error contract, and garbage named .xlsx with a failed check, never a 500", async () => {
    const unit = await commune();
    const empty = await upload(unit.cookie, Buffer.alloc(0), { fileName: "a.xlsx" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe("import.upload_empty");
    const json = await t.app.inject({
      method: "POST",
      url: "/api/opinion-imports?fileName=a.xlsx",
      headers: { cookie: unit.cookie },
      payload: { rows: [] },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe("import.upload_content_type");
    const multipart = await upload(unit.cookie, Buffer.from("--x\r\n"), { fileName: "a.xlsx" }, { "content-type": "multipart/form-data; boundary=x" });
    expect(multipart.statusCode).toBe(415);
    expect(multipart.json().error).toMatchObject({ code: "import.upload_content_type", message: "Hãy gửi nội dung tệp (application/octet-stream)." });
    const huge = await upload(unit.cookie, Buffer.alloc(50 * 1024 * 1024 + 1), { fileName: "a.xlsx" });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({ code: "import.upload_too_large", message: "Tệp quá lớn: tối đa 50 MB." });
    const noName = await upload(unit.cookie, Buffer.from("x"), {});
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.field).toBe("fileName");

    const garbage = await uploaded(unit.cookie, randomBytes(4096), { fileName: "bao-cao.xlsx" });
    expect(garbage).toMatchObject({ status: "failed", errorCode: "import.file_unreadable", rowsTotal: null });
    expect(garbage.errorMessage).toBe("Không đọc được tệp: tệp hỏng hoặc không phải tệp Excel (.xlsx).");
    const refused = await commit(garbage.id, unit.cookie);
    expect(refused.statusCode).toBe(409);
    const pdf = await uploaded(unit.cookie, Buffer.from("%PDF-1.4"), { fileName: "y-kien.pdf" });
    expect(pdf).toMatchObject({ status: "failed", errorCode: "import.unsupported_format" });
  });
});

/** The name without diacritics, as another system's export may write it. */
function foldAscii(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, (d) => (d === "đ" ? "d" : "D"));
}
