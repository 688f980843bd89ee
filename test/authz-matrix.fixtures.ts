import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import type { Role } from "../src/auth/actor.ts";
import type { Db } from "../src/db/index.ts";
import { forumBody } from "../src/forums/forums.test-support.ts";
import type { App } from "../src/http/types.ts";
import { todayInVietnam } from "../src/text/dates.ts";
import { loginAs } from "./app.ts";
import type { Position } from "./authz-matrix.expected.ts";
import { createTestUnit, createTestUser } from "./factories.ts";
import { campaignBody, createCampaignAs, deviceCookie } from "./surveys.ts";

/* The resources the authorisation matrix acts on, created in each position relative to the matrix users'
   unit, through the API as a setup user of the unit above (so every id exists and each is in a known state). */

/** One request's target: path values, query string, and a JSON body or a raw upload. */
export interface Target {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  raw?: Buffer;
}

/** How to build a target in a position: `fresh` in a state the allowed roles can act on; `spent` in one where
 * the state itself forbids the request (a refusal must still be 403, never a 409 naming the state). */
export interface Fixture {
  fresh: (position: Position) => Promise<Target>;
  spent?: (position: Position) => Promise<Target>;
}

const CSV = Buffer.from("Nội dung ý kiến,Ngày nhận\nĐề nghị lắp đèn đường ở ngõ 5.,15/03/2025\n");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const PAPER_DAY = "2025-06-05";

