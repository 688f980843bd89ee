import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { addRoutingRule } from "./opinions.intake.service.ts";
import { useSuiteClock } from "../../test/clock.ts";
import { todayInVietnam } from "../text/dates.ts";

useSuiteClock();

describe.each(ENGINES)("the opinion lifecycle on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let province: { id: string };
  let commune: { id: string };
  let neighbour: { id: string };
  let officer: { id: string; cookie: string };
  let leader: string;
  let neighbourOfficer: { id: string; cookie: string };
  let provinceLeader: string;
  let inspector: string;

  const user = async (role: "officer" | "leader" | "inspector", unitId: string) => {
    const created = await createTestUser(t.db, { role, unitId });
    return { id: created.id, cookie: await loginAs(t.app, created.username) };
  };

  beforeAll(async () => {
    t = await buildTestApp(engine);
    province = await createTestUnit(t.db);
    commune = await createTestUnit(t.db, { parentId: province.id });
    neighbour = await createTestUnit(t.db, { parentId: province.id });
    officer = await user("officer", commune.id);
    leader = (await user("leader", commune.id)).cookie;
    neighbourOfficer = await user("officer", neighbour.id);
    provinceLeader = (await user("leader", province.id)).cookie;
    inspector = (await user("inspector", province.id)).cookie;
  });
  afterAll(() => t.close());

  const post = (url: string, cookie: string | null, payload: object = {}) =>
    t.app.inject({ method: "POST", url, payload, headers: cookie ? { cookie } : {} });
  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
  const submit = async (payload: object) => {
    const response = await post("/api/public/opinions", null, { unitId: commune.id, ...payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { trackingCode: string; status: string; kind: string };
  };
  const idOf = async (trackingCode: string) =>
    (
      await t.db
        .selectFrom("opinions")
        .select("id")
        .where("tracking_code", "=", trackingCode.replaceAll("-", ""))
        .executeTakeFirstOrThrow()
    ).id;
  const step = (id: string, cookie: string, body: object) => post(`/api/opinions/${id}/steps`, cookie, body);
  const auditActions = async (id: string) =>
    (await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", id).orderBy("id").execute()).map((r) => r.action);

  it("takes an officer's offline entry exactly once per client key, with its channel and date of receipt", async () => {
    const clientKey = randomUUID();
    const body = {
      unitId: commune.id,
      channel: "forum",
      kind: "recommendation",
      content: "Ý kiến phát biểu tại hội nghị thôn 4: đề nghị lắp camera ở ngã ba.",
      receivedAt: "2025-11-20T09:30:00+07:00",
      topics: ["community_security"],
      clientKey,
    };
    const first = await post("/api/opinions", officer.cookie, body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await post("/api/opinions", officer.cookie, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().trackingCode).toBe(first.json().trackingCode);
    const rows = await t.db.selectFrom("opinions").selectAll().where("client_key", "=", clientKey).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: "forum", topics: ["community_security"], entered_by_user_id: officer.id });
    expect(rows[0]?.received_at.toISOString()).toBe("2025-11-20T02:30:00.000Z");

    const colleague = await user("officer", commune.id);
    const stolen = await post("/api/opinions", colleague.cookie, body);
    expect(stolen.statusCode).toBe(409);
    expect(stolen.json().error.code).toBe("opinion.client_key_conflict");
    const future = await post("/api/opinions", officer.cookie, { ...body, clientKey: randomUUID(), receivedAt: "2099-01-01T00:00:00Z" });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: "opinion.received_in_future", field: "receivedAt" });
    const farFuture = await post("/api/opinions", officer.cookie, { ...body, clientKey: randomUUID(), receivedAt: "2999-01-01T00:00:00Z" });
    expect(farFuture.json().error).toMatchObject({ code: "validation.date_out_of_range", field: "receivedAt" });
    const asInspector = await post("/api/opinions", inspector, { ...body, clientKey: randomUUID() });
    expect(asInspector.statusCode).toBe(403);
    const otherUnit = await post("/api/opinions", neighbourOfficer.cookie, { ...body, clientKey: randomUUID() });
    expect(otherUnit.statusCode).toBe(403);
    const unknownTopic = await post("/api/opinions", officer.cookie, { ...body, clientKey: randomUUID(), topics: ["weather"] });
    expect(unknownTopic.statusCode).toBe(422);
    expect(unknownTopic.json().error).toMatchObject({ code: "opinion.topic_unknown", field: "topics" });
  });

  it("records a crime report, gives it a routing deadline, refuses an answer and routes it to its procedure", async () => {
    const receipt = await submit({ kind: "crime_report", content: "Tôi thấy nhóm người lạ bẻ khóa xe máy ở chợ đêm qua." });
    expect(receipt.kind).toBe("crime_report");
    const id = await idOf(receipt.trackingCode);
    const row = await t.db.selectFrom("opinions").select(["answer_due_at", "received_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    const hours = (row.answer_due_at!.getTime() - row.received_at.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(0);
    expect(hours).toBeLessThan(24 * 6); // 8 working hours, even across a long weekend.

    const answer = await post(`/api/opinions/${id}/answers`, leader, { content: "Trả lời" });
    expect(answer.statusCode).toBe(409);
    const routed = await step(id, officer.cookie, { action: "route", to: "Cơ quan CSĐT Công an tỉnh", note: "Công văn số 12" });
    expect(routed.statusCode, routed.body).toBe(200);
    expect(routed.json()).toEqual({ status: "ROUTED" });
    const tracked = (await get(`/api/public/opinions/${receipt.trackingCode}`)).json();
    expect(tracked.history.at(-1)).toMatchObject({ type: "routed", status: "ROUTED", target: "Cơ quan CSĐT Công an tỉnh", note: null });
    expect(await auditActions(id)).toEqual(["opinion.create", "opinion.route"]);
  });

  it("sends an opinion about a named officer to the superior unit, hides it from the criticised one, and refuses to hand it back", async () => {
    const receipt = await submit({
      content: "Cán bộ tiếp dân hôm thứ hai có thái độ hách dịch.",
      targetOfficer: "Trung úy Nguyễn Văn B",
      contact: { phone: "0912345678" },
      anonymous: false,
    });
    const id = await idOf(receipt.trackingCode);
    const row = await t.db.selectFrom("opinions").select(["unit_id", "concerned_unit_id"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ unit_id: province.id, concerned_unit_id: commune.id });
    expect((await get(`/api/opinions/${id}`, officer.cookie)).statusCode).toBe(403);
    expect((await get(`/api/opinions/${id}/contact`, leader)).statusCode).toBe(403);
    const seen = await get(`/api/opinions/${id}`, provinceLeader);
    expect(seen.json()).toMatchObject({ targetOfficer: "Trung úy Nguyễn Văn B", canViewContact: true });
    const back = await step(id, provinceLeader, { action: "transfer", unitId: commune.id, reason: "Giao xã xử lý" });
    expect(back.statusCode).toBe(422);
    expect(back.json().error.code).toBe("opinion.conflict_of_interest");
  });

  it("runs the whole workflow: classify, assign, draft, return, approve, rate, reopen once", async () => {
    const receipt = await submit({ kind: "reflection", content: "Tụ điểm lô đề ở quán nước đầu thôn hoạt động công khai." });
    const id = await idOf(receipt.trackingCode);

    const badTopic = await step(id, officer.cookie, { action: "classify", topics: ["nope"] });
    expect(badTopic.statusCode).toBe(422);
    const classified = await step(id, officer.cookie, {
      action: "classify",
      contentGroup: "security_situation",
      topics: ["gambling"],
      urgency: "urgent",
    });
    expect(classified.json()).toEqual({ status: "CLASSIFIED" });
    expect((await step(id, officer.cookie, { action: "assign", userId: officer.id })).statusCode).toBe(403);
    const wrongAssignee = await step(id, leader, { action: "assign", userId: neighbourOfficer.id });
    expect(wrongAssignee.statusCode).toBe(422);
    expect((await step(id, leader, { action: "assign", userId: officer.id })).json()).toEqual({ status: "ASSIGNED" });
    const mine = (await get("/api/opinions?assignedToMe=true", officer.cookie)).json().items;
    expect(mine.map((i: { id: string }) => i.id)).toContain(id);

    const outsider = await post(`/api/opinions/${id}/answers`, neighbourOfficer.cookie, { content: "Không phải việc của tôi" });
    expect(outsider.statusCode).toBe(403);
    const draft = await post(`/api/opinions/${id}/answers`, officer.cookie, { content: "Bản nháp thứ nhất" });
    expect(draft.json()).toMatchObject({ status: "pending" });
    const second = await post(`/api/opinions/${id}/answers`, officer.cookie, { content: "Bản nháp thứ hai" });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("opinion.answer_pending");
    expect((await post(`/api/opinions/${id}/answers/${draft.json().id}/approve`, officer.cookie)).statusCode).toBe(403);
    const noComment = await post(`/api/opinions/${id}/answers/${draft.json().id}/return`, leader, { comment: "  " });
    expect(noComment.statusCode).toBe(400);
    const returned = await post(`/api/opinions/${id}/answers/${draft.json().id}/return`, leader, { comment: "Nêu rõ thời gian kiểm tra." });
    expect(returned.json()).toEqual({ status: "IN_PROGRESS" });

    const redraft = await post(`/api/opinions/${id}/answers`, officer.cookie, {
      content: "Công an xã đã kiểm tra ngày 20/11, lập biên bản và xử lý theo quy định.",
    });
    const approved = await post(`/api/opinions/${id}/answers/${redraft.json().id}/approve`, leader);
    expect(approved.json()).toEqual({ status: "ANSWERED" });
    const detail = (await get(`/api/opinions/${id}`, leader)).json();
    expect(detail.answers.map((a: { status: string }) => a.status)).toEqual(["returned", "approved"]);
    expect(detail.answers[0].reviewComment).toBe("Nêu rõ thời gian kiểm tra.");
    expect(detail).toMatchObject({ contentGroup: "security_situation", topics: ["gambling"], urgency: "urgent" });

    const tracked = (await get(`/api/public/opinions/${receipt.trackingCode}`)).json();
    expect(tracked.answer.content).toContain("20/11");
    expect(tracked.history.map((h: { type: string }) => h.type)).toEqual(["received", "assigned", "answered"]);
    expect(JSON.stringify(tracked)).not.toContain("Bản nháp");
    expect(tracked).toMatchObject({ canRate: true, canReopen: true, rating: null });

    expect((await post(`/api/public/opinions/${receipt.trackingCode}/rating`, null, { score: 6 })).statusCode).toBe(400);
    const rated = await post(`/api/public/opinions/${receipt.trackingCode}/rating`, null, { score: 4, comment: "Cảm ơn" });
    expect(rated.json()).toEqual({ status: "CLOSED" });
    const twice = await post(`/api/public/opinions/${receipt.trackingCode}/rating`, null, { score: 5 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("opinion.rating_not_allowed");

    const reopened = await post(`/api/public/opinions/${receipt.trackingCode}/reopen`, null, { reason: "Tụ điểm vẫn hoạt động." });
    expect(reopened.json()).toEqual({ status: "IN_PROGRESS" });
    const leaderAnswer = await post(`/api/opinions/${id}/answers`, leader, { content: "Đã phối hợp kiểm tra lần hai." });
    expect(leaderAnswer.json()).toMatchObject({ status: "approved" });
    const again = await post(`/api/public/opinions/${receipt.trackingCode}/reopen`, null, { reason: "Lần nữa" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("opinion.reopen_limit");
    const final = (await get(`/api/public/opinions/${receipt.trackingCode}`)).json();
    expect(final).toMatchObject({ status: "ANSWERED", rating: 4, canRate: false, canReopen: false });
    expect(final.history.find((h: { type: string }) => h.type === "reopened").note).toBe("Tụ điểm vẫn hoạt động.");
    expect(await auditActions(id)).toEqual([
      "opinion.create",
      "opinion.classify",
      "opinion.assign",
      "opinion.answer.submit",
      "opinion.answer.return",
      "opinion.answer.submit",
      "opinion.answer.approve",
      "opinion.rate",
      "opinion.reopen",
      "opinion.answer",
    ]);
  });

  it("rejects with a reason the citizen can read, and refuses every step after it (409)", async () => {
    const receipt = await submit({ content: "Nội dung không liên quan đến Công an." });
    const id = await idOf(receipt.trackingCode);
    const noReason = await step(id, leader, { action: "reject" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe("reason");
    expect((await step(id, officer.cookie, { action: "reject", reason: "x" })).statusCode).toBe(403);
    expect((await step(id, leader, { action: "reject", reason: "Không thuộc thẩm quyền." })).json()).toEqual({ status: "REJECTED" });
    const after = await step(id, officer.cookie, { action: "start" });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe("opinion.invalid_transition");
    const tracked = (await get(`/api/public/opinions/${receipt.trackingCode}`)).json();
    expect(tracked.history.at(-1)).toMatchObject({ type: "rejected", note: "Không thuộc thẩm quyền." });
    expect((await post(`/api/public/opinions/${receipt.trackingCode}/reopen`, null, { reason: "?" })).statusCode).toBe(409);
  });

  it("transfers to another unit with a reason: the new unit handles it, the old one no longer sees it", async () => {
    const receipt = await submit({ content: "Tiếng ồn karaoke ở xóm bên cạnh (thuộc xã khác)." });
    const id = await idOf(receipt.trackingCode);
    expect((await step(id, officer.cookie, { action: "transfer", unitId: commune.id, reason: "x" })).statusCode).toBe(422);
    const moved = await step(id, officer.cookie, { action: "transfer", unitId: neighbour.id, reason: "Địa bàn xã bên cạnh." });
    expect(moved.json()).toEqual({ status: "RECEIVED" });
    expect((await get(`/api/opinions/${id}`, officer.cookie)).statusCode).toBe(403);
    expect((await get(`/api/opinions/${id}`, neighbourOfficer.cookie)).json()).toMatchObject({ unitId: neighbour.id, status: "RECEIVED" });
    const tracked = (await get(`/api/public/opinions/${receipt.trackingCode}`)).json();
    expect(tracked.history.at(-1)).toMatchObject({ type: "transferred", note: null });
  });

  it("merges a duplicate: its contributor reads the answer given to the opinion it was merged into", async () => {
    const primary = await submit({ content: "Đèn đường ở ngã tư thôn 2 hỏng nhiều tuần." });
    const duplicate = await submit({ content: "Đèn đường ngã tư thôn 2 bị hỏng." });
    const duplicateId = await idOf(duplicate.trackingCode);
    expect((await step(duplicateId, officer.cookie, { action: "merge", intoCode: duplicate.trackingCode })).statusCode).toBe(422);
    const merged = await step(duplicateId, officer.cookie, { action: "merge", intoCode: primary.trackingCode.toLowerCase() });
    expect(merged.json()).toEqual({ status: "MERGED" });
    await post(`/api/opinions/${await idOf(primary.trackingCode)}/answers`, leader, { content: "Đã đề nghị điện lực sửa đèn." });
    const tracked = (await get(`/api/public/opinions/${duplicate.trackingCode}`)).json();
    expect(tracked).toMatchObject({ status: "MERGED", answer: { content: "Đã đề nghị điện lực sửa đèn." } });
    expect(tracked.history.at(-1)).toMatchObject({ type: "merged", target: primary.trackingCode });
  });

  it("suggests possible duplicates: similar open opinions of the same unit, whatever the diacritics or tone-mark style", async () => {
    const first = await submit({ content: "Thanh niên đua xe, lạng lách ở đường Thiệu Hòa vào tối thứ bảy" });
    const second = await submit({ content: "thanh nien dua xe lang lach o duong Thieu Hoà toi thu bay" });
    const other = await submit({ content: "Đề nghị hướng dẫn thủ tục cấp căn cước cho người cao tuổi" });
    const similar = await get(`/api/opinions/${await idOf(second.trackingCode)}/similar`, officer.cookie);
    expect(similar.statusCode).toBe(200);
    const codes = similar.json().items.map((i: { trackingCode: string }) => i.trackingCode);
    expect(codes[0]).toBe(first.trackingCode);
    expect(codes).not.toContain(other.trackingCode);
    expect(similar.json().items[0].similarity).toBeGreaterThan(0.5);
    expect((await get(`/api/opinions/${await idOf(second.trackingCode)}/similar`, neighbourOfficer.cookie)).statusCode).toBe(403);
  });

  it("assigns several opinions at once, telling for each what happened (bulk step)", async () => {
    const a = await idOf((await submit({ content: "Bulk một" })).trackingCode);
    const b = await idOf((await submit({ content: "Bulk hai" })).trackingCode);
    const rejected = await idOf((await submit({ content: "Bulk ba" })).trackingCode);
    await step(rejected, leader, { action: "reject", reason: "Trùng lặp" });
    const elsewhere = await post("/api/public/opinions", null, { unitId: neighbour.id, content: "Ở xã khác" });
    const foreign = await idOf(elsewhere.json().trackingCode);
    const response = await post("/api/opinions/bulk-steps", leader, { ids: [a, b, rejected, foreign], step: { action: "assign", userId: officer.id } });
    expect(response.statusCode, response.body).toBe(200);
    const byId = new Map(response.json().results.map((r: { id: string }) => [r.id, r]));
    expect(byId.get(a)).toEqual({ id: a, status: "ASSIGNED" });
    expect(byId.get(b)).toEqual({ id: b, status: "ASSIGNED" });
    expect(byId.get(rejected)).toMatchObject({ error: { code: "opinion.invalid_transition" } });
    expect(byId.get(foreign)).toMatchObject({ error: { code: "auth.forbidden" } });
    expect((byId.get(foreign) as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
    const tooMany = await post("/api/opinions/bulk-steps", leader, { ids: [], step: { action: "start" } });
    expect(tooMany.statusCode).toBe(400);
  });

  it("records an answer given on the spot at a forum as such", async () => {
    const spoken = { unitId: commune.id, channel: "forum", kind: "question", clientKey: randomUUID() };
    const entered = await post("/api/opinions", officer.cookie, { ...spoken, content: "Hỏi về thời gian làm căn cước cho người cao tuổi tại nhà." });
    expect(entered.statusCode, entered.body).toBe(201);
    const receipt = entered.json() as { trackingCode: string };
    const id = await idOf(receipt.trackingCode);
    const done = await step(id, officer.cookie, { action: "answer_on_spot", content: "Tổ công tác làm căn cước tại nhà vào thứ bảy." });
    expect(done.json()).toEqual({ status: "ANSWERED" });
    const tracked = (await get(`/api/public/opinions/${receipt.trackingCode}`)).json();
    expect(tracked.answer).toMatchObject({ method: "on_spot", content: "Tổ công tác làm căn cước tại nhà vào thứ bảy." });
  });

  it("refuses an officer's answer on the spot to an opinion sent from the web (403): it is a draft for a leader", async () => {
    const id = await idOf((await submit({ content: "Hỏi qua trang web về giờ làm việc.", kind: "question" })).trackingCode);
    const detail = (await get(`/api/opinions/${id}`, officer.cookie)).json();
    expect(detail.actions).not.toContain("answer_on_spot");
    expect(detail.actions).toContain("submit_answer");
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/opinions/${id}/steps`,
      payload: { action: "answer_on_spot", content: "Từ 7 giờ 30." },
      headers: { cookie: officer.cookie, "accept-language": "en" },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: "opinion.on_spot_not_face_to_face", message: expect.stringContaining("face to face") });
    expect((await get(`/api/opinions/${id}`, officer.cookie)).json().status).toBe("RECEIVED");
    expect((await step(id, leader, { action: "answer_on_spot", content: "Từ 7 giờ 30." })).json()).toEqual({ status: "ANSWERED" });
  });

  it("refuses a user outside the subtree with 403 whatever the opinion's state, never naming it (steps, answers, reviews, bulk)", async () => {
    const id = await idOf((await submit({ content: "Đề nghị sửa đèn đường.", kind: "recommendation" })).trackingCode);
    const draft = await post(`/api/opinions/${id}/answers`, officer.cookie, { content: "Dự thảo." });
    expect(draft.statusCode, draft.body).toBe(201);
    expect((await post(`/api/opinions/${id}/answers/${draft.json().id}/return`, leader, { comment: "Viết lại." })).statusCode).toBe(200);
    expect((await step(id, leader, { action: "reject", reason: "Trùng lặp." })).json()).toEqual({ status: "REJECTED" });
    const refusals = [
      await step(id, neighbourOfficer.cookie, { action: "start" }),
      await step(id, inspector, { action: "start" }),
      await post(`/api/opinions/${id}/answers`, neighbourOfficer.cookie, { content: "Trả lời." }),
      await post(`/api/opinions/${id}/answers/${draft.json().id}/approve`, neighbourOfficer.cookie),
      await post(`/api/opinions/${id}/answers/${draft.json().id}/return`, neighbourOfficer.cookie, { comment: "Không." }),
    ];
    expect(refusals.map((r) => [r.statusCode, r.json().error.code])).toEqual(Array(5).fill([403, "auth.forbidden"]));
    expect(refusals.map((r) => r.body).join()).not.toContain("REJECTED");
    const bulk = await post("/api/opinions/bulk-steps", neighbourOfficer.cookie, { ids: [id], step: { action: "start" } });
    expect(bulk.json().results).toMatchObject([{ id, error: { code: "auth.forbidden" } }]);
  });

  it("routes by rules as data: a topic on a place goes to the unit the rule names", async () => {
    const division = await createTestUnit(t.db, { parentId: province.id, levelCode: "division", name: "Phòng CSGT thử nghiệm" });
    await addRoutingRule({ db: t.db, rule: { locationUnitId: neighbour.id, topic: "traffic", targetUnitId: division.id } });
    const routed = await submit({ content: "Xe quá tải chạy trên quốc lộ qua xã.", topics: ["traffic"], locationUnitId: neighbour.id });
    const other = await submit({ content: "Xe quá tải ở đường thôn.", topics: ["traffic"], locationUnitId: commune.id });
    const unitOf = async (code: string) =>
      (await t.db.selectFrom("opinions").select("unit_id").where("tracking_code", "=", code.replaceAll("-", "")).executeTakeFirstOrThrow()).unit_id;
    expect(await unitOf(routed.trackingCode)).toBe(division.id);
    expect(await unitOf(other.trackingCode)).toBe(commune.id);
  });

  it("finds opinions by words with or without diacritics and by every filter; a reversed period is a 400", async () => {
    const code = (await submit({ content: "Đề nghị xử lý nghiêm đường dây LÔ ĐỀ ở chợ Hạc Thành.", topics: ["gambling"], kind: "recommendation" }))
      .trackingCode;
    const find = async (query: string) =>
      (await get(`/api/opinions?limit=100&${query}`, leader)).json().items.map((i: { trackingCode: string }) => i.trackingCode);
    expect(await find("q=lo%20de%20hac%20thanh")).toEqual([code]);
    expect(await find(`q=${encodeURIComponent("lô đề")}`)).toContain(code);
    expect(await find("q=lo%20de&kind=question")).toEqual([]);
    expect(await find("topic=gambling&kind=recommendation")).toContain(code);
    expect(await find("channel=web&q=lo%20de%20hac%20thanh")).toEqual([code]);
    expect(await find("channel=hotline&q=lo%20de")).toEqual([]);
    expect(await find("q=100%25")).toEqual([]);
    const today = todayInVietnam();
    expect(await find(`from=${today}&to=${today}&q=hac%20thanh`)).toEqual([code]);
    expect(await find("to=2020-01-01&q=lo%20de")).toEqual([]);
    const reversed = await get("/api/opinions?from=2025-02-01&to=2025-01-01", leader);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error).toMatchObject({ code: "opinion.invalid_period", field: "to" });
  });

  it("lists the configured topics in the request's language", async () => {
    const vi = (await get("/api/public/topics")).json().items;
    expect(vi.find((topic: { code: string }) => topic.code === "drugs").name).toBe("Ma túy");
    const en = (await t.app.inject({ url: "/api/public/topics", headers: { "accept-language": "en" } })).json().items;
    expect(en.find((topic: { code: string }) => topic.code === "drugs").name).toBe("Drugs");
  });
});
