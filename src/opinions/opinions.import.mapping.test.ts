import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { useSuiteClock } from "../../test/clock.ts";

useSuiteClock();

/** A CSV file as a spreadsheet program writes it (UTF-8 with BOM, quoted when needed). */
function csv(rows: string[][]): Buffer {
  const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
  return Buffer.from(`\ufeff${rows.map((row) => row.map(quote).join(",")).join("\r\n")}\r\n`, "utf8");
}

/** An export of another system: none of its headers is one the guess knows. */
const OTHER_SYSTEM_HEADERS = ["Mã phản hồi", "Phản hồi của người dân", "Thời điểm", "Phương thức", "Người phản hồi"];

describe.each(ENGINES)("column mapping of opinion imports on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let province: { id: string; name: string };
  let neighbourOfficer: string;

  /** A commune of its own with an officer, so that each test's imports and fingerprints stand apart. */
  const commune = async () => {
    const unit = await createTestUnit(t.db, { parentId: province.id });
    const officer = await createTestUser(t.db, { role: "officer", unitId: unit.id });
    return { ...unit, officerId: officer.id, cookie: await loginAs(t.app, officer.username) };
  };

  beforeAll(async () => {
    t = await buildTestApp(engine);
    province = await createTestUnit(t.db);
    const neighbour = await createTestUnit(t.db, { parentId: province.id });
    neighbourOfficer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId: neighbour.id })).username);
  });
  afterAll(() => t.close());

  const state = async (id: string, cookie: string, lang = "vi") => {
    const response = await t.app.inject({ url: `/api/opinion-imports/${id}`, headers: { cookie, "accept-language": lang } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const settled = async (id: string, cookie: string) => {
    await expect.poll(async () => (await state(id, cookie)).status, { timeout: 30_000, interval: 20 }).toMatch(/^(ready|failed|done)$/);
    return state(id, cookie);
  };
  const uploaded = async (cookie: string, data: Buffer, query: Record<string, string>) => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/opinion-imports?${new URLSearchParams(query).toString()}`,
      headers: { cookie, "content-type": "application/octet-stream" },
      payload: data,
    });
    expect(response.statusCode, response.body).toBe(202);
    return settled(response.json().id, cookie);
  };
  const remap = (id: string, cookie: string, mapping: Record<string, string>) =>
    t.app.inject({ method: "POST", url: `/api/opinion-imports/${id}/mapping`, headers: { cookie }, payload: { mapping } });
  const commit = (id: string, cookie: string) =>
    t.app.inject({ method: "POST", url: `/api/opinion-imports/${id}/commit`, headers: { cookie }, payload: {} });
  const opinionsOf = (unitId: string) =>
    t.db
      .selectFrom("opinions")
      .selectAll()
      .where(sql<boolean>`import_fingerprint LIKE ${`${unitId}:%`}`)
      .orderBy("received_at")
      .execute();

  const otherSystemExport = (tag: string) =>
    csv([
      OTHER_SYSTEM_HEADERS,
      [`PH-${tag}-1`, "Đề nghị lắp đèn chiếu sáng ở ngõ 12.", "05/05/2025 14:20", "Đường dây nóng", "Phạm Thị Hoa"],
      [`PH-${tag}-2`, "Cảm ơn tổ tuần tra đã giúp đỡ người già qua đường.", "06/05/2025 09:00", "Hòm thư góp ý", ""],
    ]);

  it("reports the headers of a file whose content column the guess misses, then checks it again with the chosen columns and imports it", async () => {
    const unit = await commune();
    const tag = randomBytes(3).toString("hex");
    const failed = await uploaded(unit.cookie, otherSystemExport(tag), { fileName: "xuat-he-thong-khac.csv" });
    expect(failed).toMatchObject({ status: "failed", errorCode: "import.content_column_missing", headers: OTHER_SYSTEM_HEADERS, mapping: {} });
    expect(failed.errorMessage).toContain("Không tìm thấy cột nội dung ý kiến");

    const accepted = await remap(failed.id, unit.cookie, {
      content: "Phản hồi của người dân",
      receivedAt: "Thời điểm",
      channel: "Phương thức",
      externalId: "Mã phản hồi",
      name: "Người phản hồi",
    });
    expect(accepted.statusCode, accepted.body).toBe(202);
    expect(accepted.json()).toEqual({ id: failed.id, status: "parsing" });
    const checked = await settled(failed.id, unit.cookie);
    expect(checked).toMatchObject({
      status: "ready",
      errorCode: null,
      rowsTotal: 2,
      rowsValid: 2,
      rowsInvalid: 0,
      progress: 1,
      headers: OTHER_SYSTEM_HEADERS,
      mapping: { content: "Phản hồi của người dân", receivedAt: "Thời điểm", channel: "Phương thức", externalId: "Mã phản hồi", name: "Người phản hồi" },
      finishedAt: null,
    });
    expect(checked.preview.map((p: { excerpt: string; channel: string; receivedAt: string }) => [p.excerpt, p.channel, p.receivedAt])).toEqual([
      ["Đề nghị lắp đèn chiếu sáng ở ngõ 12.", "hotline", "2025-05-05T07:20:00.000Z"],
      ["Cảm ơn tổ tuần tra đã giúp đỡ người già qua đường.", "suggestion_box", "2025-05-06T02:00:00.000Z"],
    ]);

    // Chosen again from 'ready': a column left out is no longer read.
    expect((await remap(failed.id, unit.cookie, { content: "Phản hồi của người dân", receivedAt: "Thời điểm", channel: "Phương thức", externalId: "Mã phản hồi" })).statusCode).toBe(202);
    const again = await settled(failed.id, unit.cookie);
    expect(again).toMatchObject({ status: "ready", rowsValid: 2, mapping: { content: "Phản hồi của người dân", channel: "Phương thức" } });
    expect(again.mapping.name).toBeUndefined();

    const committed = await commit(failed.id, unit.cookie);
    expect(committed.statusCode, committed.body).toBe(202);
    expect(await settled(failed.id, unit.cookie)).toMatchObject({ status: "done", rowsDone: 2 });
    const rows = await opinionsOf(unit.id);
    expect(rows.map((r) => [r.content, r.channel, r.received_at.toISOString(), r.is_anonymous])).toEqual([
      ["Đề nghị lắp đèn chiếu sáng ở ngõ 12.", "hotline", "2025-05-05T07:20:00.000Z", true],
      ["Cảm ơn tổ tuần tra đã giúp đỡ người già qua đường.", "suggestion_box", "2025-05-06T02:00:00.000Z", true],
    ]);
    const trail = await t.db.selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", failed.id).orderBy("id").execute();
    expect(trail.map((a) => a.action)).toEqual(["opinion.import.start", "opinion.import.remap", "opinion.import.remap", "opinion.import.commit"]);
    expect(trail[1]?.details).toMatchObject({ from: "failed", mapping: { content: "Phản hồi của người dân" } });

    const late = await remap(failed.id, unit.cookie, { content: "Phản hồi của người dân" });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: "import.not_ready" });
    expect(late.json().error.message).toContain("done");
  });

  it("keeps the headers when a given mapping names a column the file lacks, and guesses what it knows", async () => {
    const unit = await commune();
    const data = csv([["Nội dung ý kiến", "Ngày nhận", "Ghi chú"], ["Một ý kiến.", "01/05/2025", ""]]);
    const failed = await uploaded(unit.cookie, data, { fileName: "a.csv", mapping: JSON.stringify({ content: "Nội dung ý kiến", unit: "Đơn vị" }) });
    expect(failed).toMatchObject({
      status: "failed",
      errorCode: "import.mapping_unknown_column",
      errorMessage: "Tệp không có cột “Đơn vị”.",
      headers: ["Nội dung ý kiến", "Ngày nhận", "Ghi chú"],
      mapping: { content: "Nội dung ý kiến" },
    });
    const guessed = await uploaded(unit.cookie, data, { fileName: "b.csv" });
    expect(guessed).toMatchObject({ status: "ready", headers: ["Nội dung ý kiến", "Ngày nhận", "Ghi chú"], mapping: { content: "Nội dung ý kiến", receivedAt: "Ngày nhận" } });
    expect((await remap(failed.id, unit.cookie, { content: "Nội dung ý kiến", receivedAt: "Ngày nhận" })).statusCode).toBe(202);
    expect(await settled(failed.id, unit.cookie)).toMatchObject({ status: "ready", rowsValid: 1 });
  });

  it("refuses an unknown header, a missing content column or an unknown field (400 with the field), a stranger (403), and a file that was not kept (409)", async () => {
    const unit = await commune();
    const failed = await uploaded(unit.cookie, otherSystemExport(randomBytes(3).toString("hex")), { fileName: "x.csv" });
    expect(failed.status).toBe("failed");

    const unknown = await remap(failed.id, unit.cookie, { content: "Phản hồi của người dân", receivedAt: "Ngày giờ" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: "import.mapping_unknown_column", field: "mapping.receivedAt", message: "Tệp không có cột “Ngày giờ”." });
    const noContent = await remap(failed.id, unit.cookie, { receivedAt: "Thời điểm" });
    expect(noContent.statusCode).toBe(400);
    expect(noContent.json().error).toMatchObject({ code: "import.content_column_missing", field: "mapping.content" });
    const badField = await remap(failed.id, unit.cookie, { content: "Phản hồi của người dân", mood: "Thời điểm" });
    expect(badField.statusCode).toBe(400);
    expect(badField.json().error.field).toContain("mapping");
    expect((await remap(failed.id, neighbourOfficer, { content: "Phản hồi của người dân" })).statusCode).toBe(403);
    expect((await state(failed.id, unit.cookie)).status).toBe("failed");

    const unreadable = await uploaded(unit.cookie, randomBytes(2048), { fileName: "hong.xlsx" });
    expect(unreadable).toMatchObject({ status: "failed", errorCode: "import.file_unreadable", headers: [] });
    expect((await remap(unreadable.id, unit.cookie, { content: "Nội dung" })).statusCode).toBe(409);
  });
});
