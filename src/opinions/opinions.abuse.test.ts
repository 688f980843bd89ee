import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";

const countOpinions = async (t: Awaited<ReturnType<typeof buildTestApp>>) =>
  Number((await t.db.selectFrom("opinions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

describe.each(ENGINES)("abuse of the public endpoints on %s", (engine) => {
  it("refuses a submission whose honeypot field is filled, storing nothing", async () => {
    const t = await buildTestApp(engine);
    try {
      const unit = await createTestUnit(t.db);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/public/opinions",
        payload: { unitId: unit.id, content: "Quảng cáo vay tiền nhanh", website: "http://spam.example" },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({ code: "request.automated", field: "website" });
      expect(response.json().error.message).toContain("tự động");
      expect(await countOpinions(t)).toBe(0);
    } finally {
      await t.close();
    }
  });

  it("limits one device (a random cookie) tightly and one address generously, each with a 429 in the user's language", async () => {
    const t = await buildTestApp(engine, { publicRateLimitPerMinute: 8, publicRateLimitPerDevicePerMinute: 3 });
    try {
      const unit = await createTestUnit(t.db);
      const send = (cookie?: string, lang = "vi") =>
        t.app.inject({
          method: "POST",
          url: "/api/public/opinions",
          payload: { unitId: unit.id, content: "Ý kiến thử giới hạn" },
          headers: { "accept-language": lang, ...(cookie ? { cookie } : {}) },
        });
      const first = await send();
      expect(first.statusCode).toBe(201);
      const device = first.cookies.find((c) => c.name === "ln_device");
      expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/api/public" });
      const phone = `ln_device=${device?.value}`;
      expect((await send(phone)).statusCode).toBe(201);
      expect((await send(phone)).statusCode).toBe(201);
      expect((await send(phone)).statusCode).toBe(201);
      const limited = await send(phone, "en");
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe("request.rate_limited");
      expect(limited.json().error.message).toMatch(/Too many requests/);
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      // Another phone behind the same address still gets through, until the address's own limit.
      const other = `ln_device=${"A".repeat(22)}`;
      expect((await send(other)).statusCode).toBe(201);
      expect((await send()).statusCode).toBe(201);
      expect((await send()).statusCode).toBe(201);
      expect((await send()).statusCode).toBe(201);
      const byAddress = await send(other);
      expect(byAddress.statusCode).toBe(429);
      expect(byAddress.json().error.message).toContain("giây");
      expect(await countOpinions(t)).toBe(8);
    } finally {
      await t.close();
    }
  });
});

describe.each(ENGINES)("the citizen's follow-up endpoints under random input on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let answeredCode: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const unit = await createTestUnit(t.db);
    const leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId: unit.id })).username);
    const receipt = await t.app.inject({ method: "POST", url: "/api/public/opinions", payload: { unitId: unit.id, content: "Hỏi đáp" } });
    answeredCode = receipt.json().trackingCode;
    const code = answeredCode.replaceAll("-", "");
    const { id } = await t.db.selectFrom("opinions").select("id").where("tracking_code", "=", code).executeTakeFirstOrThrow();
    await t.app.inject({ method: "POST", url: `/api/opinions/${id}/answers`, payload: { content: "Trả lời" }, headers: { cookie: leader } });
  });
  afterAll(() => t.close());

  const snapshot = async () =>
    t.db
      .selectFrom("opinions")
      .select(["status", "rating", "rating_comment", "reopen_count"])
      .where("tracking_code", "=", answeredCode.replaceAll("-", ""))
      .executeTakeFirstOrThrow();

  it("never answers a random rating or reopening with a 5xx, and changes nothing when it refuses", async () => {
    const code = fc.oneof(
      { arbitrary: fc.constant(answeredCode), weight: 3 },
      { arbitrary: fc.string({ maxLength: 45 }).map((s) => encodeURIComponent(s) || "x"), weight: 1 },
    );
    const body = fc.oneof(
      fc.record({ score: fc.oneof(fc.integer({ min: -3, max: 8 }), fc.double(), fc.string(), fc.constant(null)), comment: fc.option(fc.string({ maxLength: 1200 })) }, { requiredKeys: [] }),
      fc.record({ reason: fc.oneof(fc.string({ maxLength: 1200 }), fc.integer(), fc.constant("   ")) }, { requiredKeys: [] }),
      fc.anything(),
    );
    const endpoint = fc.constantFrom("rating", "reopen");
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(code, endpoint, body, async (c, e, b) => {
        const before = await snapshot();
        const response = await t.app.inject({ method: "POST", url: `/api/public/opinions/${c}/${e}`, payload: JSON.stringify(b) ?? "", headers: { "content-type": "application/json" } });
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (response.statusCode >= 400) {
          refused++;
          expect(await snapshot()).toEqual(before);
          expect(Object.keys(response.json().error).sort()).toEqual(expect.arrayContaining(["code", "message"]));
        }
      }),
      { numRuns: 120 },
    );
    expect(refused).toBeGreaterThan(60);
    const final = await snapshot();
    expect(final.reopen_count).toBeLessThanOrEqual(1);
    expect(final.rating === null || (final.rating >= 1 && final.rating <= 5)).toBe(true);
  });
});
