/**
 * The server side of bench/forum-live, forked by run.ts so that the 2,000 phones do not share its event loop:
 * the whole product (buildApp) on loopback, with a live forum of a demo-like commune unit and its leader's
 * session. It measures its own CPU time and peak memory between "start" and "finish", then reports what
 * the database holds (the parent checks nothing was lost or doubled).
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { buildApp } from "../../src/app.ts";
import { createUser } from "../../src/auth/auth.service.ts";
import { deriveKeys } from "../../src/crypto/keys.ts";
import { openDb } from "../../src/db/index.ts";
import { migrate } from "../../src/db/migrate.ts";
import { createUnit } from "../../src/units/units.service.ts";
import { SERVER_TARGET_ENV, type ParentMessage, type ServerMessage, type ServerTarget } from "./protocol.ts";

const send = (message: ServerMessage) => process.send?.(message);
const target = JSON.parse(process.env[SERVER_TARGET_ENV] ?? "null") as ServerTarget | null;
if (!target || !process.send) {
  console.error("bench/forum-live/server.ts is started by run.ts, not by hand.");
  process.exit(2);
}

const handle = await openDb(target.engine === "postgres" ? { kind: "postgres", url: target.url } : { kind: "pglite", dataDir: target.dataDir });
const { db } = handle;
await migrate(db);
const serverVersion = (await sql<{ server_version: string }>`SHOW server_version`.execute(db)).rows[0]?.server_version ?? "?";
const provinceId = await createUnit({
  db,
  unit: { name: "Công an tỉnh Thanh Hóa", shortName: "CATH", levelCode: "province", parentId: null, areaCode: "38", validFrom: "1976-01-01" },
});
const unitId = await createUnit({
  db,
  unit: { name: "Công an xã Thiệu Hóa", shortName: "CAX Thiệu Hóa", levelCode: "commune", parentId: provinceId, validFrom: "2025-07-01" },
});
const password = `bench-${randomUUID()}`;
await createUser({ db, user: { username: "chu.tri", displayName: "Thiếu tá Nguyễn Văn Minh", password, unitId, role: "leader" } });

const app = await buildApp({
  db,
  engine: handle.engine,
  keys: deriveKeys(`bench-secret-${randomUUID()}`),
  // 2,000 phones share the loopback address: the per-address limit must not be what is measured.
  config: { publicRateLimitPerMinute: 10_000_000, publicRateLimitPerDevicePerMinute: 120, trustProxy: false, logLevel: "silent" },
});
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
const port = typeof address === "object" && address ? address.port : 0;

const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "chu.tri", password } });
const session = login.cookies.find((c) => c.name === "ln_session");
const chairCookie = `ln_session=${session?.value ?? ""}`;
const created = await app.inject({
  method: "POST",
  url: "/api/forums",
  headers: { cookie: chairCookie },
  payload: {
    unitId,
    title: "Công an lắng nghe ý kiến Nhân dân (benchmark)",
    startsAt: new Date().toISOString(),
    place: "Nhà văn hóa thôn Yên Lộ",
    chairName: "Thiếu tá Nguyễn Văn Minh",
    secretaryName: "Đại úy Trần Thị Hoa",
  },
});
const forumId = created.json().id as string;
await app.inject({ method: "POST", url: `/api/forums/${forumId}/status`, headers: { cookie: chairCookie }, payload: { action: "start" } });
send({ type: "ready", port, forumId, chairCookie, serverVersion });

let startCpu = process.cpuUsage();
let startAt = Date.now();
let rssAtStart = process.memoryUsage().rss;
let peakRss = rssAtStart;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 250);

process.on("message", async (message: ParentMessage) => {
  if (message.type === "start") {
    startCpu = process.cpuUsage();
    startAt = Date.now();
    rssAtStart = process.memoryUsage().rss;
    peakRss = rssAtStart;
    return;
  }
  const cpu = process.cpuUsage(startCpu);
  const wallMs = Date.now() - startAt;
  clearInterval(sampler);
  const count = async (query: Promise<{ n: number }>) => Number((await query).n);
  const stored = {
    opinions: await count(db.selectFrom("opinions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()),
    items: await count(db.selectFrom("forum_items").select((eb) => eb.fn.countAll<number>().as("n")).where("forum_id", "=", forumId).executeTakeFirstOrThrow()),
    shown: await count(
      db.selectFrom("forum_items").select((eb) => eb.fn.countAll<number>().as("n")).where("forum_id", "=", forumId).where("moderation", "=", "shown").executeTakeFirstOrThrow(),
    ),
    supports: await count(db.selectFrom("forum_supports").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()),
    supportCountSum: await count(
      db.selectFrom("forum_items").select(sql<number>`coalesce(sum(support_count), 0)::int`.as("n")).where("forum_id", "=", forumId).executeTakeFirstOrThrow(),
    ),
    distinctContents: await count(db.selectFrom("opinions").select(sql<number>`count(DISTINCT content)::int`.as("n")).executeTakeFirstOrThrow()),
  };
  send({
    type: "finished",
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    wallMs,
    peakRssMb: peakRss / 1024 ** 2,
    rssAtStartMb: rssAtStart / 1024 ** 2,
    liveSubscribers: 0,
    stored,
  });
  await app.close();
  await handle.close();
  process.exit(0);
});
