import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit } from "../../test/factories.ts";
import { normalizeText } from "../text/vietnamese.ts";
import { MAX_CONTENT_LENGTH } from "./opinions.schemas.ts";
import { formatTrackingCode, parseTrackingCode } from "./opinions.tracking-code.ts";
import { CITIZEN_CHANNELS, OPINION_KINDS } from "./opinions.workflow.ts";
import { useSuiteClock } from "../../test/clock.ts";

useSuiteClock();

const ERROR_CODE = /^[a-z_]+(\.[a-z_]+)+$/;

/** Fails unless `response` carries exactly the error contract `{ error: { code, message, field? } }`. */
function expectErrorContract(response: LightMyRequestResponse) {
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  const body = response.json();
  expect(Object.keys(body)).toEqual(["error"]);
  const { code, message, field, ...rest } = body.error;
  expect(rest).toEqual({});
  expect(code).toMatch(ERROR_CODE);
  expect(typeof message).toBe("string");
  expect(message.trim()).not.toBe("");
  expect(message).not.toMatch(/\bat .+:\d+:\d+|SELECT |INSERT |stack/i);
  if (field !== undefined) expect(typeof field).toBe("string");
}

// Text as citizens' phones send it, and as attackers and broken clients do.
const vietnamese = fc.constantFrom(
  "Đề nghị tăng cường tuần tra ban đêm ở thôn Đông.",
  "Thiệu Hóa có nhiều xe chạy quá tốc độ",
  "Xin hỏi thủ tục cấp căn cước cho con?",
  "Cảm ơn các đồng chí đã giúp đỡ bà con lúc lũ.",
  "hòa hoà thủy thuỷ",
);
const noise = fc.constantFrom(
  ...["\u200b", "\ufeff", "\u202e", "\u0000", "\u0007", "\u001b", "\u007f", "\u0085"], // invisible and control
  ...["\r\n", "\r", "\t", " ", "\u00a0"], // white space
  ...["\u0301", "\u0323", "\ud800", "\udfff"], // stray tone marks, lone surrogates
  ...["😀", "\u{1F1FB}\u{1F1F3}"], // astral characters
);
const mixedText = fc
  .array(fc.oneof(vietnamese, vietnamese.map((s) => s.normalize("NFD")), noise, fc.string({ unit: "grapheme", maxLength: 10 })), {
    maxLength: 8,
  })
  .map((parts) => parts.join(""));
const hugeText = fc.oneof(
  fc.constantFrom(MAX_CONTENT_LENGTH - 1, MAX_CONTENT_LENGTH, MAX_CONTENT_LENGTH + 1).map((n) => "ệ".repeat(n)),
  fc.constantFrom(MAX_CONTENT_LENGTH, MAX_CONTENT_LENGTH + 1).map((n) => `  \u200b${"a".repeat(n)}\u200b \n`),
  // 3,000 letters with a separate tone mark: 6,000 characters as sent, 3,000 once composed.
  fc.constant("e\u0301".repeat(3000)),
  fc.constant("\u0301".repeat(6000)),
  fc.constant("x".repeat(20_000)),
  fc.constant("Đ".repeat(300_000)),
);
const text = fc.oneof(
  { arbitrary: fc.tuple(mixedText, vietnamese, mixedText).map(([a, b, c]) => a + b + c), weight: 5 },
  { arbitrary: fc.tuple(mixedText, vietnamese).map(([a, b]) => (a + b).normalize("NFD")), weight: 2 },
  { arbitrary: mixedText, weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 50 }), weight: 1 },
  { arbitrary: fc.constantFrom("", "   ", "\u200b\u200b", "\u0000", "\r\n\t"), weight: 1 },
  { arbitrary: hugeText, weight: 1 },
);
const wrongType = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

