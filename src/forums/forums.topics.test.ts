import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { useSuiteClock } from "../../test/clock.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { listMigrations } from "../db/migrate.ts";
import { addRoutingRule } from "../opinions/opinions.intake.service.ts";
import { createForumViaApi, forumBody, phoneCookie } from "./forums.test-support.ts";

useSuiteClock();

describe.each(ENGINES)("forum opinions' topics and channel on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let unitId: string;
  let officer: string;
  let leader: string;
  let forumId: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    unitId = (await createTestUnit(t.db)).id;
    officer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId })).username);
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId })).username);
    forumId = await createForumViaApi(t.app, leader, forumBody(unitId));
    await send("POST", `/api/forums/${forumId}/status`, leader, { action: "start" });
  });
  afterAll(() => t.close());

  const send = (method: "GET" | "POST" | "PUT", url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });
  const opinionOf = (trackingCode: string) =>
    t.db
      .selectFrom("opinions")
      .select(["id", "channel", "topics"])
      .where("tracking_code", "=", trackingCode.replace(/-/g, ""))
      .executeTakeFirstOrThrow();

  it("stores the secretary's topics and a phone's one topic on the opinions, both with channel forum", async () => {
    const entry = await send("POST", `/api/forums/${forumId}/entries`, officer, {
      content: "Xe tải chở quá tải chạy qua thôn ban đêm, có cả người chơi lô đề ở quán nước.",
      topics: ["traffic", "gambling"],
      clientKey: randomUUID(),
    });
    expect(entry.statusCode, entry.body).toBe(201);
    expect(await opinionOf(entry.json().trackingCode)).toMatchObject({ channel: "forum", topics: ["traffic", "gambling"] });

    const phone = await phoneCookie(t.app, forumId);
    const sent = await send("POST", `/api/public/forums/${forumId}/opinions`, phone, { content: "Thanh niên đua xe trên đê mỗi tối.", topic: "traffic" });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(await opinionOf(sent.json().trackingCode)).toMatchObject({ channel: "forum", topics: ["traffic"] });

    const inbox = await send("GET", "/api/opinions?channel=forum&topic=traffic&limit=100", leader);
    const codes = inbox.json().items.map((i: { trackingCode: string }) => i.trackingCode.replace(/-/g, ""));
    expect(codes).toEqual(expect.arrayContaining([entry.json().trackingCode, sent.json().trackingCode].map((c: string) => c.replace(/-/g, ""))));
  });

  it("keeps a forum opinion with the organising unit whatever the topic's routing rule, so the chair can still mark it", async () => {
    const police = await createTestUnit(t.db);
    await addRoutingRule({ db: t.db, rule: { topic: "drugs", targetUnitId: police.id, priority: 100 } });
    const entry = await send("POST", `/api/forums/${forumId}/entries`, officer, { content: "Có người bán ma túy gần bến xe.", topics: ["drugs"], clientKey: randomUUID() });
    const phone = await phoneCookie(t.app, forumId);
    const sent = await send("POST", `/api/public/forums/${forumId}/opinions`, phone, { content: "Thanh niên tụ tập dùng ma túy ở bãi sông.", topic: "drugs" });
    const rows = await t.db
      .selectFrom("opinions")
      .select("unit_id")
      .where("tracking_code", "in", [entry.json().trackingCode, sent.json().trackingCode])
      .execute();
    expect(rows).toEqual([{ unit_id: unitId }, { unit_id: unitId }]);
    const marked = await send("POST", `/api/forums/${forumId}/items/${entry.json().itemId}/mark`, leader, { mark: "written" });
    expect(marked.statusCode, marked.body).toBe(200);
    const web = await send("POST", "/api/public/opinions", undefined, { unitId, content: "Ý kiến về ma túy qua trang web.", topics: ["drugs"] });
    const routed = await t.db.selectFrom("opinions").select("unit_id").where("tracking_code", "=", web.json().trackingCode.replace(/-/g, "")).executeTakeFirstOrThrow();
    expect(routed.unit_id).toBe(police.id);
  });

  it("refuses an unknown topic (422 opinion.topic_unknown) and a malformed one (400), storing nothing", async () => {
    const before = await t.db.selectFrom("forum_items").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
    const entry = await send("POST", `/api/forums/${forumId}/entries`, officer, { content: "Ý kiến thử.", topics: ["weather"], clientKey: randomUUID() });
    expect(entry.statusCode).toBe(422);
    expect(entry.json().error).toMatchObject({ code: "opinion.topic_unknown", field: "topics" });
    const phone = await phoneCookie(t.app, forumId);
    const unknown = await send("POST", `/api/public/forums/${forumId}/opinions`, phone, { content: "Ý kiến thử.", topic: "weather" });
    expect(unknown.json().error.code).toBe("opinion.topic_unknown");
    const malformed = await send("POST", `/api/public/forums/${forumId}/opinions`, phone, { content: "Ý kiến thử.", topic: "Giao thông" });
    expect(malformed.statusCode).toBe(400);
    const after = await t.db.selectFrom("forum_items").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("lets the chair set and change the topics of an answered forum opinion, and refuses an inspector (403)", async () => {
    const phone = await phoneCookie(t.app, forumId);
    const sent = await send("POST", `/api/public/forums/${forumId}/opinions`, phone, { content: "Đề nghị lắp camera ở ngã ba chợ." });
    const itemId = sent.json().itemId as string;
    await send("POST", `/api/forums/${forumId}/items/${itemId}/mark`, leader, { mark: "on_spot", note: "Sẽ lắp trong quý IV." });
    const url = `/api/forums/${forumId}/items/${itemId}/topics`;
    const set = await send("PUT", url, officer, { topics: ["community_security", "theft", "theft"] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ topics: ["community_security", "theft"] });
    expect((await send("PUT", url, leader, { topics: ["theft"] })).json()).toEqual({ topics: ["theft"] });
    expect(await opinionOf(sent.json().trackingCode)).toMatchObject({ topics: ["theft"] });
    const listed = (await send("GET", `/api/forums/${forumId}/items`, leader)).json().items.find((i: { id: string }) => i.id === itemId);
    expect(listed.topics).toEqual(["theft"]);
    expect((await send("PUT", url, leader, { topics: ["weather"] })).statusCode).toBe(422);
    const inspector = await loginAs(t.app, (await createTestUser(t.db, { role: "inspector", unitId })).username);
    expect((await send("PUT", url, inspector, { topics: [] })).statusCode).toBe(403);
    const audit = await t.db.selectFrom("audit_log").select("action").where("action", "=", "opinion.topics").execute();
    expect(audit).toHaveLength(2);
  });

  it("links an opinion's detail to its forum, and none for an opinion raised elsewhere", async () => {
    const entry = await send("POST", `/api/forums/${forumId}/entries`, officer, { content: "Đề nghị tuần tra đêm.", clientKey: randomUUID() });
    const { id } = await opinionOf(entry.json().trackingCode);
    const detail = await send("GET", `/api/opinions/${id}`, leader);
    const forum = (await send("GET", `/api/forums/${forumId}`, leader)).json();
    expect(detail.json().forum).toEqual({ id: forumId, title: forum.title, startsAt: forum.startsAt });
    const web = await send("POST", "/api/public/opinions", undefined, { unitId, content: "Ý kiến qua trang web." });
    const plain = await opinionOf(web.json().trackingCode);
    expect((await send("GET", `/api/opinions/${plain.id}`, leader)).json().forum).toBeNull();
  });

  it("keeps the citizen form from claiming the forum channel (400)", async () => {
    const claimed = await send("POST", "/api/public/opinions", undefined, { unitId, content: "Ý kiến thử.", channel: "forum" });
    expect(claimed.statusCode).toBe(400);
  });

  it("counts the forums' opinions by topic, the unclassified ones included", async () => {
    const unit = (await createTestUnit(t.db)).id;
    const chair = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: unit })).username);
    const id = await createForumViaApi(t.app, chair, forumBody(unit));
    await send("POST", `/api/forums/${id}/status`, chair, { action: "start" });
    const enter = (topics: string[]) => send("POST", `/api/forums/${id}/entries`, chair, { content: `Ý kiến ${randomUUID()}`, topics, clientKey: randomUUID() });
    await enter(["traffic", "theft"]);
    await enter(["traffic"]);
    await enter([]);
    const phone = await phoneCookie(t.app, id);
    await send("POST", `/api/public/forums/${id}/opinions`, phone, { content: "Ý kiến từ điện thoại." });
    const stats = (await send("GET", `/api/forums/stats?from=2020-01-01&to=2029-12-31&unitId=${unit}`, chair)).json();
    expect(stats.opinions).toBe(4);
    expect(stats.opinionsByTopic).toEqual([
      { topic: "traffic", count: 2 },
      { topic: "theft", count: 1 },
    ]);
    expect(stats.unclassified).toBe(2);
  });

  it("migration 0036 moves old phone opinions of a forum from channel qr to forum, and nothing else", async () => {
    const phone = await phoneCookie(t.app, forumId);
    const sent = await send("POST", `/api/public/forums/${forumId}/opinions`, phone, { content: "Ý kiến cũ từ điện thoại." });
    const fromPhone = await opinionOf(sent.json().trackingCode);
    const web = await send("POST", "/api/public/opinions", undefined, { unitId, content: "Ý kiến qua mã QR ở quầy.", channel: "qr" });
    const plainQr = await opinionOf(web.json().trackingCode);
    // The old style: a phone's opinion stored with channel qr.
    await t.db.updateTable("opinions").set({ channel: "qr" }).where("id", "=", fromPhone.id).execute();

    const migration = listMigrations().find((m) => m.name.startsWith("0036_"));
    if (!migration) throw new Error("migration 0036 missing");
    await sql.raw(migration.sql).execute(t.db);

    expect((await opinionOf(sent.json().trackingCode)).channel).toBe("forum");
    expect((await opinionOf(web.json().trackingCode)).channel).toBe(plainQr.channel);
  });
});
