#!/usr/bin/env -S npx tsx
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { createUser } from "../auth/auth.service.ts";
import { ConfigError, loadConfig, resolveSecret, type Config } from "../config.ts";
import { deriveKeys } from "../crypto/keys.ts";
import { DatabaseUnreachableError, openDb, type Db } from "../db/index.ts";
import { DataDirLockedError } from "../db/lock.ts";
import { migrate, MigrationError } from "../db/migrate.ts";
import { seedDemo } from "../db/seed-demo.ts";
import { AppError } from "../http/errors.ts";
import { translate } from "../http/messages.ts";
import { addRoutingRule, addTopic, setDeadlineRule } from "../opinions/opinions.intake.service.ts";
import { OPINION_KINDS, OPINION_URGENCIES } from "../opinions/opinions.workflow.ts";
import { createUnit, hasNoUnits } from "../units/units.service.ts";
import { cliMessage, usage, type CliLanguage, type CliMessageKey } from "./langnghe.messages.ts";
import { todayInVietnam } from "../text/dates.ts";

/** A mistake in the command line: printed with the usage, exit code 2. */
class UsageError extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

/** Where the CLI writes, so that tests can read it. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const ROLES = ["admin", "leader", "officer", "inspector"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function integer(value: string | boolean | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^-?\d{1,6}$/.test(value)) throw new UsageError("cli.whole_number", { name });
  return Number(value);
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError("cli.required", { name });
  return value;
}

/** Opens the configured database, brings it up to date (unless the command is the migration itself), runs `work`. */
async function withDb<T>(config: Config, work: (db: Db) => Promise<T>, { migrateFirst = true } = {}): Promise<T> {
  const handle = await openDb(
    config.databaseUrl ? { kind: "postgres", url: config.databaseUrl } : { kind: "pglite", dataDir: config.dataDir },
  );
  try {
    if (migrateFirst) await migrate(handle.db);
    return await work(handle);
  } finally {
    await handle.close();
  }
}

async function runCommand(command: string, args: string[], config: Config, io: CliIo, language: CliLanguage): Promise<void> {
  const say = (key: CliMessageKey, params?: Record<string, string | number>) => io.out(cliMessage(key, language, params));
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      demo: { type: "boolean" },
      name: { type: "string" },
      "short-name": { type: "string" },
      level: { type: "string" },
      parent: { type: "string" },
      "area-code": { type: "string" },
      "valid-from": { type: "string" },
      username: { type: "string" },
      role: { type: "string" },
      unit: { type: "string" },
      code: { type: "string" },
      "name-vi": { type: "string" },
      "name-en": { type: "string" },
      order: { type: "string" },
      target: { type: "string" },
      location: { type: "string" },
      topic: { type: "string" },
      kind: { type: "string" },
      priority: { type: "string" },
      urgency: { type: "string" },
      stage: { type: "string" },
      amount: { type: "string" },
    },
  });
  switch (command) {
    case "migrate": {
      const applied = await withDb(config, (handle) => migrate(handle.db), { migrateFirst: false });
      if (applied.length) say("cli.applied", { names: applied.join(", ") });
      else say("cli.up_to_date");
      return;
    }
    case "seed": {
      if (!values.demo) throw new UsageError("cli.seed_needs_demo");
      await withDb(config, async (handle) => {
        if (!(await hasNoUnits({ db: handle.db }))) throw new UsageError("cli.seed_not_empty");
        const keys = deriveKeys(resolveSecret(config));
        const { password } = await seedDemo({ db: handle.db, keys, password: config.demoPassword });
        say("cli.demo_created", { password: config.demoPassword ? "(DEMO_PASSWORD)" : password });
      });
      return;
    }
    case "create-unit": {
      const validFrom = values["valid-from"] ?? todayInVietnam();
      if (!DATE.test(validFrom)) throw new UsageError("cli.date", { name: "valid-from" });
      const id = await withDb(config, (handle) =>
        createUnit({
          db: handle.db,
          unit: {
            name: required(values, "name"),
            shortName: required(values, "short-name"),
            levelCode: required(values, "level"),
            parentId: values.parent ?? null,
            areaCode: values["area-code"] ?? null,
            validFrom,
          },
        }),
      );
      io.out(id);
      return;
    }
    case "create-user": {
      const role = required(values, "role");
      if (!ROLES.includes(role as (typeof ROLES)[number])) throw new UsageError("cli.one_of", { name: "role", values: ROLES.join(", ") });
      const password = config.newUserPassword;
      if (!password) throw new UsageError("cli.new_password");
      const id = await withDb(config, (handle) =>
        createUser({
          db: handle.db,
          user: {
            username: required(values, "username"),
            displayName: required(values, "name"),
            password,
            role: role as (typeof ROLES)[number],
            unitId: required(values, "unit"),
          },
        }),
      );
      io.out(id);
      return;
    }
    case "add-topic": {
      const topic = {
        code: required(values, "code"),
        nameVi: required(values, "name-vi"),
        nameEn: required(values, "name-en"),
        sortOrder: integer(values.order, "order"),
      };
      await withDb(config, (handle) => addTopic({ db: handle.db, topic }));
      say("cli.topic_saved", { code: topic.code });
      return;
    }
    case "add-routing-rule": {
      const kind = values.kind;
      if (kind !== undefined && !OPINION_KINDS.includes(kind as (typeof OPINION_KINDS)[number])) {
        throw new UsageError("cli.one_of", { name: "kind", values: OPINION_KINDS.join(", ") });
      }
      if (!values.location && !values.topic && !kind) throw new UsageError("cli.routing_rule_needs_condition");
      const id = await withDb(config, (handle) =>
        addRoutingRule({
          db: handle.db,
          rule: {
            targetUnitId: required(values, "target"),
            locationUnitId: values.location ?? null,
            topic: values.topic ?? null,
            kind: (kind as (typeof OPINION_KINDS)[number] | undefined) ?? null,
            priority: integer(values.priority, "priority"),
          },
        }),
      );
      io.out(id);
      return;
    }
    case "set-deadline": {
      const kind = required(values, "kind");
      const urgency = required(values, "urgency");
      const stage = required(values, "stage");
      const unit = required(values, "unit");
      if (!OPINION_KINDS.includes(kind as (typeof OPINION_KINDS)[number])) throw new UsageError("cli.one_of", { name: "kind", values: OPINION_KINDS.join(", ") });
      if (!OPINION_URGENCIES.includes(urgency as (typeof OPINION_URGENCIES)[number])) throw new UsageError("cli.one_of", { name: "urgency", values: OPINION_URGENCIES.join(", ") });
      if (stage !== "answer" && stage !== "route") throw new UsageError("cli.one_of", { name: "stage", values: "answer, route" });
      if (unit !== "working_hours" && unit !== "working_days") throw new UsageError("cli.one_of", { name: "unit", values: "working_hours, working_days" });
      const amount = integer(required(values, "amount"), "amount") ?? 0;
      await withDb(config, (handle) =>
        setDeadlineRule({
          db: handle.db,
          rule: { kind: kind as (typeof OPINION_KINDS)[number], urgency: urgency as "normal" | "urgent", stage, amount, unit },
        }),
      );
      say("cli.deadline_saved", { kind, urgency, stage, amount, unit });
      return;
    }
    default:
      throw (command ? new UsageError("cli.unknown_command", { command }) : new UsageError("cli.no_command"));
  }
}

