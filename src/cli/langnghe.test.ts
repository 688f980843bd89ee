import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { login } from "../auth/auth.service.ts";
import { openDb } from "../db/index.ts";
import { runCli } from "./langnghe.ts";

/** Runs the CLI in-process on an embedded database in a temporary DATA_DIR. */
function cli(dataDir: string) {
  return async (argv: string[], extraEnv: Record<string, string> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { DATA_DIR: dataDir, ...extraEnv }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
}

describe("langnghe CLI", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "langnghe-cli-"));
  const run = cli(dataDir);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("migrates, creates a unit and a user who can then log in", async () => {
    expect((await run(["migrate"])).out).toMatch(/Đã áp dụng: 0001_audit\.sql/);
    expect((await run(["migrate", "--lang", "en"])).out).toBe("The database is up to date.");
    const unit = await run(["create-unit", "--name", "Công an tỉnh Nghệ An", "--short-name", "CANA", "--level", "province", "--area-code", "40"]);
    expect(unit.code).toBe(0);
    expect(unit.out).toMatch(/^[0-9a-f-]{36}$/);
    const user = await run(
      ["create-user", "--username", "na.admin", "--name", "Quản trị Nghệ An", "--role", "admin", "--unit", unit.out],
      { LANGNGHE_NEW_PASSWORD: "một-mật-khẩu-dài" },
    );
    expect(user.code).toBe(0);
    const handle = await openDb({ kind: "pglite", dataDir });
    try {
      const session = await login({ db: handle.db, username: "na.admin", password: "một-mật-khẩu-dài", ip: "127.0.0.1" });
      expect(session.user).toMatchObject({ role: "admin", unitId: unit.out, unitName: "Công an tỉnh Nghệ An" });
    } finally {
      await handle.close();
    }
    expect((await run(["seed", "--demo"])).code).toBe(2);
  });

  it.each([
    ["aaaaaaaaaaaa", "vi", /lặp lại/],
    ["123456789012", "en", /common password or word/],
    ["            ", "en", /repeats/],
    ["matkhau12345", "vi", /phổ biến/],
    ["na.admin2.2026", "en", /user name or name/],
  ])("refuses to create a user with the guessable password %j, saying why (%s), exit code 1", async (password, lang, reason) => {
    const unit = await run(["create-unit", "--name", "Công an xã Thử Mật Khẩu", "--short-name", "CAX", "--level", "province"]);
    const user = await run(
      ["create-user", "--username", "na.admin2", "--name", "Quản trị", "--role", "admin", "--unit", unit.out, "--lang", lang],
      { LANGNGHE_NEW_PASSWORD: password },
    );
    expect(user.code).toBe(1);
    expect(user.err).toMatch(reason);
    expect(user.out).toBe("");
  });

  it.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [[], /no command given/],
    [["create-user", "--username", "x"], /--role is required|LANGNGHE_NEW_PASSWORD/],
    [["create-user", "--username", "x", "--name", "X", "--role", "chief", "--unit", "u"], /--role must be one of/],
    [["create-unit", "--name", "X", "--short-name", "X", "--level", "commune", "--valid-from", "21/11/2026"], /yyyy-mm-dd/],
    [["migrate", "--bogus"], /unknown option --bogus/],
    [["add-topic", "--code", "x"], /--name-vi is required/],
    [["add-routing-rule", "--target", "u"], /at least one of --location, --topic, --kind/],
    [["add-routing-rule", "--target", "u", "--kind", "gossip"], /--kind must be one of/],
    [["set-deadline", "--kind", "question", "--urgency", "soon", "--stage", "answer", "--amount", "3", "--unit", "working_days"], /--urgency/],
    [["set-deadline", "--kind", "question", "--urgency", "normal", "--stage", "answer", "--amount", "three", "--unit", "working_days"], /whole number/],
  ])("refuses %j with a message in English (LANGNGHE_LANG=en) and exit code 2", async (argv, message) => {
    const result = await run(argv as string[], { LANGNGHE_LANG: "en" });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).toMatch(/^Usage: langnghe/m);
  });

  it.each([
    [["frobnicate"], /không có lệnh “frobnicate”/],
    [["migrate", "--bogus"], /không có tùy chọn --bogus/],
    [["add-topic", "--code", "x"], /thiếu --name-vi/],
    [["set-deadline", "--kind", "question", "--urgency", "soon", "--stage", "answer", "--amount", "3", "--unit", "working_days"], /--urgency phải là một trong: normal, urgent/],
  ])("speaks Vietnamese by default: %j", async (argv, message) => {
    const result = await run(argv as string[]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).toMatch(/^Cách dùng: langnghe/m);
  });

  it("shows its help in the language asked for, and refuses an unknown language", async () => {
    expect((await run(["help"])).out).toMatch(/^Cách dùng: langnghe/);
    expect((await run(["--help", "--lang", "en"])).out).toMatch(/^Usage: langnghe/);
    expect((await run(["help"], { LANGNGHE_LANG: "en", PORT: "not-a-port" })).out).toMatch(/^Cách dùng/);
    const unknown = await run(["migrate", "--lang=fr"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--lang phải là vi hoặc en/);
  });

  it("refuses a unit of an unknown level or parent with exit code 1 and the database's reason", async () => {
    const result = await run(["create-unit", "--name", "X", "--short-name", "X", "--level", "galaxy"]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/cơ sở dữ liệu từ chối/);
  });

  it("says in one line, with exit code 1, that the PostgreSQL database cannot be reached, without its password", async () => {
    const result = await run(["migrate"], {
      DATABASE_URL: "postgres://langnghe:hidden-password@127.0.0.1:1/langnghe",
      LANGNGHE_SECRET: "a-secret-for-the-cli-tests-0123456789",
    });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^langnghe: Không kết nối được cơ sở dữ liệu PostgreSQL 127\.0\.0\.1:1\/langnghe: .*ECONNREFUSED/);
    expect(result.err).not.toContain("hidden-password");
  });

  it("refuses a bad configuration with exit code 2 listing the problem", async () => {
    const result = await run(["migrate"], { PORT: "not-a-port" });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/PORT/);
  });

  it("configures topics, routing rules and deadlines as data", async () => {
    const province = await run(["create-unit", "--name", "Công an tỉnh Hà Tĩnh", "--short-name", "CAHT", "--level", "province"]);
    const topic = await run(["add-topic", "--code", "forest_fires", "--name-vi", "Cháy rừng", "--name-en", "Forest fires", "--order", "170"]);
    expect(topic).toMatchObject({ code: 0, out: "Đã lưu chủ đề forest_fires." });
    const rule = await run(["add-routing-rule", "--target", province.out, "--topic", "forest_fires", "--priority", "5"]);
    expect(rule.code).toBe(0);
    expect(rule.out).toMatch(/^[0-9a-f-]{36}$/);
    const deadline = await run(["set-deadline", "--kind", "question", "--urgency", "normal", "--stage", "answer", "--amount", "3", "--unit", "working_days"]);
    expect(deadline.code).toBe(0);
    const handle = await openDb({ kind: "pglite", dataDir });
    try {
      expect(await handle.db.selectFrom("topics").select(["name_vi"]).where("code", "=", "forest_fires").executeTakeFirst()).toEqual({ name_vi: "Cháy rừng" });
      expect(await handle.db.selectFrom("routing_rules").select(["topic", "priority"]).where("id", "=", rule.out).executeTakeFirst()).toEqual({ topic: "forest_fires", priority: 5 });
      expect(await handle.db.selectFrom("deadline_rules").select(["amount"]).where("kind", "=", "question").where("urgency", "=", "normal").executeTakeFirst()).toEqual({ amount: 3 });
    } finally {
      await handle.close();
    }
    const unknownTopic = await run(["add-routing-rule", "--target", province.out, "--topic", "weather"]);
    expect(unknownTopic.code).toBe(1);
    expect(unknownTopic.err).toMatch(/Chủ đề “weather” không có trong danh mục/);
    const badCode = await run(["add-topic", "--code", "Cháy", "--name-vi", "x", "--name-en", "x", "--lang", "en"]);
    expect(badCode.code).toBe(1);
    expect(badCode.err).toMatch(/topic code/);
  });
});
