import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { useSuiteClock } from "../../test/clock.ts";
import { nowMs } from "../calendar/clock.ts";

useSuiteClock();

describe.each(ENGINES)("a unit's public page on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let province: { id: string };
  let commune: { id: string };
  let leader: string;
  let officer: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    province = await createTestUnit(t.db);
    commune = await createTestUnit(t.db, { parentId: province.id });
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: commune.id })).username);
    officer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId: commune.id })).username);
  });
  afterAll(() => t.close());

  const submit = async (payload: object) => {
    const response = await t.app.inject({ method: "POST", url: "/api/public/opinions", payload: { unitId: commune.id, ...payload } });
    expect(response.statusCode, response.body).toBe(201);
    const code = (response.json() as { trackingCode: string }).trackingCode;
    const row = await t.db.selectFrom("opinions").select("id").where("tracking_code", "=", code.replaceAll("-", "")).executeTakeFirstOrThrow();
    return row.id;
  };
  const answer = (id: string, content: string, cookie = leader) =>
    t.app.inject({ method: "POST", url: `/api/opinions/${id}/answers`, payload: { content }, headers: { cookie } });

  it("publishes answered opinions only with consent, never routing kinds or drafts, with personal data removed", async () => {
    const published = await submit({
      content: "Tôi là Nguyễn Văn An, số 0912 345 678, xe biển 36A-123.45 của tôi bị lấy trộm gương ở chợ.",
      publicConsent: true,
      kind: "reflection",
    });
    await answer(published, "Gửi anh Nguyễn Văn An: Công an xã đã trích xuất camera, liên hệ 0912345678 khi cần.");
    const private_ = await submit({ content: "Ý kiến không đồng ý công khai.", publicConsent: false });
    await answer(private_, "Đã trả lời riêng.");
    const routed = await submit({ content: "Tố giác có đồng ý công khai.", publicConsent: true, kind: "denunciation" });
    await t.app.inject({
      method: "POST",
      url: `/api/opinions/${routed}/steps`,
      payload: { action: "route", to: "Thanh tra Công an tỉnh" },
      headers: { cookie: officer },
    });
    const drafted = await submit({ content: "Ý kiến mới chỉ có dự thảo.", publicConsent: true });
    await answer(drafted, "Dự thảo chưa duyệt.", officer);

    for (const unitId of [commune.id, province.id]) {
      const response = await t.app.inject({ url: `/api/public/units/${unitId}/opinions` });
      expect(response.statusCode).toBe(200);
      const items = response.json().items as { content: string; answer: string; answeredOnTime: boolean }[];
      expect(items).toHaveLength(1);
      expect(items[0]?.content).toBe("Tôi là [họ tên], số [số điện thoại], xe biển [biển số xe] của tôi bị lấy trộm gương ở chợ.");
      expect(items[0]?.answer).toContain("anh [họ tên]");
      expect(items[0]?.answeredOnTime).toBe(true);
      for (const secret of ["Nguyễn Văn An", "0912", "36A", "riêng", "Tố giác", "Dự thảo"]) expect(response.body).not.toContain(secret);
    }
  });

  it("gives the unit's figures: received, answered, on time, mean handling time, overdue, ratings", async () => {
    const unit = await createTestUnit(t.db, { parentId: province.id });
    const unitLeader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: unit.id })).username);
    const ids: string[] = [];
    for (const content of ["Một", "Hai", "Ba", "Bốn"]) {
      const response = await t.app.inject({ method: "POST", url: "/api/public/opinions", payload: { unitId: unit.id, content } });
      ids.push((await t.db.selectFrom("opinions").select("id").where("tracking_code", "=", response.json().trackingCode.replaceAll("-", "")).executeTakeFirstOrThrow()).id);
    }
    await answer(ids[0]!, "Trả lời đúng hạn", unitLeader);
    // The second is answered after its deadline; the third is still open and overdue.
    await t.db.updateTable("opinions").set({ answer_due_at: new Date(nowMs() - 3_600_000) }).where("id", "in", [ids[1]!, ids[2]!]).execute();
    await answer(ids[1]!, "Trả lời trễ", unitLeader);
    const code = (await t.db.selectFrom("opinions").select("tracking_code").where("id", "=", ids[0]!).executeTakeFirstOrThrow()).tracking_code;
    await t.app.inject({ method: "POST", url: `/api/public/opinions/${code}/rating`, payload: { score: 5 } });

    const response = await t.app.inject({ url: `/api/public/units/${unit.id}/summary` });
    expect(response.statusCode).toBe(200);
    expect(response.json().figures).toMatchObject({
      received: 4,
      answered: 2,
      answeredOnTime: 1,
      onTimeRate: 50,
      open: 2,
      overdue: 1,
      rated: 1,
      meanRating: 5,
    });
    expect(response.json().figures.meanHandlingDays).toBeGreaterThanOrEqual(0);
    const empty = await t.app.inject({ url: `/api/public/units/${unit.id}/summary?from=2020-01-01&to=2020-12-31` });
    expect(empty.json().figures).toMatchObject({ received: 0, onTimeRate: null, meanHandlingDays: null, meanRating: null });
  });

  it("refuses an unknown unit (404), a reversed period (400) and a forged cursor (400) in the error contract", async () => {
    const unknown = await t.app.inject({ url: `/api/public/units/${randomUUID()}/summary` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("unit.not_found");
    const reversed = await t.app.inject({ url: `/api/public/units/${commune.id}/summary?from=2025-02-01&to=2025-01-01` });
    expect(reversed.statusCode).toBe(400);
    const cursor = await t.app.inject({ url: `/api/public/units/${commune.id}/opinions?cursor=abc` });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.code).toBe("opinion.invalid_cursor");
  });
});