describe.each(ENGINES)("public opinion intake under random input on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let provinceId: string;
  let activeUnitId: string;
  let endedUnitId: string;
  let futureUnitId: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const province = await createTestUnit(t.db);
    provinceId = province.id;
    activeUnitId = (await createTestUnit(t.db, { parentId: province.id, name: "Công an xã Thiệu Hóa" })).id;
    endedUnitId = (
      await createTestUnit(t.db, { parentId: province.id, levelCode: "district", validFrom: "1976-01-01", validTo: "2025-02-28" })
    ).id;
    futureUnitId = (await createTestUnit(t.db, { parentId: province.id, validFrom: "2999-01-01" })).id;
  });
  afterAll(() => t.close());

  const countRows = async (table: "opinions" | "opinion_contacts") =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const countAll = async () => ({ opinions: await countRows("opinions"), contacts: await countRows("opinion_contacts") });

  /** Request bodies, as raw text: mostly plausible submissions with random parts, then anything at all. */
  const bodies = () => {
    const unitId = fc.oneof(
      { arbitrary: fc.constant(activeUnitId), weight: 16 },
      { arbitrary: fc.constantFrom(activeUnitId.toUpperCase(), endedUnitId, futureUnitId, ` ${activeUnitId}`), weight: 1 },
      { arbitrary: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), wrongType), weight: 1 },
    );
    const content = fc.oneof({ arbitrary: text, weight: 9 }, { arbitrary: wrongType, weight: 1 });
    /** Mostly a valid value, sometimes an implausible one. */
    const usually = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
      fc.oneof({ arbitrary: valid, weight: 10 }, { arbitrary: invalid as fc.Arbitrary<T | U>, weight: 1 });
    const contact = usually(
      fc.record(
        {
          name: usually(
            fc.oneof(fc.constantFrom("Nguyễn Thị Mai", "Nguyễn Thị Mai".normalize("NFD"), " Trần\u200b Văn Đức ", ""), fc.string({ maxLength: 20 })),
            fc.oneof(fc.string({ minLength: 101, maxLength: 120 }), wrongType),
          ),
          phone: usually(
            fc.constantFrom("0912 345 678", "+84 912-345-678", "(024) 3826 9999", ""),
            fc.oneof(fc.constantFrom("12", "0912345678\n"), fc.string(), wrongType),
          ),
          email: usually(
            fc.oneof(fc.constantFrom("mai@example.vn", " Mai@Example.VN ", ""), fc.stringMatching(/^[a-z0-9]{1,10}@[a-z]{1,8}\.vn$/)),
            fc.oneof(fc.constantFrom("not-an-email", "a@b"), fc.emailAddress(), wrongType),
          ),
        },
        { requiredKeys: [] },
      ),
      wrongType,
    );
    const plausible = fc
      .tuple(
        fc.record(
          {
            unitId,
            content,
            kind: usually(fc.constantFrom(...OPINION_KINDS), fc.oneof(fc.constantFrom("crime", "", "PRAISE"), wrongType)),
            channel: usually(fc.constantFrom(...CITIZEN_CHANNELS), fc.oneof(fc.constantFrom("phone", "forum", "import"), wrongType)),
            anonymous: usually(fc.boolean(), fc.oneof(fc.constantFrom("true", 0, 1), wrongType)),
            contact,
            publicConsent: usually(fc.boolean(), wrongType),
            topics: usually(
              fc.subarray(["theft", "traffic", "drugs", "praise"], { maxLength: 3 }),
              fc.oneof(fc.constantFrom(["no_such_topic"], ["Theft"], ["a", "b", "c", "d", "e", "f"]), wrongType),
            ),
            targetOfficer: usually(fc.constantFrom("Đại úy Trần Văn B", ""), fc.oneof(fc.string({ minLength: 101, maxLength: 110 }), wrongType)),
            aboutUnitConduct: usually(fc.boolean(), wrongType),
          },
          { requiredKeys: ["unitId", "content"] },
        ),
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      )
      .map(([fields, extra]) => JSON.stringify({ ...extra, ...fields }));
    return fc.oneof(
      { arbitrary: plausible, weight: 30 },
      { arbitrary: fc.anything().map((v) => JSON.stringify(v) ?? ""), weight: 1 },
      { arbitrary: fc.json(), weight: 1 },
      { arbitrary: fc.string({ maxLength: 60 }), weight: 1 },
      {
        arbitrary: fc.constantFrom("", "{", "[]", "null", '{"unitId":', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{}}}'),
        weight: 1,
      },
    );
  };

  it("never answers a random body with a 5xx; stores exactly one normalised opinion per 201 and nothing per 4xx", async () => {
    const outcomes = { created: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(bodies(), async (payload) => {
        const before = await countAll();
        const response = await t.app.inject({
          method: "POST",
          url: "/api/public/opinions",
          headers: { "content-type": "application/json" },
          payload,
        });
        const after = await countAll();
        expect(response.statusCode, response.body).toBeLessThan(500);

        if (response.statusCode >= 200 && response.statusCode < 300) {
          outcomes.created++;
          expect(response.statusCode).toBe(201);
          const receipt = response.json();
          expect(Object.keys(receipt).sort()).toEqual(["kind", "status", "trackingCode"]);
          expect(after.opinions).toBe(before.opinions + 1);
          const code = parseTrackingCode(receipt.trackingCode);
          expect(code && formatTrackingCode(code)).toBe(receipt.trackingCode);
          const stored = await t.db
            .selectFrom("opinions")
            .select(["content", "unit_id", "concerned_unit_id", "is_anonymous"])
            .where("tracking_code", "=", code!)
            .executeTakeFirstOrThrow();
          // About a named officer or the unit's own conduct: the superior unit handles it (conflict of interest).
          const sent = JSON.parse(payload) as { targetOfficer?: string; aboutUnitConduct?: boolean };
          const criticises = Boolean(sent.targetOfficer?.trim() || sent.aboutUnitConduct);
          expect(stored.unit_id).toBe(criticises ? provinceId : activeUnitId);
          expect(stored.concerned_unit_id).toBe(criticises ? activeUnitId : null);
          // At most one contact row, and none for an anonymous opinion.
          const newContacts = after.contacts - before.contacts;
          expect(newContacts).toBeGreaterThanOrEqual(0);
          expect(newContacts).toBeLessThanOrEqual(stored.is_anonymous ? 0 : 1);
          expect(stored.content).toBe(stored.content.normalize("NFC"));
          expect(stored.content).toBe(stored.content.trim());
          expect(stored.content.length).toBeGreaterThan(0);
          expect(stored.content.length).toBeLessThanOrEqual(MAX_CONTENT_LENGTH);
          // eslint-disable-next-line no-control-regex -- the characters the check is about
          expect(stored.content).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u200b\ufeff]/);
          // What the citizen wrote, in its stored form.
          expect(stored.content).toBe(normalizeText((JSON.parse(payload) as { content: string }).content));
        } else {
          outcomes.refused++;
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
          expect(after).toEqual(before);
          expectErrorContract(response);
        }
      }),
      { numRuns: 150 },
    );
    // The generators reach both sides of the validation, or the property proves little.
    expect(outcomes.created).toBeGreaterThan(15);
    expect(outcomes.refused).toBeGreaterThan(15);
  });

  it("stores a lone surrogate (unencodable in UTF-8) as U+FFFD instead of failing the insert", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/public/opinions",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ unitId: activeUnitId, content: "hòa hoà thủy thuỷ\udfffĐề nghị tăng cường tuần tra" }),
    });
    expect(response.statusCode, response.body).toBe(201);
    const stored = await t.db
      .selectFrom("opinions")
      .select("content")
      .where("tracking_code", "=", parseTrackingCode(response.json().trackingCode)!)
      .executeTakeFirstOrThrow();
    expect(stored.content).toBe("hòa hoà thủy thuỷ\ufffdĐề nghị tăng cường tuần tra");
  });

  it("never answers a random tracking code with a 5xx, and every refusal keeps the error contract", async () => {
    const receipt = (
      await t.app.inject({ method: "POST", url: "/api/public/opinions", payload: { unitId: activeUnitId, content: "Mã để tra cứu" } })
    ).json();
    const known = receipt.trackingCode as string;
    const segment = fc.oneof(
      { arbitrary: fc.string({ unit: "binary", maxLength: 60 }).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/gu, "?"))), weight: 4 },
      { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }).map(encodeURIComponent), weight: 2 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom(known, known.toLowerCase(), known.replace(/-/g, " "), known.replace(/-/g, "")), fc.string({ maxLength: 3 }))
          .map(([c, junk]) => encodeURIComponent(c + junk)),
        weight: 2,
      },
      { arbitrary: fc.string({ maxLength: 400 }).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/gu, "?"))), weight: 1 },
      { arbitrary: fc.constantFrom("%", "%zz", "%E0%A4%A", "%C0%80", "%00", "%2F..%2F", "..", ".", "%FF%FE", "x".repeat(150)), weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(segment, async (code) => {
        const response = await t.app.inject({ url: `/api/public/opinions/${code}` });
        expect(response.statusCode, `${code} → ${response.body}`).toBeLessThan(500);
        if (response.statusCode === 200) {
          expect(response.json().trackingCode).toBe(known);
        } else {
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
          expectErrorContract(response);
        }
      }),
      { numRuns: 300 },
    );
  });
});
