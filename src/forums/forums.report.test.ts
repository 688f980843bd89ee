import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { createForumViaApi, forumBody } from "./forums.test-support.ts";
import { useSuiteClock } from "../../test/clock.ts";

useSuiteClock();

const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from("Báo cáo tình hình an ninh, trật tự 9 tháng năm 2026\n", "utf8")]);

describe.each(ENGINES)("the report file of a forum on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let officer: string;
  let inspector: string;
  let forumId: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const province = await createTestUnit(t.db);
    const unitId = (await createTestUnit(t.db, { parentId: province.id })).id;
    officer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId })).username);
    inspector = await loginAs(t.app, (await createTestUser(t.db, { role: "inspector", unitId: province.id })).username);
    forumId = await createForumViaApi(t.app, officer, forumBody(unitId));
  });
  afterAll(() => t.close());

  const upload = (cookie: string, fileName: string, payload: Buffer, contentType = "application/octet-stream") =>
    t.app.inject({
      method: "POST",
      url: `/api/forums/${forumId}/report-file?fileName=${encodeURIComponent(fileName)}`,
      headers: { cookie, "content-type": contentType },
      payload,
    });

  it("attaches the report and serves it on the forum's public page, byte for byte, with its Vietnamese name", async () => {
    const name = "Báo cáo ANTT 9 tháng.pdf";
    const response = await upload(officer, name, PDF);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ name, size: PDF.length });
    const forum = (await t.app.inject({ method: "GET", url: `/api/public/forums/${forumId}` })).json();
    expect(forum.reportFile).toEqual({ name, size: PDF.length });
    const file = await t.app.inject({ method: "GET", url: `/api/public/forums/${forumId}/report-file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toContain(encodeURIComponent(name));
    expect(Buffer.compare(file.rawPayload, PDF)).toBe(0);
    const audit = await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", forumId).where("action", "=", "forum.report_file").execute();
    expect(audit).toHaveLength(1);
  });

  it("refuses a file whose bytes do not match its name (415), an empty one (400), a too large one (413), and other roles (403)", async () => {
    const exe = await upload(officer, "baocao.pdf", Buffer.from("MZ\x90\x00 not a pdf"));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe("forum.report_file_type");
    expect((await upload(officer, "baocao.exe", Buffer.from("MZ"))).statusCode).toBe(415);
    expect((await upload(officer, "baocao.pdf", Buffer.alloc(0))).json().error.code).toBe("forum.report_file_empty");
    const big = await upload(officer, "baocao.pdf", Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("forum.report_file_too_large");
    expect((await upload(inspector, "baocao.pdf", PDF)).statusCode).toBe(403);
    expect((await upload(officer, "baocao.pdf", PDF, "text/plain")).statusCode).toBe(415);
  });
});
