import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { ENGINES, openTestDb } from "../../test/db.ts";
import { createTestUnit } from "../../test/factories.ts";
import type { Db, Executor } from "../db/index.ts";
import { RATE_LIMIT_FLUSH_MS } from "./rate-limit.ts";
import { addRateLimitCounts } from "./rate-limit.queries.ts";
import { SharedRateLimitCounts } from "./rate-limit.store.ts";

const storedCounts = async (db: Executor) =>
  (await sql<{ key: string; count: number }>`SELECT key, count FROM rate_limit_counts ORDER BY key`.execute(db)).rows;

describe.each(ENGINES)("a per-address limit on %s", (engine) => {
  it("refuses the request past the limit in the error contract; counts are shared through PostgreSQL only", async () => {
    const t = await buildTestApp(engine, { publicRateLimitPerMinute: 3 });
    try {
      const unit = await createTestUnit(t.db);
      const send = (lang = "vi") =>
        t.app.inject({
          method: "POST",
          url: "/api/public/opinions",
          payload: { unitId: unit.id, content: "Ý kiến thử giới hạn" },
          headers: { "accept-language": lang },
        });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await send()).statusCode);
      expect(statuses).toEqual([201, 201, 201]);
      const limited = await send("en");
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error).toMatchObject({ code: "request.rate_limited", message: expect.stringMatching(/Too many requests/) });
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(60);
      expect((await send()).json().error.message).toContain("giây");

      await sleep(RATE_LIMIT_FLUSH_MS * 4);
      // PGlite runs in one process by design: the plugin's memory store counts and the table stays empty.
      expect(await storedCounts(t.db)).toEqual(
        engine === "postgres" ? [{ key: "POST /api/public/opinions 127.0.0.1", count: 5 }] : [],
      );
    } finally {
      await t.close();
    }
  });
});

describe("shared rate-limit counts on PostgreSQL", () => {
  let handle: Db;
  beforeAll(async () => {
    handle = await openTestDb("postgres");
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("join the window another instance opened, and start the next window once it has ended", async () => {
    let clock = 1_800_000_000_000;
    const send = (batch: Parameters<typeof addRateLimitCounts>[1]) => addRateLimitCounts(handle.db, batch);
    const a = new SharedRateLimitCounts(send, () => clock);
    const b = new SharedRateLimitCounts(send, () => clock);

    expect([a.incr("k", 60_000), a.incr("k", 60_000), a.incr("k", 60_000)]).toEqual([
      { current: 1, ttl: 60_000 },
      { current: 2, ttl: 60_000 },
      { current: 3, ttl: 60_000 },
    ]);
    await a.flush();
    clock += 10_000;
    // B has not read the total yet: it judges on its own count until its flush brings it back.
    expect(b.incr("k", 60_000)).toEqual({ current: 1, ttl: 60_000 });
    await b.flush();
    expect(b.incr("k", 60_000)).toEqual({ current: 5, ttl: 50_000 });
    expect(await storedCounts(handle.db)).toEqual([{ key: "k", count: 4 }]);

    // A's window ends: A starts the next one from zero, and so does the stored counter at A's flush.
    clock += 50_000;
    expect(a.incr("k", 60_000)).toEqual({ current: 1, ttl: 60_000 });
    await a.flush();
    expect(await storedCounts(handle.db)).toEqual([{ key: "k", count: 1 }]);
    // B's window (the one it adopted from the database) has ended too; its stale requests are dropped, not sent.
    clock += 5;
    expect(b.incr("k", 60_000)).toEqual({ current: 1, ttl: 60_000 });
    await b.flush();
    expect(b.incr("k", 60_000)).toEqual({ current: 3, ttl: 59_995 });
    expect(await storedCounts(handle.db)).toEqual([{ key: "k", count: 2 }]);
  });

  it("keep the requests of a failed flush and send them with the next one", async () => {
    // The database does not answer the first flush (a connection refused, a failover in progress).
    let isReachable = false;
    const counts = new SharedRateLimitCounts((batch) =>
      isReachable ? addRateLimitCounts(handle.db, batch) : Promise.reject(new Error("connect ECONNREFUSED")),
    );
    counts.incr("retry", 60_000);
    counts.incr("retry", 60_000);
    await expect(counts.flush()).rejects.toThrow();
    expect(counts.incr("retry", 60_000).current).toBe(3);
    isReachable = true;
    await counts.flush();
    expect((await storedCounts(handle.db)).find((row) => row.key === "retry")).toEqual({ key: "retry", count: 3 });
    expect(counts.incr("retry", 60_000).current).toBe(4);
  });
});