/** The unit tree, the matrix users (all in the "own" unit) and the setup users, with their sessions. */
export async function buildWorld(app: App, db: Db["db"]) {
  const root = await createTestUnit(db, { name: "Công an tỉnh Ma Trận" });
  const own = await createTestUnit(db, { parentId: root.id, name: "Công an xã Ma Trận" });
  const beside = await createTestUnit(db, { parentId: root.id, name: "Công an xã Bên Cạnh" });
  const below = await createTestUnit(db, { parentId: own.id, levelCode: "post", name: "Đồn Công an Bên Dưới" });
  const unitOf: Record<Position, string> = { own: own.id, above: root.id, beside: beside.id, below: below.id };

  const session = async (role: Role, unitId: string) => {
    const user = await createTestUser(db, { role, unitId });
    return { ...user, cookie: await loginAs(app, user.username) };
  };
  const users = {} as Record<Role, { cookie: string }>;
  for (const role of ["admin", "leader", "officer", "inspector"] as const) users[role] = await session(role, own.id);
  const rootLeader = await session("leader", root.id);
  const rootOfficer = await session("officer", root.id);
  const besideLeader = await session("leader", beside.id);
  const belowLeader = await session("leader", below.id);
  const leaderOf: Record<Position, string> = { own: users.leader.cookie, above: rootLeader.cookie, beside: besideLeader.cookie, below: belowLeader.cookie };

  const call = async (cookie: string, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) => {
    const response = await app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (response.statusCode >= 300) throw new Error(`setup ${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.headers["content-type"]?.toString().startsWith("application/json") ? (response.json() as Record<string, unknown>) : {};
  };
  const asLeader = (method: "GET" | "POST" | "PUT", url: string, payload?: unknown) => call(rootLeader.cookie, method, url, payload);
  const asOfficer = (method: "GET" | "POST" | "PUT", url: string, payload?: unknown) => call(rootOfficer.cookie, method, url, payload);

  const opinionIdOf = async (trackingCode: string) =>
    (await db.selectFrom("opinions").select("id").where("tracking_code", "=", trackingCode.replaceAll("-", "")).executeTakeFirstOrThrow()).id;
  const opinion = async (p: Position, withContact = false) => {
    const contact = withContact ? { anonymous: false, contact: { name: "Nguyễn Văn An", phone: "0912345678" } } : { anonymous: true };
    const response = await app.inject({
      method: "POST",
      url: "/api/public/opinions",
      payload: { unitId: unitOf[p], kind: "question", content: `Hỏi về giờ làm căn cước ở ${p} ${randomUUID()}`, ...contact },
    });
    if (response.statusCode !== 201) throw new Error(`setup opinion: ${response.statusCode} ${response.body}`);
    return opinionIdOf(response.json().trackingCode as string);
  };
  const draft = async (p: Position) => {
    const id = await opinion(p);
    const answer = await asOfficer("POST", `/api/opinions/${id}/answers`, { content: "Dự thảo trả lời." });
    return { id, answerId: answer.id as string };
  };
  // Rejected, with a returned draft: no step, answer or review is possible any more.
  const closed = async (p: Position) => {
    const { id, answerId } = await draft(p);
    await asLeader("POST", `/api/opinions/${id}/answers/${answerId}/return`, { comment: "Viết lại." });
    await asLeader("POST", `/api/opinions/${id}/steps`, { action: "reject", reason: "Trùng lặp." });
    return { id, answerId };
  };
  // Answered by a leader of the root, so approved at once; with contact details, which a leader's letter names.
  const answered = async (p: Position) => {
    const id = await opinion(p, true);
    await asLeader("POST", `/api/opinions/${id}/answers`, { content: "Trả lời bằng văn bản." });
    return id;
  };
  const remedy = async (p: Position) => {
    const id = await opinion(p);
    return (await asLeader("POST", `/api/opinions/${id}/remedial-actions`, { title: "Sửa quy trình tiếp dân", ownerName: "Đại úy Lê Văn B", dueDate: todayInVietnam() }))
      .id as string;
  };
  const verifiedRemedy = async (p: Position) => {
    const id = await remedy(p);
    await asLeader("POST", `/api/remedial-actions/${id}/status`, { status: "done", evidence: "Biên bản họp." });
    await asLeader("POST", `/api/remedial-actions/${id}/status`, { status: "verified" });
    return id;
  };

  const forum = async (p: Position, moves: ("start" | "end" | "cancel")[] = []) => {
    const id = (await asLeader("POST", "/api/forums", forumBody(unitOf[p]))).id as string;
    for (const action of moves) await asLeader("POST", `/api/forums/${id}/status`, { action });
    return id;
  };
  const minutes = { attendees: "Đại diện thôn.", proceedings: "Báo cáo tình hình." };
  const endedForum = async (p: Position) => {
    const id = await forum(p, ["start", "end"]);
    await asLeader("PUT", `/api/forums/${id}/minutes`, minutes);
    return id;
  };
  const finalisedForum = async (p: Position) => {
    const id = await endedForum(p);
    await asLeader("POST", `/api/forums/${id}/minutes/finalise`);
    return id;
  };
  const item = async (forumId: string) =>
    (await asOfficer("POST", `/api/forums/${forumId}/entries`, { content: "Đề nghị tăng tuần tra ban đêm.", clientKey: randomUUID() })).itemId as string;
  const liveForums = new Map<Position, Promise<string>>();
  const liveForum = (p: Position) => liveForums.get(p) ?? liveForums.set(p, forum(p, ["start"])).get(p)!;
  const markedItem = async (p: Position) => {
    const forumId = await liveForum(p);
    const itemId = await item(forumId);
    await asLeader("POST", `/api/forums/${forumId}/items/${itemId}/mark`, { mark: "written" });
    return { id: forumId, itemId };
  };

  // Campaigns: one evaluating from each position (itself), one from the root evaluating every unit (the
  // per-unit documents and data entry target its units), and one evaluating only the unit below.
  const campaignOf = {} as Record<Position, string>;
  for (const p of ["own", "above", "beside", "below"] as const) {
    campaignOf[p] = (await createCampaignAs(app, leaderOf[p], campaignBody([unitOf[p]], { channels: ["qr", "online", "paper"] }))).id;
  }
  const allUnits = (await createCampaignAs(app, rootLeader.cookie, campaignBody(Object.values(unitOf), { channels: ["qr", "online", "paper"] }))).id;
  const onlyBelow = (await createCampaignAs(app, rootLeader.cookie, campaignBody([below.id]))).id;
  const response = async (p: Position) => {
    const clientKey = randomUUID();
    const device = await deviceCookie(app, campaignOf[p], unitOf[p]);
    const sent = await app.inject({
      method: "POST",
      url: `/api/public/surveys/${campaignOf[p]}/units/${unitOf[p]}/responses`,
      headers: { cookie: device },
      payload: { clientKey, answers: { security: 4 } },
    });
    if (sent.statusCode !== 201) throw new Error(`setup response: ${sent.statusCode} ${sent.body}`);
    return (await db.selectFrom("survey_responses").select("id").where("client_key", "=", clientKey).executeTakeFirstOrThrow()).id;
  };
  const template = await app.inject({ url: `/api/surveys/campaigns/${allUnits}/paper-template.xlsx`, headers: { cookie: rootLeader.cookie } });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  workbook.getWorksheet("Phiếu")!.addRow(["05/06/2025", 4]);
  const paperSheet = Buffer.from(await workbook.xlsx.writeBuffer());

  const importIn = async (p: Position, settled: "ready" | "done") => {
    const started = await app.inject({
      method: "POST",
      url: `/api/opinion-imports?${new URLSearchParams({ unitId: unitOf[p], fileName: "y-kien.csv" }).toString()}`,
      headers: { cookie: rootOfficer.cookie, "content-type": "application/octet-stream" },
      payload: CSV,
    });
    if (started.statusCode !== 202) throw new Error(`setup import: ${started.statusCode} ${started.body}`);
    const id = started.json().id as string;
    const waitFor = async (status: string) => {
      for (let i = 0; i < 3000; i++) {
        if ((await asOfficer("GET", `/api/opinion-imports/${id}`)).status === status) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`setup import ${id} never ${status}`);
    };
    await waitFor("ready");
    if (settled === "done") {
      await asOfficer("POST", `/api/opinion-imports/${id}/commit`, {});
      await waitFor("done");
    }
    return id;
  };

  // The spent target is a unit the campaign does not evaluate (the campaign evaluates only the unit below).
  const perUnit = (body?: () => unknown, raw?: Buffer): Fixture => ({
    fresh: (p) => Promise.resolve({ params: { campaignId: allUnits, unitId: unitOf[p] }, body: body?.(), raw }),
    spent: (p) => Promise.resolve({ params: { campaignId: onlyBelow, unitId: unitOf[p] }, body: body?.(), raw }),
  });
  const byId = (fresh: (p: Position) => Promise<string>, spent?: (p: Position) => Promise<string>, body?: () => unknown): Fixture => ({
    fresh: async (p) => ({ params: { id: await fresh(p) }, body: body?.() }),
    ...(spent ? { spent: async (p: Position) => ({ params: { id: await spent(p) }, body: body?.() }) } : {}),
  });
  const byCampaign = (body?: () => unknown): Fixture => ({ fresh: async (p) => ({ params: { campaignId: campaignOf[p] }, body: body?.() }) });
  const period = { from: "2026-01-01", to: "2026-12-31" };
  const none: Fixture = { fresh: () => Promise.resolve({}) };
  const onSpot = { action: "answer_on_spot", content: "Làm tại trụ sở vào thứ bảy." };

  /** How to build each operation's target, keyed like the expected table. */
  const fixtures: Record<string, Fixture> = {
    "GET /api/units": none,
    "POST /api/auth/login": { fresh: () => Promise.resolve({ body: { username: "khong-co", password: "sai-mat-khau-123" } }) },
    "POST /api/auth/logout": none,
    "GET /api/auth/me": none,

    "POST /api/opinions": {
      fresh: (p) =>
        Promise.resolve({ body: { unitId: unitOf[p], channel: "hotline", kind: "question", anonymous: true, content: "Hỏi qua đường dây nóng.", clientKey: randomUUID() } }),
    },
    "GET /api/opinions": { fresh: (p) => Promise.resolve({ query: { unitId: unitOf[p] } }) },
    "GET /api/opinions/{id}": byId(opinion),
    "GET /api/opinions/{id}/assignees": byId(opinion),
    "GET /api/opinions/{id}/similar": byId(opinion),
    "GET /api/opinions/{id}/contact": byId((p) => opinion(p, true)),
    "POST /api/opinions/{id}/steps": {
      fresh: async (p) => ({ params: { id: await opinion(p) }, body: onSpot }),
      spent: async (p) => ({ params: { id: (await closed(p)).id }, body: onSpot }),
    },
    "POST /api/opinions/bulk-steps": {
      fresh: async (p) => ({ body: { ids: [await opinion(p)], step: { action: "start" } } }),
      spent: async (p) => ({ body: { ids: [(await closed(p)).id], step: { action: "start" } } }),
    },
    "POST /api/opinions/{id}/answers": {
      fresh: async (p) => ({ params: { id: await opinion(p) }, body: { content: "Trả lời bằng văn bản." } }),
      spent: async (p) => ({ params: { id: (await closed(p)).id }, body: { content: "Trả lời bằng văn bản." } }),
    },
    "POST /api/opinions/{id}/answers/{answerId}/approve": { fresh: async (p) => ({ params: await draft(p) }), spent: async (p) => ({ params: await closed(p) }) },
    "POST /api/opinions/{id}/answers/{answerId}/return": {
      fresh: async (p) => ({ params: await draft(p), body: { comment: "Bổ sung căn cứ." } }),
      spent: async (p) => ({ params: await closed(p), body: { comment: "Bổ sung căn cứ." } }),
    },
    "GET /api/opinions/{id}/answer-letter.docx": byId(answered, opinion),
    "GET /api/opinions/{id}/remedial-actions": byId(opinion),
    "POST /api/opinions/{id}/remedial-actions": byId(
      opinion,
      async (p) => (await closed(p)).id,
      () => ({ title: "Niêm yết giờ làm việc", ownerName: "Tổ tiếp dân", dueDate: todayInVietnam() }),
    ),
    "POST /api/remedial-actions/{id}/status": {
      fresh: async (p) => ({ params: { id: await remedy(p) }, body: { status: "in_progress" } }),
      spent: async (p) => ({ params: { id: await verifiedRemedy(p) }, body: { status: "in_progress" } }),
    },

    "POST /api/opinion-imports": { fresh: (p) => Promise.resolve({ query: { unitId: unitOf[p], fileName: "y-kien.csv" }, raw: CSV }) },
    "GET /api/opinion-imports/{id}": byId((p) => importIn(p, "ready")),
    "POST /api/opinion-imports/{id}/mapping": byId(
      (p) => importIn(p, "ready"),
      (p) => importIn(p, "done"),
      () => ({ mapping: { content: "Nội dung ý kiến", receivedAt: "Ngày nhận" } }),
    ),
    "POST /api/opinion-imports/{id}/commit": byId(
      (p) => importIn(p, "ready"),
      (p) => importIn(p, "done"),
      () => ({}),
    ),

    "GET /api/forums": { fresh: (p) => Promise.resolve({ query: { unitId: unitOf[p], year: "2026" } }) },
    "POST /api/forums": { fresh: (p) => Promise.resolve({ body: forumBody(unitOf[p]) }) },
    "GET /api/forums/coverage": { fresh: (p) => Promise.resolve({ query: { unitId: unitOf[p], ...period } }) },
    "GET /api/forums/stats": { fresh: (p) => Promise.resolve({ query: { unitId: unitOf[p], ...period } }) },
    "GET /api/forums/{id}": byId(forum),
    "PUT /api/forums/{id}": byId(forum, (p) => forum(p, ["cancel"]), () => {
      const { unitId: _unitId, ...rest } = forumBody("");
      return rest;
    }),
    "POST /api/forums/{id}/status": byId(forum, (p) => forum(p, ["cancel"]), () => ({ action: "start" })),
    "GET /api/forums/{id}/campaigns": byId(forum),
    "POST /api/forums/{id}/campaigns": byId(forum, (p) => forum(p, ["cancel"]), () => ({})),
    "POST /api/forums/{id}/entries": byId(liveForum, (p) => forum(p, ["cancel"]), () => ({ content: "Đề nghị lắp camera.", clientKey: randomUUID() })),
    "GET /api/forums/{id}/items": byId(liveForum),
    "POST /api/forums/{id}/items/{itemId}/moderation": {
      fresh: async (p) => {
        const id = await liveForum(p);
        return { params: { id, itemId: await item(id) }, body: { action: "show" } };
      },
      spent: async (p) => ({ params: await markedItem(p), body: { action: "present" } }),
    },
    "POST /api/forums/{id}/items/{itemId}/mark": {
      fresh: async (p) => {
        const id = await liveForum(p);
        return { params: { id, itemId: await item(id) }, body: { mark: "on_spot", note: "Đã giải đáp tại hội nghị." } };
      },
      spent: async (p) => ({ params: await markedItem(p), body: { mark: "on_spot", note: "Đã giải đáp tại hội nghị." } }),
    },
    "PUT /api/forums/{id}/items/{itemId}/topics": {
      fresh: async (p) => {
        const id = await liveForum(p);
        return { params: { id, itemId: await item(id) }, body: { topics: ["traffic"] } };
      },
    },
    "GET /api/forums/{id}/live": byId(liveForum),
    "GET /api/forums/{id}/minutes": byId(endedForum),
    "PUT /api/forums/{id}/minutes": byId(endedForum, finalisedForum, () => minutes),
    "POST /api/forums/{id}/minutes/finalise": byId(endedForum, finalisedForum),
    "GET /api/forums/{id}/minutes.docx": byId(endedForum),
    "GET /api/forums/{id}/poster.docx": byId(forum),
    "POST /api/forums/{id}/report-file": {
      fresh: async (p) => ({ params: { id: await forum(p) }, query: { fileName: "bao-cao.pdf" }, raw: PDF }),
      spent: async (p) => ({ params: { id: await forum(p, ["cancel"]) }, query: { fileName: "bao-cao.pdf" }, raw: PDF }),
    },

    "GET /api/surveys/templates": none,
    "GET /api/surveys/fields-of-work": none,
    "GET /api/surveys/campaigns": none,
    "POST /api/surveys/campaigns": { fresh: (p) => Promise.resolve({ body: campaignBody([unitOf[p]]) }) },
    "GET /api/surveys/campaigns/{campaignId}": byCampaign(),
    "PATCH /api/surveys/campaigns/{campaignId}": {
      ...byCampaign(() => ({ title: "Khảo sát sự hài lòng (sửa tên)" })),
      // Answered already: its start date may no longer change.
      spent: async (p) => {
        await response(p);
        return { params: { campaignId: campaignOf[p] }, body: { startsOn: "2021-01-01" } };
      },
    },
    "POST /api/surveys/campaigns/{campaignId}/publish": byCampaign(),
    "GET /api/surveys/campaigns/{campaignId}/paper-template.xlsx": byCampaign(),
    "GET /api/surveys/campaigns/{campaignId}/flags": byCampaign(),
    "POST /api/surveys/responses/{responseId}/decision": {
      fresh: async (p) => ({ params: { responseId: await response(p) }, body: { decision: "exclude", reason: "Trả lời hàng loạt." } }),
      spent: async (p) => ({ params: { responseId: await response(p) }, body: { decision: "include", reason: "Không có gì bất thường." } }),
    },
    "GET /api/surveys/campaigns/{campaignId}/units/{unitId}/qr.svg": perUnit(),
    "GET /api/surveys/campaigns/{campaignId}/units/{unitId}/poster.docx": perUnit(),
    "GET /api/surveys/campaigns/{campaignId}/units/{unitId}/paper-form.docx": perUnit(),
    "POST /api/surveys/campaigns/{campaignId}/units/{unitId}/codes": perUnit(() => ({ count: 2 })),
    "POST /api/surveys/campaigns/{campaignId}/units/{unitId}/codes.docx": perUnit(() => ({ count: 2 })),
    "POST /api/surveys/campaigns/{campaignId}/units/{unitId}/paper-forms": perUnit(() => ({
      forms: [{ clientKey: randomUUID(), answeredOn: PAPER_DAY, answers: { security: 4 } }],
    })),
    "POST /api/surveys/campaigns/{campaignId}/units/{unitId}/paper-import": perUnit(undefined, paperSheet),
    "POST /api/surveys/campaigns/{campaignId}/units/{unitId}/paper-counts": perUnit(() => ({ issued: 10, returned: 8 })),
    "GET /api/satisfaction/dashboard": { fresh: (p) => Promise.resolve({ query: { campaignId: allUnits, unitId: unitOf[p] } }) },
    "GET /api/satisfaction/dashboard.xlsx": { fresh: (p) => Promise.resolve({ query: { campaignId: allUnits, unitId: unitOf[p] } }) },
  };
  return { users, fixtures };
}
