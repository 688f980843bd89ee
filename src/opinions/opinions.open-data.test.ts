import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { useSuiteClock } from "../../test/clock.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { exportPublishedOpinionsOfUnit } from "./opinions.publication.service.ts";

useSuiteClock();

/** An RFC 4180 reading of a CSV text: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const [, line] of text.matchAll(/((?:"(?:[^"]|"")*"|[^"\r\n])*)\r\n/g)) {
    rows.push([...line!.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell]) => (cell!.startsWith('"') ? cell!.slice(1, -1).replaceAll('""', '"') : cell!)));
  }
  return rows;
}

describe.each(ENGINES)("a unit's open data (CSV and JSON) on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let unit: { id: string; name: string };
  let leader: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const province = await createTestUnit(t.db);
    unit = await createTestUnit(t.db, { parentId: province.id });
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: unit.id })).username);
    const submitAndAnswer = async (payload: object, answer: string) => {
      const sent = await t.app.inject({ method: "POST", url: "/api/public/opinions", payload: { unitId: unit.id, ...payload } });
      expect(sent.statusCode, sent.body).toBe(201);
      const code = (sent.json() as { trackingCode: string }).trackingCode.replaceAll("-", "");
      const { id } = await t.db.selectFrom("opinions").select("id").where("tracking_code", "=", code).executeTakeFirstOrThrow();
      const answered = await t.app.inject({ method: "POST", url: `/api/opinions/${id}/answers`, payload: { content: answer }, headers: { cookie: leader } });
      expect(answered.statusCode, answered.body).toBeLessThan(300);
    };
    await submitAndAnswer(
      {
        content: 'Tôi là Trần Thị Hoa, số 0912 345 678: đèn "cao áp", cột số 5, hỏng\nđã hai tuần.',
        contact: { name: "Trần Thị Hoa", phone: "0988 777 666", email: "hoa.tran@example.com" },
        publicConsent: true,
      },
      "=HYPERLINK(\"http://x\") Gửi chị Trần Thị Hoa: đã báo điện lực thay đèn.",
    );
    await submitAndAnswer({ content: "Ý kiến riêng, không công khai.", publicConsent: false }, "Trả lời riêng.");
  });
  afterAll(() => t.close());

  it("gives the published answers as CSV: BOM, English header, RFC 4180 quoting, formulas defused, no personal data", async () => {
    const response = await t.app.inject({ url: `/api/public/units/${unit.id}/open-data/answers.csv` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="answers-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString("utf8"));
    expect(rows[0]).toEqual(["unitName", "kind", "topics", "receivedAt", "answeredAt", "answeredOnTime", "answerMethod", "content", "answer"]);
    expect(rows).toHaveLength(2);
    const record = Object.fromEntries(rows[0]!.map((name, i) => [name, rows[1]![i]]));
    expect(record).toMatchObject({ unitName: unit.name, kind: "reflection", answeredOnTime: "true", answerMethod: "written" });
    expect(record.content).toBe('Tôi là [họ tên], số [số điện thoại]: đèn "cao áp", cột số 5, hỏng\nđã hai tuần.');
    expect(record.answer!.startsWith("'=HYPERLINK(")).toBe(true);
    for (const secret of ["Hoa", "0912", "0988", "hoa.tran", "riêng"]) expect(response.body).not.toContain(secret);
  });

  it("gives the same answers as JSON, and an empty file for a period without any", async () => {
    const response = await t.app.inject({ url: `/api/public/units/${unit.id}/open-data/answers.json` });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { unitId: string; unitName: string; period: { from: string; to: string }; items: { content: string; answer: string }[] };
    expect(body).toMatchObject({ unitId: unit.id, unitName: unit.name });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]!.content).toContain("[họ tên]");
    for (const secret of ["Hoa", "0912", "0988", "hoa.tran", "riêng"]) expect(response.body).not.toContain(secret);

    const old = await t.app.inject({ url: `/api/public/units/${unit.id}/open-data/answers.json?from=2020-01-01&to=2020-12-31` });
    expect(old.json()).toMatchObject({ period: { from: "2020-01-01", to: "2020-12-31" }, items: [] });
    const oldCsv = await t.app.inject({ url: `/api/public/units/${unit.id}/open-data/answers.csv?from=2020-01-01&to=2020-12-31` });
    expect(parseCsv(oldCsv.rawPayload.subarray(3).toString("utf8"))).toHaveLength(1);
  });

  it("gives the unit's figures as CSV and JSON, as its public page shows them", async () => {
    const page = (await t.app.inject({ url: `/api/public/units/${unit.id}/summary` })).json() as { figures: Record<string, unknown> };
    const json = await t.app.inject({ url: `/api/public/units/${unit.id}/open-data/figures.json` });
    expect(json.statusCode).toBe(200);
    expect(json.json().figures).toEqual(page.figures);
    expect(page.figures).toMatchObject({ received: 2, answered: 2 });

    const csv = await t.app.inject({ url: `/api/public/units/${unit.id}/open-data/figures.csv` });
    expect(csv.rawPayload.subarray(0, 3).toString("hex")).toBe("efbbbf");
    const [header, record, ...rest] = parseCsv(csv.rawPayload.subarray(3).toString("utf8"));
    expect(rest).toEqual([]);
    const figures = Object.fromEntries(header!.map((name, i) => [name, record![i]]));
    expect(figures).toMatchObject({ unitId: unit.id, unitName: unit.name, received: "2", answered: "2", answeredOnTime: "2", onTimeRate: "100" });
  });

  it("reads the answers page by page, each exactly once", async () => {
    const small = await createTestUnit(t.db);
    const smallLeader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: small.id })).username);
    for (const n of [1, 2, 3, 4, 5]) {
      const sent = await t.app.inject({ method: "POST", url: "/api/public/opinions", payload: { unitId: small.id, content: `Ý kiến số ${n}`, publicConsent: true } });
      const code = (sent.json() as { trackingCode: string }).trackingCode.replaceAll("-", "");
      const { id } = await t.db.selectFrom("opinions").select("id").where("tracking_code", "=", code).executeTakeFirstOrThrow();
      await t.app.inject({ method: "POST", url: `/api/opinions/${id}/answers`, payload: { content: `Trả lời số ${n}` }, headers: { cookie: smallLeader } });
    }
    const exported = await exportPublishedOpinionsOfUnit({ db: t.db, unitId: small.id, pageSize: 2 });
    const pages: string[][] = [];
    for await (const page of exported.pages) pages.push(page.map((item) => item.answer));
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().sort()).toEqual(["Trả lời số 1", "Trả lời số 2", "Trả lời số 3", "Trả lời số 4", "Trả lời số 5"]);
  });

  it("refuses an unknown unit (404), a reversed period (400) and a period over ten years (400)", async () => {
    const unknown = await t.app.inject({ url: `/api/public/units/${randomUUID()}/open-data/answers.csv` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("unit.not_found");
    const reversed = await t.app.inject({ url: `/api/public/units/${unit.id}/open-data/figures.csv?from=2025-02-01&to=2025-01-01` });
    expect(reversed.json().error.code).toBe("opinion.invalid_period");
    const long = await t.app.inject({ url: `/api/public/units/${unit.id}/open-data/answers.json?from=2000-01-01&to=2026-01-01` });
    expect(long.json().error).toMatchObject({ code: "validation.range_too_long", field: "to" });
  });
});
