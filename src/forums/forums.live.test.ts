import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { buildTestApp, loginAs } from "../../test/app.ts";
import { createEmptyPostgresDatabase, ENGINES } from "../../test/db.ts";
import { createTestUnit, createTestUser } from "../../test/factories.ts";
import { openSse } from "../../test/sse.ts";
import { deriveKeys } from "../crypto/keys.ts";
import { openDb } from "../db/index.ts";
import { migrate } from "../db/migrate.ts";
import type { App } from "../http/types.ts";
import { createForumViaApi, forumBody, phoneCookie } from "./forums.test-support.ts";
import { useSuiteClock } from "../../test/clock.ts";

useSuiteClock();

interface ProjectorState {
  current: { id: string; text: string; supportCount: number } | null;
  queue: { id: string; supportCount: number }[];
  shownCount: number;
}
interface ModerationState {
  items: { id: string; moderation: string }[];
}

async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (typeof address !== "object" || !address) throw new Error("not listening");
  return `http://127.0.0.1:${address.port}`;
}

describe.each(ENGINES)("forum live streams (server-sent events) on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let base: string;
  let leader: string;
  let unitId: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    base = await listen(t.app);
    unitId = (await createTestUnit(t.db)).id;
    leader = await loginAs(t.app, (await createTestUser(t.db, { role: "leader", unitId })).username);
  });
  afterAll(() => t.close());

  it("phone sends → the chair's stream gets it pending → the chair presents it → the projector shows it, +1s counted", async () => {
    const id = await createForumViaApi(t.app, leader, forumBody(unitId));
    await t.app.inject({ method: "POST", url: `/api/forums/${id}/status`, payload: { action: "start" }, headers: { cookie: leader } });
    const projector = await openSse(`${base}/api/public/forums/${id}/live`);
    const chair = await openSse(`${base}/api/forums/${id}/live`, { cookie: leader });
    try {
      await projector.waitFor<ProjectorState>((s) => s.shownCount === 0);
      const phone = await phoneCookie(t.app, id);
      const sent = await t.app.inject({
        method: "POST",
        url: `/api/public/forums/${id}/opinions`,
        payload: { content: "Đề nghị tăng cường tuần tra đêm ở thôn Đông, nhiều vụ trộm chó." },
        headers: { cookie: phone },
      });
      const itemId = sent.json().itemId as string;
      await chair.waitFor<ModerationState>((s) => s.items.some((i) => i.id === itemId && i.moderation === "pending"));
      // Not on the projector before the chair decides.
      expect(projector.states.some((s) => (s as ProjectorState).shownCount > 0)).toBe(false);
      const started = Date.now();
      await t.app.inject({ method: "POST", url: `/api/forums/${id}/items/${itemId}/moderation`, payload: { action: "present" }, headers: { cookie: leader } });
      const shown = await projector.waitFor<ProjectorState>((s) => s.current?.id === itemId);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(shown.current?.text).toContain("thôn Đông");
      await t.app.inject({ method: "POST", url: `/api/public/forums/${id}/items/${itemId}/support`, headers: { cookie: phone } });
      await projector.waitFor<ProjectorState>((s) => s.current?.supportCount === 1);
    } finally {
      projector.close();
      chair.close();
    }
  });

  it("refuses the chair's stream without a session (401) and an unknown forum's stream (404)", async () => {
    const id = await createForumViaApi(t.app, leader, forumBody(unitId));
    await expect(openSse(`${base}/api/forums/${id}/live`)).rejects.toThrow(/401/);
    await expect(openSse(`${base}/api/public/forums/${randomUUID()}/live`)).rejects.toThrow(/404/);
  });
});

describe("forum live fan-out across two app instances on one PostgreSQL database", () => {
  const keys = deriveKeys("test-secret-that-is-long-enough-0123456789");
  const config = {
    publicRateLimitPerMinute: 10_000,
    publicRateLimitPerDevicePerMinute: 10_000,
    trustProxy: false,
    logLevel: "silent" as const,
  };
  let drop: () => Promise<void>;
  const closers: (() => Promise<void>)[] = [];
  const apps: App[] = [];
  const bases: string[] = [];
  let db: Awaited<ReturnType<typeof openDb>>["db"];

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
      closers.push(() => app.close());
      apps.push(app);
      bases.push(await listen(app));
    }
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await drop();
  });

  it("an opinion shown through instance A reaches a projector subscribed to instance B within a second", async () => {
    const [a, b] = apps as [App, App];
    const unitId = (await createTestUnit(db)).id;
    const leader = await loginAs(a, (await createTestUser(db, { role: "leader", unitId })).username);
    const id = await createForumViaApi(a, leader, forumBody(unitId));
    const projector = await openSse(`${bases[1]}/api/public/forums/${id}/live`);
    try {
      await projector.waitFor<ProjectorState>((s) => s.shownCount === 0);
      // B's LISTEN connection is up once a change published through A reaches B's stream.
      await a.inject({ method: "POST", url: `/api/forums/${id}/status`, payload: { action: "start" }, headers: { cookie: leader } });
      await projector.waitFor<ProjectorState & { status: string }>((s) => s.status === "live");
      const entry = await a.inject({
        method: "POST",
        url: `/api/forums/${id}/entries`,
        payload: { content: "Bà Lan phản ánh đèn đường thôn Tây hỏng, đêm tối dễ mất trộm.", clientKey: randomUUID() },
        headers: { cookie: leader },
      });
      expect(entry.statusCode, entry.body).toBe(201);
      const itemId = entry.json().itemId as string;
      const started = Date.now();
      await a.inject({ method: "POST", url: `/api/forums/${id}/items/${itemId}/moderation`, payload: { action: "present" }, headers: { cookie: leader } });
      const seen = await projector.waitFor<ProjectorState>((s) => s.current?.id === itemId, 2_000);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(seen.shownCount).toBe(1);
      // And instance B's own public list agrees.
      const items = await b.inject({ method: "GET", url: `/api/public/forums/${id}/items` });
      expect(items.json().items.map((i: { id: string }) => i.id)).toEqual([itemId]);
    } finally {
      projector.close();
    }
  });
});
