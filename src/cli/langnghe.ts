#!/usr/bin/env -S npx tsx
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { createUser } from "../auth/auth.service.ts";
import { ConfigError, loadConfig, resolveSecret, type Config } from "../config.ts";
import { deriveKeys } from "../crypto/keys.ts";
import { openDb, type Db } from "../db/index.ts";
import { DataDirLockedError } from "../db/lock.ts";
import { migrate, MigrationError } from "../db/migrate.ts";
import { seedDemo } from "../db/seed-demo.ts";
import { AppError } from "../http/errors.ts";
import { translate } from "../http/messages.ts";
import { addRoutingRule, addTopic, setDeadlineRule } from "../opinions/opinions.intake.service.ts";
import { OPINION_KINDS, OPINION_URGENCIES } from "../opinions/opinions.workflow.ts";
import { createUnit, hasNoUnits } from "../units/units.service.ts";

const USAGE = `Usage: langnghe <command> [options]

Commands:
  migrate                          apply the database migrations and exit
  seed --demo                      create the demo data (only on an empty database)
  create-unit --name N --short-name S --level L [--parent ID] [--area-code C] [--valid-from yyyy-mm-dd]
                                   add a unit to the tree; prints its id
  create-user --username U --name N --role admin|leader|officer|inspector --unit ID
                                   add an officer's account; the password is read from LANGNGHE_NEW_PASSWORD
                                   (at least 12 characters)
  add-topic --code C --name-vi N --name-en N [--order n]
                                   add a topic to the list offered to citizens and officers (or rename one)
  add-routing-rule --target ID [--location ID] [--topic C] [--kind K] [--priority n]
                                   send opinions about a commune (and/or a topic, a kind) to another unit
  set-deadline --kind K --urgency normal|urgent --stage answer|route --amount N --unit working_hours|working_days
                                   set how long a kind of opinion has (Vietnamese working time)

The database is DATABASE_URL when set, otherwise the embedded one in DATA_DIR (see .env.example).`;

/** A mistake in the command line: printed with the usage, exit code 2. */
class UsageError extends Error {}

/** Where the CLI writes, so that tests can read it. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const ROLES = ["admin", "leader", "officer", "inspector"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function integer(value: string | boolean | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^-?\d{1,6}$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
  return Number(value);
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required`);
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

async function runCommand(command: string, args: string[], config: Config, io: CliIo): Promise<void> {
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
      io.out(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
      return;
    }
    case "seed": {
      if (!values.demo) throw new UsageError("seed needs --demo");
      await withDb(config, async (handle) => {
        if (!(await hasNoUnits({ db: handle.db }))) throw new UsageError("the database already has units; demo data goes only into an empty one");
        const keys = deriveKeys(resolveSecret(config));
        const { password } = await seedDemo({ db: handle.db, keys, password: config.demoPassword });
        io.out(`Demo data created. Demo password: ${config.demoPassword ? "(DEMO_PASSWORD)" : password}`);
      });
      return;
    }
    case "create-unit": {
      const validFrom = values["valid-from"] ?? new Date().toISOString().slice(0, 10);
      if (!DATE.test(validFrom)) throw new UsageError("--valid-from must be yyyy-mm-dd");
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
      if (!ROLES.includes(role as (typeof ROLES)[number])) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
      const password = config.newUserPassword;
      if (!password || password.length < 12) {
        throw new UsageError("set LANGNGHE_NEW_PASSWORD to the new user's password (at least 12 characters)");
      }
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
      io.out(`Topic ${topic.code} saved.`);
      return;
    }
    case "add-routing-rule": {
      const kind = values.kind;
      if (kind !== undefined && !OPINION_KINDS.includes(kind as (typeof OPINION_KINDS)[number])) {
        throw new UsageError(`--kind must be one of ${OPINION_KINDS.join(", ")}`);
      }
      if (!values.location && !values.topic && !kind) throw new UsageError("give at least one of --location, --topic, --kind");
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
      if (!OPINION_KINDS.includes(kind as (typeof OPINION_KINDS)[number])) throw new UsageError(`--kind must be one of ${OPINION_KINDS.join(", ")}`);
      if (!OPINION_URGENCIES.includes(urgency as (typeof OPINION_URGENCIES)[number])) throw new UsageError("--urgency must be normal or urgent");
      if (stage !== "answer" && stage !== "route") throw new UsageError("--stage must be answer or route");
      if (unit !== "working_hours" && unit !== "working_days") throw new UsageError("--unit must be working_hours or working_days");
      const amount = integer(required(values, "amount"), "amount") ?? 0;
      await withDb(config, (handle) =>
        setDeadlineRule({
          db: handle.db,
          rule: { kind: kind as (typeof OPINION_KINDS)[number], urgency: urgency as "normal" | "urgent", stage, amount, unit },
        }),
      );
      io.out(`Deadline of ${kind} (${urgency}, ${stage}): ${amount} ${unit}.`);
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "no command given");
  }
}

/** Runs the CLI with `env` (the process environment when undefined); returns the process exit code (0 done, 1 failed, 2 bad command line or configuration). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv | undefined, io: CliIo): Promise<number> {
  const [command = "", ...args] = argv;
  if (command === "help" || command === "--help" || command === "-h") {
    io.out(USAGE);
    return 0;
  }
  try {
    await runCommand(command, args, loadConfig(env), io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`langnghe: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof AppError) {
      io.err(`langnghe: ${translate(error.code, "en", error.options.params)}`);
      return 1;
    }
    if (error instanceof DataDirLockedError || error instanceof MigrationError) {
      io.err(`langnghe: ${error.message}`);
      return 1;
    }
    const pgError = error as { code?: string; detail?: string; message?: string };
    if (typeof pgError.code === "string" && /^(22|23)/.test(pgError.code)) {
      io.err(`langnghe: refused by the database: ${pgError.detail ?? pgError.message}`);
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
