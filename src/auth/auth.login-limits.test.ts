import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser, TEST_PASSWORD } from "../../test/factories.ts";
import { LOGIN_LIMITS } from "./auth.login-limits.ts";

describe.each(ENGINES)("login limits on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let unitId: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    unitId = (await createTestUnit(t.db)).id;
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, ip: string) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress: ip });
  /** How many times a password was checked and found wrong for `userId`: each such check is audited. */
  const passwordChecks = async (userId: string) =>
    (
      await t.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("action", "=", "auth.login_failed")
        .where("entity_id", "=", userId)
        .executeTakeFirstOrThrow()
    ).n;

  it("checks the password at most 5 times for 40 wrong passwords sent at once from one address", async () => {
    const user = await createTestUser(t.db, { unitId });
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => login(user.username, `sai-${i}`, "192.0.2.1")));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_LIMITS.accountAndAddress.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - LOGIN_LIMITS.accountAndAddress.max);
    expect(Number(await passwordChecks(user.id))).toBe(LOGIN_LIMITS.accountAndAddress.max);
    expect((await login(user.username, TEST_PASSWORD, "192.0.2.1")).statusCode).toBe(429);
  });

  it("does not lock an office out behind one address: colleagues' mistakes leave every other account open", async () => {
    const office = "192.0.2.2";
    for (let colleague = 0; colleague < 8; colleague++) {
      const { username } = await createTestUser(t.db, { unitId });
      for (let i = 0; i < LOGIN_LIMITS.accountAndAddress.max; i++) expect((await login(username, `sai-${i}`, office)).statusCode).toBe(401);
      expect((await login(username, TEST_PASSWORD, office)).statusCode).toBe(429);
    }
    const other = await createTestUser(t.db, { unitId });
    expect((await login(other.username, TEST_PASSWORD, office)).statusCode).toBe(200);
  });

  it("locks an account guessed at from many addresses, each under its own limit, everywhere for a while", async () => {
    const user = await createTestUser(t.db, { unitId });
    const perAddress = LOGIN_LIMITS.accountAndAddress.max;
    const addresses = Math.ceil(LOGIN_LIMITS.account.max / perAddress);
    for (let a = 0; a < addresses; a++) {
      const results = await Promise.all(Array.from({ length: perAddress }, (_, i) => login(user.username, `sai-${i}`, `203.0.113.${a}`)));
      expect(results.map((r) => r.statusCode)).toEqual(Array(perAddress).fill(401));
    }
    const fromElsewhere = await login(user.username, TEST_PASSWORD, "198.18.0.1");
    expect(fromElsewhere.statusCode).toBe(429);
    expect(fromElsewhere.json().error).toEqual({
      code: "auth.too_many_attempts",
      message: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${LOGIN_LIMITS.account.windowMs / 60_000} phút.`,
    });
    expect(Number(await passwordChecks(user.id))).toBe(LOGIN_LIMITS.account.max);
  });
});