/** Takes `--lang vi|en` (or `--lang=…`) out of the command line: the language, if given, and the rest. */
function takeLanguage(argv: string[]): { language?: CliLanguage; rest: string[] } | "invalid" {
  const rest: string[] = [];
  let language: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--lang") language = argv[++i] ?? "";
    else if (arg.startsWith("--lang=")) language = arg.slice("--lang=".length);
    else rest.push(arg);
  }
  if (language !== undefined && language !== "vi" && language !== "en") return "invalid";
  return { language: language as CliLanguage | undefined, rest };
}

/** The configured language, or Vietnamese when the configuration is not valid (help is shown even then). */
function languageOf(env: NodeJS.ProcessEnv | undefined): CliLanguage {
  try {
    return loadConfig(env).language;
  } catch {
    return "vi";
  }
}

/** Node's own message for a command line that `parseArgs` refuses, as one of ours. */
function parseArgsProblem(error: { code: string; message: string }): UsageError {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return new UsageError("cli.unknown_option", { option: unknown[1] as string });
  return new UsageError("cli.bad_arguments", { detail: error.message });
}

/**
 * Runs the CLI with `env` (the process environment when undefined), speaking `--lang` or LANGNGHE_LANG
 * (Vietnamese by default); returns the process exit code (0 done, 1 failed, 2 bad command line or configuration).
 */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv | undefined, io: CliIo): Promise<number> {
  const taken = takeLanguage(argv);
  if (taken === "invalid") {
    io.err(`langnghe: ${cliMessage("cli.language", "vi")} / ${cliMessage("cli.language", "en")}`);
    return 2;
  }
  let language: CliLanguage = taken.language ?? "vi";
  const [command = "", ...args] = taken.rest;
  if (command === "help" || command === "--help" || command === "-h") {
    io.out(usage(taken.language ?? languageOf(env)));
    return 0;
  }
  try {
    const config = loadConfig(env);
    language = taken.language ?? config.language;
    await runCommand(command, args, config, io, language);
    return 0;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const problem =
      typeof code === "string" && code.startsWith("ERR_PARSE_ARGS") ? parseArgsProblem(error as { code: string; message: string }) : error;
    if (problem instanceof UsageError) {
      io.err(`langnghe: ${cliMessage(problem.key, language, problem.params)}\n\n${usage(language)}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof AppError) {
      io.err(`langnghe: ${translate(error.code, language, error.options.params)}`);
      return 1;
    }
    if (error instanceof DataDirLockedError) {
      io.err(`langnghe: ${cliMessage("server.data_dir_in_use", language, { dataDir: error.dataDir, pid: error.pid })}`);
      return 1;
    }
    if (error instanceof MigrationError) {
      io.err(`langnghe: ${error.message}`);
      return 1;
    }
    if (error instanceof DatabaseUnreachableError) {
      io.err(`langnghe: ${cliMessage("server.database_unreachable", language, { target: error.target, reason: error.reason })}`);
      return 1;
    }
    const pgError = error as { code?: string; detail?: string; message?: string };
    if (typeof pgError.code === "string" && /^(22|23)/.test(pgError.code)) {
      io.err(`langnghe: ${cliMessage("cli.refused_by_database", language, { detail: pgError.detail ?? pgError.message ?? "" })}`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = await runCli(process.argv.slice(2), undefined, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
  process.exit(code);
}
