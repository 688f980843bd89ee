import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs, sessionCookie } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser, TEST_PASSWORD } from "../../test/factories.ts";
import { listAuditTrail } from "../audit/audit.service.ts";
import { hashToken } from "../crypto/keys.ts";

describe.each(ENGINES)("auth routes on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let unit: { id: string; name: string };

  beforeAll(async () => {
    t = await buildTestApp(engine);
    unit = await createTestUnit(t.db, { name: "Công an xã Thiệu Hóa" });
  });
  afterAll(() => t.close());

  // Each test logs in from an address of its own, so that one test's failures never throttle another's.
  let addresses = 0;
  const newAddress = () => `198.51.100.${++addresses}`;

  const login = (username: string, password: string, options: { ip?: string; headers?: Record<string, string> } = {}) =>
    t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password },
      headers: options.headers ?? {},
      remoteAddress: options.ip ?? newAddress(),
    });

  const sessionRow = (cookie: string) =>
    t.db
      .selectFrom("sessions")
      .selectAll()
      .where("token_hash", "=", hashToken(cookie.replace(/^ln_session=/, "")))
      .executeTakeFirst();

  it("logs in with an httpOnly, SameSite=Strict session cookie, and /api/auth/me returns the user", async () => {
    const user = await createTestUser(t.db, { role: "leader", unitId: unit.id });
    const response = await login(user.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "ln_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(cookie!.expires!).getTime()).toBeGreaterThan(Date.now());

    const expectedUser = {
      id: user.id,
      username: user.username,
      displayName: `Cán bộ ${user.username}`,
      role: "leader",
      unitId: unit.id,
      unitName: "Công an xã Thiệu Hóa",
    };
    expect(response.json()).toEqual({ user: expectedUser });
    const me = await t.app.inject({ url: "/api/auth/me", headers: { cookie: sessionCookie(response) } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: expectedUser });
  });

  it("stores only a hash of the session token", async () => {
    const user = await createTestUser(t.db, { unitId: unit.id });
    const cookie = await loginAs(t.app, user.username);
    const token = cookie.replace(/^ln_session=/, "");
    const rows = await t.db.selectFrom("sessions").select("token_hash").where("user_id", "=", user.id).execute();
    expect(rows).toEqual([{ token_hash: hashToken(token) }]);
  });

  it("accepts the user name in any case and with surrounding spaces", async () => {
    const user = await createTestUser(t.db, { unitId: unit.id });
    const response = await login(`  ${user.username.toUpperCase()} `, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().user.id).toBe(user.id);
  });

  it("refuses a wrong password and an unknown user alike: 401 auth.invalid_credentials, in Vietnamese", async () => {
    const user = await createTestUser(t.db, { unitId: unit.id });
    const wrongPassword = await login(user.username, "sai-mật-khẩu");
    const unknownUser = await login("khong.ton.tai", TEST_PASSWORD);
    for (const response of [wrongPassword, unknownUser]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: "auth.invalid_credentials", message: "Tên đăng nhập hoặc mật khẩu không đúng." },
      });
      expect(response.cookies.find((c) => c.name === "ln_session")).toBeUndefined();
    }
  });

  it("answers a failed login in English with Accept-Language: en", async () => {
    const user = await createTestUser(t.db, { unitId: unit.id });
    const response = await login(user.username, "wrong-password", { headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toEqual({ code: "auth.invalid_credentials", message: "Wrong user name or password." });
  });

  it("refuses the 6th attempt after 5 failures for the same user from the same address (429), even with the right password", async () => {
    const user = await createTestUser(t.db, { unitId: unit.id });
    const ip = newAddress();
    for (let i = 0; i < 5; i++) {
      const failure = await login(user.username, `sai-${i}`, { ip });
      expect(failure.statusCode).toBe(401);
    }
    const sixth = await login(user.username, TEST_PASSWORD, { ip });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error).toEqual({
      code: "auth.too_many_attempts",
      message: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.",
    });
    expect(sixth.cookies.find((c) => c.name === "ln_session")).toBeUndefined();

    // The same account from another address is not locked out by someone guessing elsewhere.
    const elsewhere = await login(user.username, TEST_PASSWORD, { ip: newAddress() });
    expect(elsewhere.statusCode).toBe(200);
  });

  it("allows 4 failures and then a successful login, which clears the count", async () => {
    const user = await createTestUser(t.db, { unitId: unit.id });
    const ip = newAddress();
    for (let i = 0; i < 4; i++) expect((await login(user.username, `sai-${i}`, { ip })).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD, { ip })).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(user.username, `sai-lại-${i}`, { ip })).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD, { ip })).statusCode).toBe(200);
  });

  it("refuses an expired session with 401 auth.session_expired and clears the cookie", async () => {
    const user = await createTestUser(t.db, { unitId: unit.id });
    const cookie = await loginAs(t.app, user.username);
    await t.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where("user_id", "=", user.id)
      .execute();

    const response = await t.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("auth.session_expired");
    expect(response.json().error.message).toBe("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.");
    const cleared = response.cookies.find((c) => c.name === "ln_session");
    expect(cleared).toBeDefined();
    expect(cleared!.value).toBe("");
    expect(new Date(cleared!.expires!).getTime()).toBeLessThanOrEqual(Date.now());
    expect(await sessionRow(cookie)).toBeUndefined();
  });

  it("ends the session on logout: the old cookie then gets 401", async () => {
    const user = await createTestUser(t.db, { unitId: unit.id });
    const cookie = await loginAs(t.app, user.username);
    expect(await sessionRow(cookie)).toBeDefined();

    const logout = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(logout.statusCode).toBe(204);
    expect(logout.body).toBe("");
    expect(logout.cookies.find((c) => c.name === "ln_session")?.value).toBe("");
    expect(await sessionRow(cookie)).toBeUndefined();

    const me = await t.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe("auth.unauthenticated");
  });

  it("logs out only the session it was given, not the user's other sessions", async () => {
    const user = await createTestUser(t.db, { unitId: unit.id });
    const phone = await loginAs(t.app, user.username);
    const desk = await loginAs(t.app, user.username);
    await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: phone } });
    expect((await t.app.inject({ url: "/api/auth/me", headers: { cookie: desk } })).statusCode).toBe(200);
  });

  describe("refuses a state-changing request from another site (403 auth.csrf)", () => {
    it.each([
      ["a foreign Origin", { origin: "https://evil.example" }],
      ["a look-alike Origin", { origin: "https://langnghe.example.evil.example" }],
      ["a malformed Origin", { origin: "not a url" }],
      ["Origin: null (a sandboxed frame, a file, a redirect from another site)", { origin: "null" }],
      ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
      ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
    ])("with %s, and leaves the session open", async (_label, headers) => {
      const user = await createTestUser(t.db, { unitId: unit.id });
      const cookie = await loginAs(t.app, user.username);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/logout",
        headers: { cookie, host: "langnghe.example", ...headers },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toEqual({
        code: "auth.csrf",
        message: "Yêu cầu bị từ chối vì không đến từ trang của hệ thống.",
      });
      expect(await sessionRow(cookie)).toBeDefined();
    });

    it("on an officer's write (answering an opinion) as well", async () => {
      const user = await createTestUser(t.db, { unitId: unit.id });
      const cookie = await loginAs(t.app, user.username);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/opinions/00000000-0000-4000-8000-000000000000/answers",
        headers: { cookie, origin: "https://evil.example" },
        payload: { content: "Trả lời giả mạo" },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("auth.csrf");
    });

    it("on a login posted with Origin: null", async () => {
      const user = await createTestUser(t.db, { unitId: unit.id });
      const response = await login(user.username, TEST_PASSWORD, { headers: { origin: "null" } });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("auth.csrf");
      expect(response.cookies.find((c) => c.name === "ln_session")).toBeUndefined();
    });

    it("on a login form posted from another site", async () => {
      const user = await createTestUser(t.db, { unitId: unit.id });
      const response = await login(user.username, TEST_PASSWORD, { headers: { "sec-fetch-site": "cross-site" } });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("auth.csrf");
      expect(response.cookies.find((c) => c.name === "ln_session")).toBeUndefined();
    });

    it("but accepts the same request from the site itself", async () => {
      const user = await createTestUser(t.db, { unitId: unit.id });
      const cookie = await loginAs(t.app, user.username);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/logout",
        headers: { cookie, host: "langnghe.example", origin: "https://langnghe.example", "sec-fetch-site": "same-origin" },
      });
      expect(response.statusCode).toBe(204);
    });
  });

  it.each(["/api/auth/me", "/api/opinions"])("answers %s without a cookie with 401 auth.unauthenticated", async (url) => {
    const response = await t.app.inject({ url, headers: { "accept-language": "en" } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: "auth.unauthenticated", message: "Please log in." } });
  });

  it("answers an unknown session token with 401 auth.unauthenticated", async () => {
    const response = await t.app.inject({ url: "/api/auth/me", headers: { cookie: "ln_session=forged-token" } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("auth.unauthenticated");
  });

  it("refuses the session of a disabled account", async () => {
    const user = await createTestUser(t.db, { unitId: unit.id });
    const cookie = await loginAs(t.app, user.username);
    await t.db.updateTable("users").set({ is_active: false }).where("id", "=", user.id).execute();
    const me = await t.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe("auth.session_expired");
    const again = await login(user.username, TEST_PASSWORD);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe("auth.invalid_credentials");
  });

  it("stores the password as an argon2id hash, never in clear", async () => {
    const user = await createTestUser(t.db, { unitId: unit.id });
    const row = await t.db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith("$argon2id$")).toBe(true);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it("audits every login attempt: auth.login and auth.login_failed, with the address", async () => {
    const user = await createTestUser(t.db, { unitId: unit.id });
    const ip = newAddress();
    expect((await login(user.username, "sai-mật-khẩu", { ip })).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD, { ip })).statusCode).toBe(200);
    expect((await login("nguoi.la", "bất-kỳ", { ip })).statusCode).toBe(401);

    const trail = await listAuditTrail({ db: t.db, entityType: "user", entityId: user.id });
    expect(trail.map((e) => [e.action, e.actorLabel, e.actorUserId])).toEqual([
      ["auth.login_failed", "public", null],
      ["auth.login", user.username, user.id],
    ]);
    const rows = await t.db
      .selectFrom("audit_log")
      .select(["action", "entity_id", "ip"])
      .where("ip", "=", ip)
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { action: "auth.login_failed", entity_id: user.id, ip },
      { action: "auth.login", entity_id: user.id, ip },
      { action: "auth.login_failed", entity_id: "nguoi.la", ip },
    ]);
    const audited = JSON.stringify(await t.db.selectFrom("audit_log").selectAll().where("ip", "=", ip).execute());
    expect(audited).not.toContain("sai-mật-khẩu");
    expect(audited).not.toContain(TEST_PASSWORD);
  });
});
