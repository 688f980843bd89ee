import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { useSuiteClock } from "../../test/clock.ts";
import { todayInVietnam } from "../text/dates.ts";

useSuiteClock();

describe.each(ENGINES)("remedial actions (tự soi, tự sửa) on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let officer: string;
  let leader: string;
  let outsider: string;
  let inspector: string;
  let opinionId: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const province = await createTestUnit(t.db);
    const commune = await createTestUnit(t.db, { parentId: province.id });
    const other = await createTestUnit(t.db, { parentId: province.id });
    officer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId: commune.id })).username);
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: commune.id })).username);
    outsider = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: other.id })).username);
    inspector = await loginAs(t.app, (await createTestUser(t.db, { role: "inspector", unitId: province.id })).username);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/public/opinions",
      payload: { unitId: commune.id, content: "Cán bộ trực ban bắt dân chờ lâu, không hướng dẫn thủ tục." },
    });
    const code = response.json().trackingCode.replaceAll("-", "");
    opinionId = (await t.db.selectFrom("opinions").select("id").where("tracking_code", "=", code).executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  const post = (url: string, cookie: string, payload: object) => t.app.inject({ method: "POST", url, payload, headers: { cookie } });

  it("plans, carries out with evidence, and verifies a remedial action; every move is audited", async () => {
    const created = await post(`/api/opinions/${opinionId}/remedial-actions`, officer, {
      title: "Bố trí cán bộ hướng dẫn thủ tục tại bộ phận một cửa giờ cao điểm",
      ownerName: "Đại úy Trần Thị Hoa",
      dueDate: "2099-12-31",
    });
    expect(created.statusCode, created.body).toBe(201);
    const action = created.json();
    expect(action).toMatchObject({ status: "planned", isOverdue: false, nextStatuses: ["in_progress", "done"] });
    const url = `/api/remedial-actions/${action.id}/status`;

    expect((await post(url, officer, { status: "verified" })).statusCode).toBe(409);
    expect((await post(url, officer, { status: "in_progress" })).json()).toMatchObject({ status: "in_progress" });
    const noEvidence = await post(url, officer, { status: "done" });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error).toMatchObject({ code: "remedy.evidence_required", field: "evidence" });
    const done = await post(url, officer, { status: "done", evidence: "Lịch trực hướng dẫn số 05/LT-CAX, ảnh chụp bảng hướng dẫn." });
    expect(done.json()).toMatchObject({ status: "done" });
    expect(done.json().doneAt).not.toBeNull();
    expect((await post(url, officer, { status: "verified" })).statusCode).toBe(403);
    expect((await post(url, outsider, { status: "verified" })).statusCode).toBe(403);
    const verified = await post(url, leader, { status: "verified" });
    expect(verified.json()).toMatchObject({ status: "verified", nextStatuses: [] });
    expect(verified.json().verifiedBy).toContain("Cán bộ");
    const again = await post(url, leader, { status: "in_progress" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("remedy.invalid_transition");

    const list = await t.app.inject({ url: `/api/opinions/${opinionId}/remedial-actions`, headers: { cookie: inspector } });
    expect(list.json()).toMatchObject({ canCreate: false, items: [{ id: action.id, status: "verified", nextStatuses: [] }] });
    const audit = await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", action.id).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["remedy.create", "remedy.in_progress", "remedy.done", "remedy.verified"]);
  });

  it("flags an overdue action, and refuses bad input and other units' users with clear errors", async () => {
    const late = await post(`/api/opinions/${opinionId}/remedial-actions`, leader, {
      title: "Tập huấn văn hóa ứng xử",
      ownerName: "Tổ công tác",
      dueDate: todayInVietnam(),
    });
    expect(late.statusCode).toBe(201);
    await t.db.updateTable("remedial_actions").set({ due_date: "2025-11-01" }).where("id", "=", late.json().id).execute();
    await t.db.updateTable("opinions").set({ received_at: new Date("2025-10-01T00:00:00Z") }).where("id", "=", opinionId).execute();
    const list = await t.app.inject({ url: `/api/opinions/${opinionId}/remedial-actions`, headers: { cookie: officer } });
    expect(list.json().items.find((i: { id: string }) => i.id === late.json().id).isOverdue).toBe(true);

    const blank = await post(`/api/opinions/${opinionId}/remedial-actions`, officer, { title: " ", ownerName: "A", dueDate: "2099-01-01" });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.field).toBe("title");
    const badDate = await post(`/api/opinions/${opinionId}/remedial-actions`, officer, { title: "X", ownerName: "A", dueDate: "31/12/2099" });
    expect(badDate.statusCode).toBe(400);
    const beforeOpinion = await post(`/api/opinions/${opinionId}/remedial-actions`, officer, { title: "X", ownerName: "A", dueDate: "2020-01-01" });
    expect(beforeOpinion.statusCode).toBe(400);
    expect(beforeOpinion.json().error.code).toBe("remedy.due_before_opinion");
    expect((await post(`/api/opinions/${opinionId}/remedial-actions`, outsider, { title: "X", ownerName: "A", dueDate: "2099-01-01" })).statusCode).toBe(403);
    expect((await post(`/api/opinions/${opinionId}/remedial-actions`, inspector, { title: "X", ownerName: "A", dueDate: "2099-01-01" })).statusCode).toBe(403);
    const unknown = await post("/api/remedial-actions/00000000-0000-4000-8000-000000000000/status", leader, { status: "done" });
    expect(unknown.statusCode).toBe(404);
  });
});
