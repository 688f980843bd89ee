import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEmptyPostgresDatabase } from "../test/db.ts";
import { freePort, startCommand, waitForHttp, type RunningCommand } from "./support/process.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const THIEU_HOA = "5a1e0000-0000-4000-8000-000000001002";

describe("npm start, as a new user runs it", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "langnghe-start-"));
  const running: RunningCommand[] = [];
  const npmStart = (port: number) => {
    const command = startCommand("npm", ["start"], {
      cwd: ROOT,
      env: { DATA_DIR: dataDir, PORT: String(port), DEMO_PASSWORD: "demo-password-1", LOG_LEVEL: "warn" },
    });
    running.push(command);
    return command;
  };

  afterAll(async () => {
    for (const command of running) command.interrupt();
    await Promise.all(running.map((c) => c.exited));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("starts on an empty DATA_DIR, seeds the demo, refuses a second process, stops on Ctrl-C and keeps the data", async () => {
    const port = await freePort();
    const first = npmStart(port);
    await first.waitForOutput(new RegExp(`http://localhost:${port}`));
    const health = await (await waitForHttp(`http://localhost:${port}/healthz`)).json();
    expect(health).toEqual({ status: "ok", database: "pglite" });
    expect(first.output()).toMatch(/xa\.canbo\s+officer/);
    expect(first.output()).toMatch(/tinh\.lanhdao\s+leader/);
    expect(existsSync(join(dataDir, "langnghe.lock"))).toBe(true);

    const submitted = await fetch(`http://localhost:${port}/api/public/opinions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ unitId: THIEU_HOA, content: "Kiểm tra dữ liệu còn sau khi khởi động lại." }),
    });
    expect(submitted.status).toBe(201);
    const { trackingCode } = (await submitted.json()) as { trackingCode: string };
    const home = await fetch(`http://localhost:${port}/?unit=${THIEU_HOA}`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');

    const second = npmStart(await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/đang được một tiến trình Lắng nghe khác dùng/);

    // npm re-raises the signal its script ended on; the app itself must have stopped cleanly.
    first.interrupt();
    expect([0, "SIGINT"]).toContain(await first.exited);
    expect(first.output()).toContain("Đã dừng an toàn.");
    expect(existsSync(join(dataDir, "langnghe.lock"))).toBe(false);

    const restartPort = await freePort();
    const restarted = npmStart(restartPort);
    await restarted.waitForOutput(new RegExp(`http://localhost:${restartPort}`));
    expect(restarted.output()).not.toContain("Đã tạo dữ liệu mẫu");
    const tracked = await fetch(`http://localhost:${restartPort}/api/public/opinions/${trackingCode}`);
    expect(tracked.status).toBe(200);
    expect(((await tracked.json()) as { status: string }).status).toBe("RECEIVED");
    const login = await fetch(`http://localhost:${restartPort}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "xa.canbo", password: "demo-password-1" }),
    });
    expect(login.status).toBe(200);
    restarted.interrupt();
    expect([0, "SIGINT"]).toContain(await restarted.exited);
    expect(restarted.output()).toContain("Đã dừng an toàn.");
  });
});

describe("npm start on PostgreSQL", () => {
  it("applies the migrations at start, seeds the demo only with --demo, and reports postgres in /healthz", async () => {
    const database = await createEmptyPostgresDatabase();
    const env = {
      DATABASE_URL: database.url,
      LANGNGHE_SECRET: "a-production-like-secret-of-sufficient-length",
      DEMO_PASSWORD: "demo-password-2",
      LOG_LEVEL: "warn",
    };
    const runs: RunningCommand[] = [];
    try {
      const port = await freePort();
      const plain = startCommand("npm", ["start"], { cwd: ROOT, env: { ...env, PORT: String(port) } });
      runs.push(plain);
      await plain.waitForOutput(new RegExp(`đang chạy trên postgres: http://localhost:${port}`));
      expect(await (await waitForHttp(`http://localhost:${port}/healthz`)).json()).toEqual({ status: "ok", database: "postgres" });
      const units = (await (await fetch(`http://localhost:${port}/api/units`)).json()) as { items: unknown[] };
      expect(units.items).toEqual([]);
      plain.interrupt();
      expect([0, "SIGINT"]).toContain(await plain.exited);

      const demoPort = await freePort();
      // The console speaks English when asked to (LANGNGHE_LANG), Vietnamese otherwise.
      const demo = startCommand("npm", ["start", "--", "--demo"], { cwd: ROOT, env: { ...env, PORT: String(demoPort), LANGNGHE_LANG: "en" } });
      runs.push(demo);
      await demo.waitForOutput(new RegExp(`running on postgres: http://localhost:${demoPort}`));
      expect(demo.output()).toContain("Demo data created");
      expect(demo.output()).toMatch(/xa\.canbo\s+officer\s+password: \(DEMO_PASSWORD\)/);
      const seeded = (await (await fetch(`http://localhost:${demoPort}/api/units`)).json()) as { items: { id: string }[] };
      expect(seeded.items.map((u) => u.id)).toContain(THIEU_HOA);
      demo.interrupt();
      expect([0, "SIGINT"]).toContain(await demo.exited);
      expect(demo.output()).toContain("Stopped cleanly.");
    } finally {
      for (const run of runs) run.interrupt();
      await Promise.all(runs.map((r) => r.exited));
      await database.drop();
    }
  });
});
