import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createForumViaApi, forumBody, phoneCookie } from "../src/forums/forums.test-support.ts";
import { buildTestApp, loginAs } from "./app.ts";
import { ENGINES } from "./db.ts";
import { createTestUnit, createTestUser } from "./factories.ts";
import { fillPath, listOperations, type Operation, type OperationParameter } from "./openapi.ts";
import { campaignBody, createCampaignAs, deviceCookie } from "./surveys.ts";

/** Runs per operation and caller: ~85 operations × 2 callers × RUNS requests stay under a minute per engine. */
const RUNS = 15;
const LIMIT_MS = 1000;
// A document built with its QR images (poster, paper form) legitimately takes longer than a JSON answer: a hang is
// what this catches, so a delivered download gets a wider bound (its refusals keep LIMIT_MS).
const DOWNLOAD_LIMIT_MS = 3000;
// A cursor is an opinion id in base64url: this one decodes to 36 characters shaped like an id but is none.
const FORGED_CURSOR = Buffer.from("-".repeat(36)).toString("base64url");

// Downloads answer with bytes, not JSON, when they succeed; their refusals keep the error contract.
const isDownload = (op: Operation) => /\.(docx|xlsx|svg|csv|xml)$|\/report-file$/.test(op.path) && op.method === "GET";
// Open311 answers its errors in the GeoReport v2 format, [{ code, description }] (XML under `.xml`).
const isOpen311 = (op: Operation) => op.path.startsWith("/open311/");
// A URL refused before routing (a path parameter over 100 characters: 414) never reaches a route's scope.
const isRefusedBeforeRouting = (status: number) => status === 414;
// Server-sent events never end: a stream is only ever asked for with values it refuses.
const isStream = (op: Operation) => op.path.endsWith("/live");

// A CSV that is also read as a report file's bytes (refused by its first bytes, or stored).
const FILE = Buffer.from("Nội dung ý kiến\nĐề nghị lắp đèn đường thôn Đông\n", "utf8");

// Lone surrogates cannot be percent-encoded (encodeURIComponent throws): a client could not send them either.
const sendable = (s: string) => s.replace(/[\ud800-\udfff]/gu, "?");
const hostile: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom("\u0000", "\u0000.csv", "\u0000.png")).map(([a, b]) => a + b), weight: 1 },
  { arbitrary: fc.constantFrom(
    "9999-12-31", "0000", "0000-01-01", "9999", "9999-Q4", "9999-12", "-1", "0", "-0", "1e308", "-1e308", "99999999999999999999999",
    "NaN", "Infinity", "true", "null", "[]", "{}", "", " ", "../", "../../etc/passwd", "..%2F", "%00", "\u0000", "a\u0000.csv",
    "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "2026-02-30", "2026-13-01", "2026-Q5",
    "'; DROP TABLE opinions; --", "<script>alert(1)</script>", "\u202e\u200b\ufeff", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "Thiệu Hóa",
  ), weight: 4 },
  fc.constantFrom(101, 256, 1000, 5000, 70_000).chain((n) => fc.constantFrom("x", "ệ", "9", "%").map((c) => c.repeat(n))),
  fc.string({ unit: "binary", maxLength: 40 }).map(sendable),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String),
  fc.uuid(),
);

