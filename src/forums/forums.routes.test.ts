import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { createForumViaApi, forumBody, phoneCookie } from "./forums.test-support.ts";
import { useSuiteClock } from "../../test/clock.ts";
import { todayInVietnam } from "../text/dates.ts";

useSuiteClock();

describe.each(ENGINES)("forums: plan, public page, live session on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let province: { id: string };
  let commune: { id: string; name: string };
  let otherCommune: { id: string; name: string };
  let officer: string;
  let leader: string;
  let outsider: string;
  let inspector: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    province = await createTestUnit(t.db);
    commune = await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Thiệu Tiến thử" });
    otherCommune = await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Thiệu Toán thử" });
    officer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId: commune.id })).username);
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: commune.id })).username);
    outsider = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: otherCommune.id })).username);
    inspector = await loginAs(t.app, (await createTestUser(t.db, { role: "inspector", unitId: province.id })).username);
  });
  afterAll(() => t.close());

  const send = (method: "GET" | "POST" | "PUT", url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });

  it("plans a forum, lists the year's plan for the subtree, and keeps other units out (403)", async () => {
    const created = await send("POST", "/api/forums", officer, forumBody(commune.id, { locationUnitId: commune.id }));
    expect(created.statusCode, created.body).toBe(201);
    const forum = created.json();
    expect(forum).toMatchObject({ status: "planned", canRun: true, canFinaliseMinutes: false, locationName: commune.name });
    expect(forum.publicUrl).toMatch(new RegExp(`/forums/${forum.id}$`));
    expect(forum.title.normalize("NFC")).toBe(forum.title);

    const year = forum.startsAt.slice(0, 4);
    const plan = await send("GET", `/api/forums?year=${year}&unitId=${province.id}`, inspector);
    expect(plan.statusCode).toBe(200);
    expect(plan.json().items.map((f: { id: string }) => f.id)).toContain(forum.id);
    expect((await send("GET", `/api/forums/${forum.id}`, outsider)).statusCode).toBe(403);
    expect((await send("POST", "/api/forums", inspector, forumBody(commune.id))).statusCode).toBe(403);
    expect((await send("POST", "/api/forums", outsider, forumBody(commune.id))).statusCode).toBe(403);
    const bad = await send("POST", "/api/forums", officer, forumBody(commune.id, { plannedEndAt: "2000-01-01T00:00:00Z" }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "forum.end_before_start", field: "plannedEndAt" });
    const edited = await send("PUT", `/api/forums/${forum.id}`, officer, { ...forumBody(commune.id), unitId: undefined, attendance: 95 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().attendance).toBe(95);
  });

  it("reports which communes had a forum in the period (coverage) and the forums' figures", async () => {
    const id = await createForumViaApi(t.app, leader, forumBody(commune.id, { locationUnitId: commune.id, hamlet: "Thôn Yên Lộ" }));
    expect((await send("POST", `/api/forums/${id}/status`, leader, { action: "start" })).json()).toEqual({ status: "live" });
    const today = todayInVietnam();
    const nextYear = `${Number(today.slice(0, 4)) + 1}-12-31`;
    const coverage = await send("GET", `/api/forums/coverage?from=${today}&to=${nextYear}&unitId=${province.id}`, inspector);
    expect(coverage.statusCode, coverage.body).toBe(200);
    const body = coverage.json();
    const here = body.items.find((i: { unitId: string }) => i.unitId === commune.id);
    const there = body.items.find((i: { unitId: string }) => i.unitId === otherCommune.id);
    expect(here).toMatchObject({ forumCount: 1, hamlets: ["Thôn Yên Lộ"] });
    expect(there).toMatchObject({ forumCount: 0, hamlets: [] });
    expect(body).toMatchObject({ coveredCount: 1, totalCount: 2 });
    const reversed = await send("GET", `/api/forums/coverage?from=${nextYear}&to=${today}`, inspector);
    expect(reversed.json().error.code).toBe("forum.invalid_period");
    const stats = await send("GET", `/api/forums/stats?from=${today}&to=${nextYear}`, leader);
    expect(stats.json()).toMatchObject({ forumsHeld: 1, opinions: 0 });
  });

  it("runs a forum live: secretary entry exactly once, citizen opinion moderated, +1 once per device, marks", async () => {
    const id = await createForumViaApi(t.app, leader, forumBody(commune.id));
    await send("POST", `/api/forums/${id}/status`, leader, { action: "start" });

    // The secretary's entry, sent twice (offline queue): stored once.
    const entry = { content: "Ông Nguyễn Văn Bình phản ánh xe tải chở quá tải chạy qua thôn ban đêm.", kind: "reflection", speaker: "Ông B., thôn 3", clientKey: randomUUID() };
    const first = await send("POST", `/api/forums/${id}/entries`, officer, entry);
    expect(first.statusCode, first.body).toBe(201);
    const again = await send("POST", `/api/forums/${id}/entries`, officer, entry);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const opinion = await t.db.selectFrom("opinions").select(["channel", "unit_id"]).where("tracking_code", "=", first.json().trackingCode).executeTakeFirstOrThrow();
    expect(opinion).toEqual({ channel: "forum", unit_id: commune.id });

    // A phone sends an opinion: it waits for the chair.
    const phone = await phoneCookie(t.app, id);
    const sent = await send("POST", `/api/public/forums/${id}/opinions`, phone, { content: "Đề nghị lắp camera an ninh ở ngã ba chợ, gọi 0912345678 để biết thêm." });
    expect(sent.statusCode, sent.body).toBe(201);
    const itemId = sent.json().itemId;
    let publicItems = (await send("GET", `/api/public/forums/${id}/items`)).json().items;
    expect(publicItems.map((i: { id: string }) => i.id)).not.toContain(itemId);
    expect(publicItems).toHaveLength(1);
    expect(publicItems[0].text).not.toContain("Nguyễn Văn Bình");

    // Support before it is shown: not found. The chair shows it; the text on screens has no phone number.
    expect((await send("POST", `/api/public/forums/${id}/items/${itemId}/support`, phone)).statusCode).toBe(404);
    expect((await send("POST", `/api/forums/${id}/items/${itemId}/moderation`, inspector, { action: "show" })).statusCode).toBe(403);
    expect((await send("POST", `/api/forums/${id}/items/${itemId}/moderation`, leader, { action: "present" })).json()).toEqual({ moderation: "shown" });
    publicItems = (await send("GET", `/api/public/forums/${id}/items`)).json().items;
    const shown = publicItems.find((i: { id: string }) => i.id === itemId);
    expect(shown.text).toContain("[số điện thoại]");
    expect(shown.text).not.toContain("0912345678");

    // +1: once per device, however often it is sent; a phone without its device id is asked to reload.
    const supportUrl = `/api/public/forums/${id}/items/${itemId}/support`;
    expect((await send("POST", supportUrl, phone)).json()).toEqual({ supportCount: 1, supported: true });
    expect((await send("POST", supportUrl, phone)).json()).toEqual({ supportCount: 1, supported: true });
    const other = await phoneCookie(t.app, id);
    expect((await send("POST", supportUrl, other)).json()).toEqual({ supportCount: 2, supported: true });
    const noDevice = await send("POST", supportUrl);
    expect(noDevice.statusCode).toBe(400);
    expect(noDevice.json().error.code).toBe("forum.device_required");

    // Marks: on the spot → ANSWERED with the answer; written → stays in the workflow with its deadline.
    const onSpot = await send("POST", `/api/forums/${id}/items/${itemId}/mark`, leader, { mark: "on_spot", note: "Công an xã sẽ phối hợp UBND lắp camera trong quý IV." });
    expect(onSpot.statusCode, onSpot.body).toBe(200);
    expect((await send("POST", `/api/forums/${id}/items/${itemId}/mark`, leader, { mark: "written" })).json().error.code).toBe("forum.already_marked");
    const written = await send("POST", `/api/forums/${id}/items/${first.json().itemId}/mark`, officer, { mark: "written" });
    expect(written.statusCode).toBe(200);
    const statuses = await t.db
      .selectFrom("forum_items as i")
      .innerJoin("opinions as o", "o.id", "i.opinion_id")
      .select(["i.id", "o.status", "o.answer_due_at"])
      .where("i.forum_id", "=", id)
      .execute();
    expect(statuses.find((s) => s.id === itemId)?.status).toBe("ANSWERED");
    const writtenRow = statuses.find((s) => s.id === first.json().itemId);
    expect(writtenRow?.status).toBe("RECEIVED");
    expect(writtenRow?.answer_due_at).not.toBeNull();
    const answered = (await send("GET", `/api/public/forums/${id}/items`)).json().items.find((i: { id: string }) => i.id === itemId);
    expect(answered).toMatchObject({ mark: "on_spot", spotAnswer: "Công an xã sẽ phối hợp UBND lắp camera trong quý IV." });

    // The written answer, approved in the normal workflow, reaches the forum's public page (personal data removed).
    const writtenOpinion = await t.db.selectFrom("forum_items").select("opinion_id").where("id", "=", first.json().itemId).executeTakeFirstOrThrow();
    const answer = await send("POST", `/api/opinions/${writtenOpinion.opinion_id}/answers`, leader, {
      content: "Công an xã đã lập chốt kiểm tra xe quá tải từ 20 giờ; liên hệ đồng chí Trần Văn Nam, 0987654321.",
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const writtenItem = (await send("GET", `/api/public/forums/${id}/items`)).json().items.find((i: { id: string }) => i.id === first.json().itemId);
    expect(writtenItem.mark).toBe("written");
    expect(writtenItem.writtenAnswer).toContain("Công an xã đã lập chốt kiểm tra xe quá tải");
    expect(writtenItem.writtenAnswer).not.toContain("0987654321");
    const stats = await send("GET", `/api/forums/stats?from=2020-01-01&to=2029-12-31`, leader);
    expect(stats.json()).toMatchObject({ written: 1, writtenAnswered: 1, writtenAnsweredOnTime: 1, writtenOnTimeShare: 100 });

    // Out of scope and transfers are leaders' steps of the workflow.
    const third = await send("POST", `/api/public/forums/${id}/opinions`, phone, { content: "Tranh chấp đất đai giữa hai hộ ở xóm Bắc." });
    const transfer = await send("POST", `/api/forums/${id}/items/${third.json().itemId}/mark`, officer, { mark: "transferred", to: "UBND xã", note: "Thuộc thẩm quyền UBND xã." });
    expect(transfer.statusCode).toBe(403);
    const byLeader = await send("POST", `/api/forums/${id}/items/${third.json().itemId}/mark`, leader, { mark: "transferred", to: "UBND xã", note: "Thuộc thẩm quyền UBND xã." });
    expect(byLeader.statusCode, byLeader.body).toBe(200);

    const audit = await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["forum.create", "forum.start", "forum.item_present", "forum.item_mark"]));
  });

  it("refuses opinions to an ended or cancelled forum, and unknown forums (404), in the request's language", async () => {
    const id = await createForumViaApi(t.app, leader, forumBody(commune.id));
    expect((await send("POST", `/api/forums/${id}/status`, leader, { action: "end" })).statusCode).toBe(409);
    expect((await send("POST", `/api/forums/${id}/status`, leader, { action: "cancel" })).json()).toEqual({ status: "cancelled" });
    const phone = await phoneCookie(t.app, id);
    const refused = await t.app.inject({ method: "POST", url: `/api/public/forums/${id}/opinions?lang=en`, payload: { content: "Xin hỏi" }, headers: { cookie: phone } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "forum.closed", message: "The forum has ended or was cancelled; it takes no more opinions." });
    const missing = await send("GET", `/api/public/forums/${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: "forum.not_found", message: "Không tìm thấy hội nghị." });
  });
});

describe.each(ENGINES)("forum rate limits on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  afterAll(() => t.close());

  it("holds each phone by its device limit (429 in the error contract), with room for several +1 a minute", async () => {
    t = await buildTestApp(engine, { publicRateLimitPerMinute: 1_000, publicRateLimitPerDevicePerMinute: 1 });
    const unitId = (await createTestUnit(t.db)).id;
    const leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId })).username);
    const id = await createForumViaApi(t.app, leader, forumBody(unitId));
    const phone = await phoneCookie(t.app, id);
    const send = () => t.app.inject({ method: "POST", url: `/api/public/forums/${id}/opinions`, payload: { content: "Ý kiến" }, headers: { cookie: phone } });
    expect((await send()).statusCode).toBe(201);
    const limited = await send();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("request.rate_limited");
    // Another phone in the same room (same address) is not held by the first one's limit.
    const other = await phoneCookie(t.app, id);
    expect((await t.app.inject({ method: "POST", url: `/api/public/forums/${id}/opinions`, payload: { content: "Ý kiến khác" }, headers: { cookie: other } })).statusCode).toBe(201);

    const items = await t.db.selectFrom("forum_items").select("id").where("forum_id", "=", id).execute();
    for (const item of items) {
      await t.app.inject({ method: "POST", url: `/api/forums/${id}/items/${item.id}/moderation`, payload: { action: "show" }, headers: { cookie: leader } });
    }
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const item = items[i % items.length]!;
      statuses.push((await t.app.inject({ method: "POST", url: `/api/public/forums/${id}/items/${item.id}/support`, headers: { cookie: phone } })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
