import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startCommand, type RunningCommand } from "../e2e/support/process.ts";
import { TEST_DATABASE_URL } from "../test/db.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SECRET = "a-secret-for-the-start-tests-0123456789";
/** A line of a Node.js stack trace. */
const STACK_LINE = /^\s+at /m;

describe("starting the server (node src/main.ts) when it cannot", () => {
  const parent = mkdtempSync(join(tmpdir(), "langnghe-main-"));
  const running: RunningCommand[] = [];
  const server = (env: Record<string, string>) => {
    const command = startCommand("node", ["--import", "tsx", "src/main.ts"], { cwd: ROOT, env: { LOG_LEVEL: "warn", ...env } });
    running.push(command);
    return command;
  };
  /** Holds `port` with another program until the returned server is closed. */
  const occupy = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const other = createServer();
      other.once("error", reject);
      other.listen(port, "0.0.0.0", () => resolve(other));
    });

  afterAll(async () => {
    for (const command of running) command.interrupt();
    await Promise.all(running.map((c) => c.exited));
    rmSync(parent, { recursive: true, force: true });
  });

  it(
    "says in one line that the port is taken, before creating the demo data or showing its password, and leaves no lock",
    async () => {
      const dataDir = join(parent, "fresh");
      const port = await freePort();
      const other = await occupy(port);
      const refused = server({ DATA_DIR: dataDir, PORT: String(port) });
      const code = await refused.exited;
      other.close();
      expect(code).toBe(1);
      expect(refused.output().trim()).toBe(
        `Không khởi động được: cổng ${port} đang được một chương trình khác dùng. Hãy dừng chương trình đó hoặc đặt PORT khác.`,
      );
      expect(existsSync(join(dataDir, "langnghe.lock"))).toBe(false);

      // Nothing was half-done: the next start creates the demo data and shows the password it would have lost.
      const restartPort = await freePort();
      const second = server({ DATA_DIR: dataDir, PORT: String(restartPort) });
      await second.waitForOutput(new RegExp(`http://localhost:${restartPort}`));
      expect(second.output()).toMatch(/xa\.canbo\s+officer\s+mật khẩu: \S{12}/);
      second.interrupt();
      expect(await second.exited).toBe(0);
      expect(existsSync(join(dataDir, "langnghe.lock"))).toBe(false);
    },
    180_000,
  );

  it(
    "says so in English with LANGNGHE_LANG=en",
    async () => {
      const port = await freePort();
      const other = await occupy(port);
      const refused = server({ DATA_DIR: join(parent, "english"), PORT: String(port), LANGNGHE_LANG: "en" });
      const code = await refused.exited;
      other.close();
      expect(code).toBe(1);
      expect(refused.output().trim()).toBe(`Cannot start: port ${port} is in use by another program. Stop that program or set PORT to another port.`);
    },
    120_000,
  );

  it(
    "refuses a guessable DEMO_PASSWORD in one line and leaves no lock",
    async () => {
      const dataDir = join(parent, "weak-demo-password");
      const refused = server({ DATA_DIR: dataDir, PORT: String(await freePort()), DEMO_PASSWORD: "aaaaaaaaaaaa" });
      expect(await refused.exited).toBe(1);
      expect(refused.output().trim()).toMatch(/^DEMO_PASSWORD: Mật khẩu quá dễ đoán: nó lặp lại ký tự/);
      expect(refused.output()).not.toMatch(STACK_LINE);
      expect(existsSync(join(dataDir, "langnghe.lock"))).toBe(false);
    },
    120_000,
  );

  it.each([
    ["no server listens there", "postgres://langnghe:hidden-password@127.0.0.1:1/langnghe", /^Cannot connect to the PostgreSQL database 127\.0\.0\.1:1\/langnghe: .*ECONNREFUSED/],
    ["the database does not exist", (() => {
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = "/ln_no_such_database";
      return url.toString();
    })(), /^Cannot connect to the PostgreSQL database [^ ]+\/ln_no_such_database: database "ln_no_such_database" does not exist/],
  ])("says in one line that the database cannot be reached when %s, without the password", async (_label, url, message) => {
    const refused = server({ DATABASE_URL: url, LANGNGHE_SECRET: SECRET, LANGNGHE_LANG: "en", PORT: String(await freePort()) });
    expect(await refused.exited).toBe(1);
    const output = refused.output().trim();
    expect(output).toMatch(message);
    expect(output.split("\n")).toHaveLength(1);
    expect(output).not.toMatch(STACK_LINE);
    expect(output).not.toContain("hidden-password");
  }, 60_000);
});
