import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { listAuditTrail } from "../audit/audit.service.ts";
import { useSuiteClock } from "../../test/clock.ts";
import { nowMs } from "../calendar/clock.ts";

useSuiteClock();

describe.each(ENGINES)("opinions routes on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let province: { id: string };
  let commune: { id: string; name: string };
  let otherCommune: { id: string };
  let officer: string;
  let leader: string;
  let provinceLeader: string;
  let otherOfficer: string;
  let inspector: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    province = await createTestUnit(t.db);
    commune = await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Thiệu Hóa" });
    otherCommune = await createTestUnit(t.db, { parentId: province.id });
    officer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId: commune.id })).username);
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: commune.id })).username);
    provinceLeader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: province.id })).username);
    otherOfficer = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId: otherCommune.id })).username);
    inspector = await loginAs(t.app, (await createTestUser(t.db, { role: "inspector", unitId: province.id })).username);
  });
  afterAll(() => t.close());

  const submit = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url: "/api/public/opinions", payload: payload as object, headers });

  it("takes a citizen's opinion and returns a readable tracking code (201)", async () => {
    const response = await submit({ unitId: commune.id, content: "  Đề nghị tăng cường tuần tra ban đêm.  " });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.status).toBe("RECEIVED");
    expect(body.trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(Object.keys(body).sort()).toEqual(["kind", "status", "trackingCode"]);
  });

  it("keeps no trace of the citizen's address with an opinion, so anonymous stays anonymous", async () => {
    const { trackingCode } = (
      await submit({ unitId: commune.id, content: "Ý kiến ẩn danh về an ninh thôn 3." }, { "x-forwarded-for": "203.0.113.9" })
    ).json();
    const opinion = await t.db.selectFrom("opinions").select("id").where("tracking_code", "=", trackingCode.replaceAll("-", "")).executeTakeFirstOrThrow();
    const entries = await t.db.selectFrom("audit_log").selectAll().where("entity_id", "=", opinion.id).execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "opinion.create", actor_user_id: null, ip: null });
    expect(JSON.stringify(entries)).not.toContain("127.0.0.1");
  });

  it("stores text as NFC whatever form the citizen's phone sent", async () => {
    const nfd = "Thiệu Hóa có nhiều xe chạy quá tốc độ".normalize("NFD");
    const { trackingCode } = (await submit({ unitId: commune.id, content: nfd })).json();
    const list = await t.app.inject({ url: "/api/opinions?limit=100", headers: { cookie: officer } });
    const item = list.json().items.find((i: { trackingCode: string }) => i.trackingCode === trackingCode);
    expect(item.excerpt).toBe(nfd.normalize("NFC"));
  });

  it("completes the loop: submit → officer drafts → leader approves → the citizen sees the answer, without personal data", async () => {
    const receipt = (
      await submit({
        unitId: commune.id,
        content: "Xin hỏi thủ tục cấp căn cước cho con?",
        kind: "question",
        contact: { name: "Nguyễn Thị Mai", phone: "0912 345 678", email: "Mai@Example.vn" },
        anonymous: false,
        publicConsent: true,
      })
    ).json();
    const before = await t.app.inject({ url: `/api/public/opinions/${receipt.trackingCode}` });
    expect(before.statusCode).toBe(200);
    expect(before.json().answer).toBeUndefined();

    const list = await t.app.inject({ url: "/api/opinions", headers: { cookie: officer } });
    const item = list.json().items.find((i: { trackingCode: string }) => i.trackingCode === receipt.trackingCode);
    expect(item).toMatchObject({ status: "RECEIVED", kind: "question", hasContact: true, isAnonymous: false });

    const detail = await t.app.inject({ url: `/api/opinions/${item.id}`, headers: { cookie: officer } });
    expect(detail.json()).toMatchObject({ canAnswer: true, canViewContact: false });
    expect(detail.body).not.toContain("0912");

    const answer = await t.app.inject({
      method: "POST",
      url: `/api/opinions/${item.id}/answers`,
      headers: { cookie: officer },
      payload: { content: "Mời bà mang giấy khai sinh của cháu đến trụ sở công an xã." },
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({ status: "pending", method: "written" });
    const pending = await t.app.inject({ url: `/api/public/opinions/${receipt.trackingCode}` });
    expect(pending.json()).toMatchObject({ status: "IN_PROGRESS" });
    expect(pending.json().answer).toBeUndefined();

    const approve = await t.app.inject({
      method: "POST",
      url: `/api/opinions/${item.id}/answers/${answer.json().id}/approve`,
      headers: { cookie: leader },
    });
    expect(approve.statusCode).toBe(200);
    expect(approve.json()).toEqual({ status: "ANSWERED" });

    const after = await t.app.inject({ url: `/api/public/opinions/${receipt.trackingCode.toLowerCase().replace(/-/g, " ")}` });
    const tracked = after.json();
    expect(tracked.status).toBe("ANSWERED");
    expect(tracked.answer.content).toBe("Mời bà mang giấy khai sinh của cháu đến trụ sở công an xã.");
    expect(tracked.history.map((h: { status: string }) => h.status)).toEqual(["RECEIVED", "ANSWERED"]);
    expect(tracked.history.map((h: { type: string }) => h.type)).toEqual(["received", "answered"]);
    for (const secret of ["Mai", "0912", "example.vn"]) expect(after.body.toLowerCase()).not.toContain(secret.toLowerCase());

    const again = await t.app.inject({
      method: "POST",
      url: `/api/opinions/${item.id}/answers`,
      headers: { cookie: officer },
      payload: { content: "Lần hai" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("opinion.invalid_transition");
  });

  it("shows contact details only to a leader of the subtree, and audits every view", async () => {
    const { trackingCode } = (
      await submit({ unitId: commune.id, content: "Phản ánh tiếng ồn", contact: { phone: "0987654321" } })
    ).json();
    const list = await t.app.inject({ url: "/api/opinions?limit=100", headers: { cookie: leader } });
    const id = list.json().items.find((i: { trackingCode: string }) => i.trackingCode === trackingCode).id;

    const asOfficer = await t.app.inject({ url: `/api/opinions/${id}/contact`, headers: { cookie: officer } });
    expect(asOfficer.statusCode).toBe(403);
    const asInspector = await t.app.inject({ url: `/api/opinions/${id}/contact`, headers: { cookie: inspector } });
    expect(asInspector.statusCode).toBe(403);

    for (const cookie of [leader, provinceLeader]) {
      const response = await t.app.inject({ url: `/api/opinions/${id}/contact`, headers: { cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ name: null, phone: "0987654321", email: null });
    }
    const views = (await listAuditTrail({ db: t.db, entityType: "opinion", entityId: id })).filter(
      (e) => e.action === "opinion.contact.view",
    );
    expect(views).toHaveLength(2);

    const stored = await t.db.selectFrom("opinion_contacts").select("ciphertext").where("opinion_id", "=", id).executeTakeFirstOrThrow();
    expect(stored.ciphertext).not.toContain("0987654321");
  });

  it("keeps an anonymous opinion anonymous: no contact row, 404 on the contact endpoint", async () => {
    const { trackingCode } = (await submit({ unitId: commune.id, content: "Ẩn danh", anonymous: true })).json();
    const list = await t.app.inject({ url: "/api/opinions?limit=100", headers: { cookie: leader } });
    const item = list.json().items.find((i: { trackingCode: string }) => i.trackingCode === trackingCode);
    expect(item).toMatchObject({ isAnonymous: true, hasContact: false });
    const contact = await t.app.inject({ url: `/api/opinions/${item.id}/contact`, headers: { cookie: leader } });
    expect(contact.statusCode).toBe(404);
    expect(contact.json().error.code).toBe("opinion.no_contact");
  });

  it("refuses an officer of another unit (403) to read or answer", async () => {
    const { trackingCode } = (await submit({ unitId: commune.id, content: "Ý kiến của xã khác" })).json();
    const list = await t.app.inject({ url: "/api/opinions?limit=100", headers: { cookie: officer } });
    const id = list.json().items.find((i: { trackingCode: string }) => i.trackingCode === trackingCode).id;

    const otherList = await t.app.inject({ url: "/api/opinions?limit=100", headers: { cookie: otherOfficer } });
    expect(otherList.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    const read = await t.app.inject({ url: `/api/opinions/${id}`, headers: { cookie: otherOfficer } });
    expect(read.statusCode).toBe(403);
    const answer = await t.app.inject({
      method: "POST",
      url: `/api/opinions/${id}/answers`,
      headers: { cookie: otherOfficer, "accept-language": "en" },
      payload: { content: "Không phải việc của tôi" },
    });
    expect(answer.statusCode).toBe(403);
    expect(answer.json().error).toEqual({ code: "auth.forbidden", message: "You are not allowed to do this." });
    const byInspector = await t.app.inject({
      method: "POST",
      url: `/api/opinions/${id}/answers`,
      headers: { cookie: inspector },
      payload: { content: "Thanh tra chỉ xem" },
    });
    expect(byInspector.statusCode).toBe(403);
  });

  it("lets the province see its communes' opinions, page by page with a cursor", async () => {
    for (let i = 0; i < 5; i++) await submit({ unitId: otherCommune.id, content: `Ý kiến số ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/opinions?limit=2&unitId=${otherCommune.id}${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await t.app.inject({ url, headers: { cookie: provinceLeader } })).json();
      seen.push(...page.items.map((i: { excerpt: string }) => i.excerpt));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Ý kiến số 4", "Ý kiến số 3", "Ý kiến số 2", "Ý kiến số 1", "Ý kiến số 0"]);
    const outside = await t.app.inject({ url: `/api/opinions?unitId=${province.id}`, headers: { cookie: officer } });
    expect(outside.statusCode).toBe(403);
  });

  describe("bad input gets a clear 4xx in the request's language", () => {
    it.each([
      ["an empty opinion", { content: "   " }, 400, "validation.too_small", "content"],
      ["a 20,000-character opinion", { content: "a".repeat(20_000) }, 400, "validation.too_big", "content"],
      ["content of the wrong type", { content: 42 }, 400, "validation.invalid_type", "content"],
      ["an unknown unit", { unitId: "00000000-0000-4000-8000-000000000000" }, 422, "unit.not_found", "unitId"],
      ["a unit id that is not a UUID", { unitId: "abc" }, 400, "validation.invalid_format", "unitId"],
      ["contact details on an anonymous opinion", { anonymous: true, contact: { phone: "0912345678" } }, 400, "opinion.contact_with_anonymous", "contact"],
      ["a malformed e-mail", { contact: { email: "not-an-email" } }, 400, "validation.invalid_format", "contact.email"],
    ])("rejects %s", async (_label, patch, status, code, field) => {
      const response = await submit({ unitId: commune.id, content: "Nội dung hợp lệ", ...patch });
      expect(response.statusCode).toBe(status);
      const body = response.json();
      expect(body.error.code).toBe(code);
      expect(body.error.field).toBe(field);
      expect(body.error.message).toMatch(/[à-ỹ]/);
    });

    it("rejects a unit that no longer exists (valid until 28/02/2025)", async () => {
      const old = await createTestUnit(t.db, { parentId: province.id, levelCode: "district", validFrom: "1976-01-01", validTo: "2025-02-28" });
      const response = await submit({ unitId: old.id, content: "Gửi huyện cũ" }, { "accept-language": "en" });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toEqual({
        code: "unit.inactive",
        message: "The selected unit no longer exists; please choose a current unit.",
        field: "unitId",
      });
    });

    it("rejects malformed JSON with 400 request.malformed_json", async () => {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/public/opinions",
        headers: { "content-type": "application/json" },
        payload: '{"unitId": "x", "content": ',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("request.malformed_json");
      expect(response.json().error.message).toBe("Dữ liệu gửi lên không phải JSON hợp lệ.");
    });

    it("rejects a form-encoded body (415)", async () => {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/public/opinions",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "content=x",
      });
      expect(response.statusCode).toBe(415);
      expect(response.json().error.code).toBe("request.unsupported_media_type");
    });

    it("answers a tracking code that does not exist with 404 opinion.not_found", async () => {
      for (const code of ["ABCD-EFGH-KLMN", "nonsense", "x".repeat(40)]) {
        const response = await t.app.inject({ url: `/api/public/opinions/${code}` });
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe("opinion.not_found");
      }
    });

    it("rejects an empty answer and an unknown opinion", async () => {
      const blank = await t.app.inject({
        method: "POST",
        url: "/api/opinions/00000000-0000-4000-8000-000000000000/answers",
        headers: { cookie: officer },
        payload: { content: "" },
      });
      expect(blank.statusCode).toBe(400);
      const unknown = await t.app.inject({
        method: "POST",
        url: "/api/opinions/00000000-0000-4000-8000-000000000000/answers",
        headers: { cookie: officer },
        payload: { content: "Trả lời" },
      });
      expect(unknown.statusCode).toBe(404);
    });

    it("rejects a bad cursor with 400", async () => {
      const response = await t.app.inject({ url: "/api/opinions?cursor=%%%", headers: { cookie: officer } });
      expect(response.statusCode).toBe(400);
    });
  });
});

describe.each(ENGINES)("simultaneous submissions on %s", (engine) => {
  it("stores 60 simultaneous first submissions exactly once each, with their timeline and audit entries", async () => {
    const t = await buildTestApp(engine);
    try {
      const unit = await createTestUnit(t.db);
      const old = await createTestUnit(t.db, { validFrom: "1976-01-01", validTo: "2025-02-28" });
      const responses = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          t.app.inject({
            method: "POST",
            url: "/api/public/opinions",
            payload: {
              unitId: i % 10 === 9 ? old.id : unit.id,
              content: `Ý kiến đồng thời số ${i}`,
              ...(i % 2 ? { contact: { phone: `0912 000 ${String(i).padStart(3, "0")}` } } : {}),
            },
          }),
        ),
      );
      const created = responses.filter((r) => r.statusCode === 201);
      expect(created).toHaveLength(54);
      expect(responses.filter((r) => r.statusCode === 422).every((r) => r.json().error.code === "unit.inactive")).toBe(true);
      expect(new Set(created.map((r) => r.json().trackingCode)).size).toBe(54);
      const count = async (table: "opinions" | "opinion_events" | "opinion_contacts") =>
        Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
      expect(await count("opinions")).toBe(54);
      // The first timeline step is the opinion's own reception time: no event row is written for it.
      expect(await count("opinion_events")).toBe(0);
      expect(await count("opinion_contacts")).toBe(24);
      const audits = await t.db.selectFrom("audit_log").select("entity_id").where("action", "=", "opinion.create").execute();
      expect(audits).toHaveLength(54);
    } finally {
      await t.close();
    }
  });
});

describe.each(ENGINES)("answer deadlines on %s", (engine) => {
  it("gives each opinion an answer deadline in working days, flags it OVERDUE when passed, and filters by it", async () => {
    const t = await buildTestApp(engine);
    try {
      const unit = await createTestUnit(t.db);
      const cookie = await loginAs(t.app, (await createTestUser(t.db, { role: "officer", unitId: unit.id })).username);
      const submit = async (content: string, kind: string) =>
        (await t.app.inject({ method: "POST", url: "/api/public/opinions", payload: { unitId: unit.id, content, kind } })).json();
      const question = await submit("Hỏi về thủ tục", "question");
      const late = await submit("Phản ánh để lâu", "reflection");

      const tracked = (await t.app.inject({ url: `/api/public/opinions/${question.trackingCode}` })).json();
      const due = new Date(tracked.answerDueAt);
      const days = (due.getTime() - new Date(tracked.createdAt).getTime()) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(5);
      expect(days).toBeLessThan(5 + 2 * 7);
      expect([0, 6]).not.toContain(new Date(due.getTime() + 7 * 3_600_000).getUTCDay());

      await t.db
        .updateTable("opinions")
        .set({ answer_due_at: new Date(nowMs() - 60_000) })
        .where("tracking_code", "=", late.trackingCode.replace(/-/g, ""))
        .execute();
      const all = (await t.app.inject({ url: "/api/opinions", headers: { cookie } })).json().items;
      const byCode = new Map(all.map((i: { trackingCode: string; isOverdue: boolean }) => [i.trackingCode, i]));
      expect(byCode.get(late.trackingCode)).toMatchObject({ isOverdue: true });
      expect(byCode.get(question.trackingCode)).toMatchObject({ isOverdue: false });
      const overdue = (await t.app.inject({ url: "/api/opinions?overdue=true", headers: { cookie } })).json().items;
      expect(overdue.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([late.trackingCode]);

      const lateId = (byCode.get(late.trackingCode) as { id: string }).id;
      // A leader's answer goes out at once (an officer's waits for approval and the opinion stays open).
      const leaderCookie = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: unit.id })).username);
      const answered = await t.app.inject({
        method: "POST",
        url: `/api/opinions/${lateId}/answers`,
        headers: { cookie: leaderCookie },
        payload: { content: "Đã xử lý" },
      });
      expect(answered.json()).toMatchObject({ status: "approved" });
      const after = (await t.app.inject({ url: `/api/opinions/${lateId}`, headers: { cookie } })).json();
      expect(after.isOverdue).toBe(false);
      expect((await t.app.inject({ url: "/api/opinions?overdue=true", headers: { cookie } })).json().items).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
