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
