import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyPostgresDatabase } from "../../test/db.ts";
import { createTestUnit, createTestUser, TEST_PASSWORD } from "../../test/factories.ts";
import { LOGIN_LIMITS } from "../auth/auth.login-limits.ts";
import { buildApp } from "../app.ts";
import { deriveKeys } from "../crypto/keys.ts";
import { openDb } from "../db/index.ts";
import { migrate } from "../db/migrate.ts";
import { RATE_LIMIT_FLUSH_MS } from "./rate-limit.ts";
import type { App } from "./types.ts";

describe("rate limits shared by two app instances on one PostgreSQL database", () => {
  const keys = deriveKeys("test-secret-that-is-long-enough-0123456789");
  const config = {
    publicRateLimitPerMinute: 10,
    publicRateLimitPerDevicePerMinute: 3,
    trustProxy: false,
    logLevel: "silent" as const,
  };
  let drop: () => Promise<void>;
  const closers: (() => Promise<void>)[] = [];
  const apps: App[] = [];
  let db: Awaited<ReturnType<typeof openDb>>["db"];
  let unitId: string;

  beforeAll(async () => {
    const database = await createEmptyPostgresDatabase();
    drop = database.drop;
    for (let i = 0; i < 2; i++) {
      const handle = await openDb({ kind: "postgres", url: database.url, poolSize: 4 });
      closers.push(() => handle.close());
      if (i === 0) {
        await migrate(handle.db);
        db = handle.db;
      }
      const app = await buildApp({ db: handle.db, engine: handle.engine, keys, config });
      await app.ready();
      closers.push(() => app.close());
      apps.push(app);
    }
    unitId = (await createTestUnit(db)).id;
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await drop?.();
  });

  const send = (app: App, { address, cookie, lang = "vi" }: { address: string; cookie?: string; lang?: string }) =>
    app.inject({
      method: "POST",
      url: "/api/public/opinions",
      remoteAddress: address,
      payload: { unitId, content: "Ý kiến thử giới hạn dùng chung" },
      headers: { "accept-language": lang, ...(cookie ? { cookie } : {}) },
    });
  const statusesOf = async (app: App, n: number, who: { address: string; cookie?: string }) => {
    const statuses: number[] = [];
    for (let i = 0; i < n; i++) statuses.push((await send(app, who)).statusCode);
    return statuses;
  };
  /** Waits until the shared counter of `key` holds `count`, then for the flushing instance to have read it back. */
  const flushed = async (key: string, count: number) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await sql<{ count: number }>`SELECT count FROM rate_limit_counts WHERE key = ${key}`.execute(db);
      if (rows[0]?.count === count) break;
      if (Date.now() > deadline) throw new Error(`counter ${key} is ${rows[0]?.count}, not ${count}`);
      await sleep(RATE_LIMIT_FLUSH_MS / 3);
    }
    await sleep(100);
  };

  it("hold one per-address limit: 6 requests to each instance, 429 once the flushes have shared the count", async () => {
    const [a, b] = apps as [App, App];
    const who = { address: "10.0.0.1" };
    const key = "POST /api/public/opinions 10.0.0.1";
    expect(await statusesOf(a, 6, who)).toEqual([201, 201, 201, 201, 201, 201]);
    await flushed(key, 6);
    // B counts its first request on its own, and after its flush judges on the shared total: 7, then 8, 9, 10.
    expect(await statusesOf(b, 1, who)).toEqual([201]);
    await flushed(key, 7);
    expect(await statusesOf(b, 5, who)).toEqual([201, 201, 201, 429, 429]);
    await flushed(key, 12);
    // A last read 6: the one request it takes before its next flush is the documented overshoot; then A refuses too.
    expect(await statusesOf(a, 1, who)).toEqual([201]);
    await flushed(key, 13);
    const limited = await send(a, { ...who, lang: "en" });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: "request.rate_limited", message: expect.stringMatching(/Too many requests/) });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(60);
    // 11 let through in all: the limit (10) plus one request of one flush interval at the instance that had not read the total.
    const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM opinions`.execute(db);
    expect(stored.rows[0]?.n).toBe(11);
  });

  it("hold one per-device limit across the instances, apart from each route's other counts", async () => {
    const [a, b] = apps as [App, App];
    const device = "B".repeat(22);
    const who = { address: "10.0.0.2", cookie: `ln_device=${device}` };
    const key = `device:POST /api/public/opinions:${device}`;
    expect(await statusesOf(a, 2, who)).toEqual([201, 201]);
    await flushed(key, 2);
    expect(await statusesOf(b, 1, who)).toEqual([201]);
    await flushed(key, 3);
    const limited = await send(b, who);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: "request.rate_limited", message: expect.stringContaining("giây") });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // A last read 2: one more before its next flush (the overshoot), then refused.
    expect(await statusesOf(a, 1, who)).toEqual([201]);
    await flushed(key, 5);
    expect(await statusesOf(a, 2, who)).toEqual([429, 429]);
    // The per-address counter of that address went on apart: the 4 requests the device limits let through.
    await flushed("POST /api/public/opinions 10.0.0.2", 4);
  });

  it("share the login limits: 20 wrong passwords at once at each instance, 5 checked in all, then both refuse", async () => {
    const user = await createTestUser(db, { unitId });
    const login = (app: App, password: string) =>
      app.inject({ method: "POST", url: "/api/auth/login", payload: { username: user.username, password }, remoteAddress: "10.0.0.3" });
    const responses = await Promise.all(apps.flatMap((app) => Array.from({ length: 20 }, (_, i) => login(app, `sai-${i}`))));
    expect(responses.filter((r) => r.statusCode === 401)).toHaveLength(LOGIN_LIMITS.accountAndAddress.max);
    for (const app of apps) expect((await login(app, TEST_PASSWORD)).statusCode).toBe(429);
  });
});
