import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { z } from "zod";

/** The application's configuration, read once from the environment at start (the only reader of process.env). */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; undefined means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Key material for session tokens and personal-data encryption; resolved by `resolveSecret` when unset. */
  secret: string | undefined;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Password for every demo user; undefined means a random one printed once at first start. */
  demoPassword: string | undefined;
  /** Submissions allowed per client IP and minute on public write endpoints. */
  publicRateLimitPerMinute: number;
  /** Submissions allowed per device (a cookie) and minute on the same endpoints: tighter, as many phones share an IP. */
  publicRateLimitPerDevicePerMinute: number;
  /** Trust X-Forwarded-For from a reverse proxy. */
  trustProxy: boolean;
  /** The password `langnghe create-user` gives the new account (kept out of the command line and shell history). */
  newUserPassword: string | undefined;
  /** SMTP server for e-mails to contributors (`smtp://user:pass@host:587`); unset: e-mails wait in the outbox. */
  smtpUrl: string | undefined;
  /** The sender of those e-mails. */
  mailFrom: string;
  /** The address citizens reach the site at, for links in messages; defaults to http://localhost:PORT. */
  publicUrl: string;
  /** How often the background jobs (deadline sweep, notification sender) run, in seconds. */
  jobsIntervalSeconds: number;
  /** The language of the `langnghe` command's messages (the web app and API follow each user's choice). */
  language: "vi" | "en";
}

/** Thrown when the environment does not describe a valid configuration; lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  LANGNGHE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Its strength is judged by the one password rule (src/auth/auth.password-strength.ts) when the demo users are made.
  DEMO_PASSWORD: z.string().optional(),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  PUBLIC_RATE_LIMIT_PER_DEVICE_PER_MINUTE: z.coerce.number().int().min(1).default(6),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  LANGNGHE_NEW_PASSWORD: z.string().optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().min(3).default("Lắng nghe <no-reply@localhost>"),
  PUBLIC_URL: z.url().optional(),
  JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  LANGNGHE_LANG: z.enum(["vi", "en"]).default("vi"),
});

/** Validates the environment into a typed Config; throws ConfigError naming every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === "" ? undefined : v]),
  );
  const parsed = EnvSchema.safeParse(blankToUndefined);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  // Checked on the raw values too, so that it is listed with the other problems rather than after them.
  if (blankToUndefined.DATABASE_URL !== undefined && blankToUndefined.LANGNGHE_SECRET === undefined) {
    problems.push("LANGNGHE_SECRET: required with DATABASE_URL (the key for sessions and encrypted personal data)");
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    secret: e.LANGNGHE_SECRET,
    logLevel: e.LOG_LEVEL,
    demoPassword: e.DEMO_PASSWORD,
    publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    publicRateLimitPerDevicePerMinute: e.PUBLIC_RATE_LIMIT_PER_DEVICE_PER_MINUTE,
    trustProxy: e.TRUST_PROXY === "true",
    newUserPassword: e.LANGNGHE_NEW_PASSWORD,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    jobsIntervalSeconds: e.JOBS_INTERVAL_SECONDS,
    language: e.LANGNGHE_LANG,
  };
}

/**
 * The secret for the embedded mode: LANGNGHE_SECRET when set, otherwise a random one kept in
 * `DATA_DIR/secret` (mode 0600), created on first start so that a restart can still decrypt.
 */
export function resolveSecret(config: Config): string {
  if (config.secret) return config.secret;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, "secret");
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim();
}