describe.each(ENGINES)("every path and query parameter under hostile values on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let operations: Operation[];
  let admin: string;
  const valid: Record<string, string[]> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const rootId = (await createTestUnit(t.db)).id;
    const communeId = (await createTestUnit(t.db, { parentId: rootId })).id;
    admin = await loginAs(t.app, (await createTestUser(t.db, { role: "admin", unitId: rootId })).username);
    const leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: rootId })).username);
    // Real records, so that valid ids reach the handlers and their queries, not only the validation.
    const campaignId = (await createCampaignAs(t.app, leader, campaignBody([communeId]))).id;
    await t.app.inject({ method: "POST", url: `/api/surveys/campaigns/${campaignId}/publish`, headers: { cookie: leader } });
    const device = await deviceCookie(t.app, campaignId, communeId);
    await t.app.inject({
      method: "POST",
      url: `/api/public/surveys/${campaignId}/units/${communeId}/responses`,
      payload: { clientKey: randomUUID(), answers: { security: 4 } },
      headers: { cookie: device },
    });
    const responseId = (await t.db.selectFrom("survey_responses").select("id").executeTakeFirstOrThrow()).id;
    const forumId = await createForumViaApi(t.app, leader, forumBody(communeId));
    const sent = await t.app.inject({
      method: "POST",
      url: `/api/public/forums/${forumId}/opinions`,
      payload: { content: "Đề nghị lắp đèn đường" },
      headers: { cookie: await phoneCookie(t.app, forumId) },
    });
    const opinion = await t.app.inject({ method: "POST", url: "/api/public/opinions", payload: { unitId: communeId, content: "Xin hỏi thủ tục" } });
    const trackingCode = opinion.json().trackingCode as string;
    const opinionId = (await t.db.selectFrom("opinions").select("id").where("unit_id", "=", communeId).executeTakeFirstOrThrow()).id;
    Object.assign(ids, { forumId, opinionId });
    Object.assign(valid, {
      unitId: [rootId, communeId],
      campaignId: [campaignId],
      itemId: [sent.json().itemId],
      responseId: [responseId],
      trackingCode: [trackingCode],
      period: ["2026", "2026-Q4", "2026-12"],
      from: ["2026-01-01"],
      to: ["2026-12-31"],
      year: ["2026"],
      limit: ["20"],
      fileName: ["y-kien.csv", "bao-cao.png"],
      q: ["thieu hoa"],
      mapping: [JSON.stringify({ content: "Nội dung ý kiến" })],
      cursor: [FORGED_CURSOR],
      jurisdiction_id: [communeId],
      service_code: ["theft"],
      service_request_id: [trackingCode],
    });
    operations = await listOperations(t.app);
  });
  afterAll(() => t.close());

  /** Plausible values of a parameter: a real record's id, an enum's members, a well-formed day or period. */
  const plausible = (op: Operation, p: OperationParameter): string[] => {
    if (p.schema.enum) return p.schema.enum.map(String);
    if (p.name !== "id") return valid[p.name] ?? [];
    if (isStream(op)) return [];
    if (op.path.startsWith("/api/forums/") || op.path.startsWith("/api/public/forums/")) return [ids.forumId!];
    if (isOpen311(op)) return [valid.trackingCode![0]!];
    return op.path.startsWith("/api/opinions/") ? [ids.opinionId!] : [];
  };

  /** One request's path values and query string: each parameter valid or hostile, optional ones sometimes absent, keys sometimes repeated. */
  const requestOf = (op: Operation) => {
    const value = (p: OperationParameter) => {
      const real = plausible(op, p);
      return real.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 2 }, { arbitrary: hostile, weight: 3 }) : hostile;
    };
    const entries = op.parameters.map((p) =>
      (p.required ? value(p).map((v): string | undefined => v) : fc.option(value(p), { nil: undefined })).map((v) => [p, v] as const),
    );
    return fc.tuple(fc.tuple(...entries), fc.boolean(), hostile, fc.boolean()).map(([pairs, repeat, extra, withFile]) => {
      const path: Record<string, string> = {};
      const query: string[] = [];
      for (const [p, v] of pairs) {
        if (v === undefined) continue;
        if (p.in === "path") path[p.name] = v;
        else query.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(v)}`);
      }
      if (repeat && query.length > 0) query.push(query[0]!.replace(/=.*/, `=${encodeURIComponent(extra)}`));
      return { url: `${fillPath(op, path)}${query.length > 0 ? `?${query.join("&")}` : ""}`, withFile };
    });
  };

  it("refuses a forged pagination cursor with a 400 on both opinion lists", async () => {
    for (const url of [`/api/opinions?cursor=${FORGED_CURSOR}`, `/api/public/units/${valid.unitId![0]}/opinions?cursor=${FORGED_CURSOR}`]) {
      const response = await t.app.inject({ url, headers: { cookie: admin } });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({ code: "opinion.invalid_cursor", field: "cursor" });
    }
  });

  for (const caller of ["an admin of the root unit", "no-one"] as const) {
    it(`answers ${caller} below 500, within a second, with the error contract on every refusal`, async () => {
      const cookie = caller === "no-one" ? undefined : admin;
      // Logging out would end the admin's session for the operations after it.
      const targets = operations.filter((op) => !(cookie && op.path === "/api/auth/logout"));
      expect(targets.length).toBeGreaterThan(60);
      for (const op of targets) {
        await fc.assert(
          fc.asyncProperty(requestOf(op), async ({ url, withFile }) => {
            // A JSON body where one is declared; else sometimes a file's bytes, so that uploads reach their handlers.
            const body = op.hasBody
              ? { "content-type": "application/json", payload: "{}" }
              : op.method !== "GET" && withFile
                ? { "content-type": "application/octet-stream", payload: FILE }
                : undefined;
            const started = performance.now();
            const response = await t.app.inject({
              method: op.method,
              url,
              headers: { ...(cookie && { cookie }), ...(body && { "content-type": body["content-type"] }) },
              ...(body && { payload: body.payload }),
            });
            const took = performance.now() - started;
            const where = `${op.method} ${url} → ${response.statusCode} ${response.body.slice(0, 300)}`;
            expect(response.statusCode, where).toBeLessThan(500);
            const limit = isDownload(op) && response.statusCode < 300 ? DOWNLOAD_LIMIT_MS : LIMIT_MS;
            expect(took, `${where} took ${Math.round(took)} ms`).toBeLessThan(limit);
            if (response.statusCode >= 400 && isOpen311(op) && !isRefusedBeforeRouting(response.statusCode)) {
              if (op.path.endsWith(".xml")) expect(response.body, where).toMatch(/<errors><error><code>\d{3}<\/code><description>/);
              else expect(response.json(), where).toEqual([{ code: response.statusCode, description: expect.any(String) }]);
            } else if (response.statusCode >= 400) {
              expect(response.headers["content-type"], where).toMatch(/^application\/json/);
              const { error } = response.json() as { error?: { code?: unknown; message?: unknown } };
              expect(typeof error?.code, where).toBe("string");
              expect(typeof error?.message, where).toBe("string");
            } else if (!isDownload(op) && response.statusCode !== 204) {
              expect(response.headers["content-type"], where).toMatch(/^application\/json/);
            }
          }),
          { numRuns: RUNS },
        );
      }
    });
  }
});
