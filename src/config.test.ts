import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, resolveSecret } from "./config.ts";

const SECRET = "s".repeat(32);

/** The ConfigError that `loadConfig(env)` throws. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("loadConfig accepted the environment");
}

/** The variables a ConfigError names, sorted. */
const namedVariables = (error: ConfigError) => error.problems.map((p) => p.split(":")[0]).sort();

describe("loadConfig", () => {
  it("runs embedded with sensible defaults when nothing is set", () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: "0.0.0.0",
      databaseUrl: undefined,
      dataDir: resolve("./data"),
      secret: undefined,
      logLevel: "info",
      demoPassword: undefined,
      publicRateLimitPerMinute: 30,
      publicRateLimitPerDevicePerMinute: 6,
      trustProxy: false,
      newUserPassword: undefined,
      smtpUrl: undefined,
      mailFrom: "Lắng nghe <no-reply@localhost>",
      publicUrl: "http://localhost:3000",
      jobsIntervalSeconds: 60,
      language: "vi",
    });
  });

  it("treats a blank variable as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "", LOG_LEVEL: "" })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      logLevel: "info",
    });
  });

  it("reads every variable into a typed value", () => {
    const config = loadConfig({
      PORT: "8080",
      HOST: "127.0.0.1",
      DATABASE_URL: "postgresql://langnghe@db:5432/langnghe",
      DATA_DIR: "/var/lib/langnghe",
      LANGNGHE_SECRET: SECRET,
      LOG_LEVEL: "warn",
      DEMO_PASSWORD: "mat-khau-demo",
      PUBLIC_RATE_LIMIT_PER_MINUTE: "12",
      PUBLIC_RATE_LIMIT_PER_DEVICE_PER_MINUTE: "4",
      TRUST_PROXY: "true",
      LANGNGHE_NEW_PASSWORD: "mật khẩu mới",
      SMTP_URL: "smtp://langnghe:pw@mail.example.vn:587",
      MAIL_FROM: "Công an tỉnh <noreply@example.vn>",
      PUBLIC_URL: "https://langnghe.example.vn",
      JOBS_INTERVAL_SECONDS: "30",
      LANGNGHE_LANG: "en",
    });
    expect(config).toEqual({
      port: 8080,
      host: "127.0.0.1",
      databaseUrl: "postgresql://langnghe@db:5432/langnghe",
      dataDir: "/var/lib/langnghe",
      secret: SECRET,
      logLevel: "warn",
      demoPassword: "mat-khau-demo",
      publicRateLimitPerMinute: 12,
      publicRateLimitPerDevicePerMinute: 4,
      trustProxy: true,
      newUserPassword: "mật khẩu mới",
      smtpUrl: "smtp://langnghe:pw@mail.example.vn:587",
      mailFrom: "Công an tỉnh <noreply@example.vn>",
      publicUrl: "https://langnghe.example.vn",
      jobsIntervalSeconds: 30,
      language: "en",
    });
  });

  it("ignores variables that are not its own", () => {
    expect(loadConfig({ HOME: "/root", PATH: "/usr/bin", NODE_ENV: "production" }).port).toBe(3000);
  });

  it("lists every invalid variable at once, each by name", () => {
    const error = configError({
      PORT: "eighty",
      HOST: "localhost",
      DATABASE_URL: "mysql://db/langnghe",
      LANGNGHE_SECRET: "short",
      LOG_LEVEL: "loud",
      PUBLIC_RATE_LIMIT_PER_MINUTE: "0",
      TRUST_PROXY: "yes",
      SMTP_URL: "mail.example.vn",
      PUBLIC_URL: "not a url",
      JOBS_INTERVAL_SECONDS: "0",
      LANGNGHE_LANG: "fr",
    });
    expect(error.name).toBe("ConfigError");
    expect(namedVariables(error)).toEqual([
      "DATABASE_URL",
      "JOBS_INTERVAL_SECONDS",
      "LANGNGHE_LANG",
      "LANGNGHE_SECRET",
      "LOG_LEVEL",
      "PORT",
      "PUBLIC_RATE_LIMIT_PER_MINUTE",
      "PUBLIC_URL",
      "SMTP_URL",
      "TRUST_PROXY",
    ]);
    for (const variable of namedVariables(error)) expect(error.message).toContain(variable);
  });

  it.each([
    ["a port above 65535", { PORT: "70000" }, "PORT"],
    ["a fractional port", { PORT: "80.5" }, "PORT"],
    ["a negative rate limit", { PUBLIC_RATE_LIMIT_PER_MINUTE: "-1" }, "PUBLIC_RATE_LIMIT_PER_MINUTE"],
    ["a 31-character secret", { LANGNGHE_SECRET: "x".repeat(31) }, "LANGNGHE_SECRET"],
  ])("refuses %s", (_label, env, variable) => {
    expect(namedVariables(configError(env))).toEqual([variable]);
  });

  it("refuses DATABASE_URL without LANGNGHE_SECRET (nothing could decrypt the data)", () => {
    const error = configError({ DATABASE_URL: "postgres://localhost/langnghe" });
    expect(namedVariables(error)).toEqual(["LANGNGHE_SECRET"]);
    expect(error.message).toContain("DATABASE_URL");
    expect(loadConfig({ DATABASE_URL: "postgres://localhost/langnghe", LANGNGHE_SECRET: SECRET }).databaseUrl).toBe(
      "postgres://localhost/langnghe",
    );
  });

  it("names the missing secret together with the other problems", () => {
    const error = configError({ DATABASE_URL: "postgres://localhost/langnghe", PORT: "eighty" });
    expect(namedVariables(error)).toEqual(["LANGNGHE_SECRET", "PORT"]);
  });
});

describe("resolveSecret", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "langnghe-config-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("creates DATA_DIR/secret with mode 0600 on first start and reuses it afterwards", () => {
    const dataDir = join(tempDir(), "nested", "data");
    const config = loadConfig({ DATA_DIR: dataDir });
    const secret = resolveSecret(config);
    const file = join(dataDir, "secret");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(secret);
    expect(resolveSecret(loadConfig({ DATA_DIR: dataDir }))).toBe(secret);
  });

  it("gives each new data directory its own secret", () => {
    const a = resolveSecret(loadConfig({ DATA_DIR: tempDir() }));
    const b = resolveSecret(loadConfig({ DATA_DIR: tempDir() }));
    expect(a).not.toBe(b);
  });

  it("tightens the mode of an existing secret file to 0600", () => {
    const dataDir = tempDir();
    const file = join(dataDir, "secret");
    writeFileSync(file, "an-existing-secret-that-is-long-enough-000\n");
    chmodSync(file, 0o644);
    expect(resolveSecret(loadConfig({ DATA_DIR: dataDir }))).toBe("an-existing-secret-that-is-long-enough-000");
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("uses LANGNGHE_SECRET when set and writes no file", () => {
    const dataDir = tempDir();
    expect(resolveSecret(loadConfig({ DATA_DIR: dataDir, LANGNGHE_SECRET: SECRET }))).toBe(SECRET);
    expect(existsSync(join(dataDir, "secret"))).toBe(false);
  });
});
