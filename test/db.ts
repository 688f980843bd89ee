import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openDb, type Db, type Engine } from "../src/db/index.ts";
import { migrate } from "../src/db/migrate.ts";

/** Migrated databases made once per run (test/db.global-setup.ts), from which each test file copies its own. */
export interface TestDatabaseTemplates {
  postgresTemplate?: string;
  pgliteSnapshot?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseTemplates: TestDatabaseTemplates;
  }
}

const ALL_ENGINES: readonly Engine[] = ["pglite", "postgres"];

function enginesFrom(list: string | undefined): readonly Engine[] {
  if (list === undefined || list.trim() === "") return ALL_ENGINES;
  const names = list.split(",").map((name) => name.trim());
  if (names.some((name) => !ALL_ENGINES.includes(name as Engine))) {
    throw new Error(`TEST_ENGINES="${list}": expected a comma-separated list of ${ALL_ENGINES.join(", ")}`);
  }
  return ALL_ENGINES.filter((engine) => names.includes(engine));
}

/** The engines every server suite runs on: both, unless TEST_ENGINES names some (the faked-clock runs use PGlite). */
export const ENGINES: readonly Engine[] = enginesFrom(process.env.TEST_ENGINES);

/** The PostgreSQL server the suite uses (a fresh database is created on it per test file). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://localhost:5432/test";

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  if (!u.username) u.username = userInfo().username;
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: withDatabase(TEST_DATABASE_URL, new URL(TEST_DATABASE_URL).pathname.slice(1) || "postgres") });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A new PostgreSQL database, empty or a copy of `template`: its URL and a function that drops it. */
async function createPostgresDatabase(template: string | undefined): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ln_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(TEST_DATABASE_URL, name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A new, empty PostgreSQL database on the test server: its URL and a function that drops it. */
export function createEmptyPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  return createPostgresDatabase(undefined);
}

/**
 * A migrated PostgreSQL database of its own: a copy of the run's migrated `template` (a tenth of the time of
 * migrating, docs/PERFORMANCE.md), or migrated here; on failure closed and dropped.
 */
async function openMigratedPostgres(template: string | undefined) {
  const database = await createPostgresDatabase(template);
  const handle = await openDb({ kind: "postgres", url: database.url, poolSize: 4 });
  try {
    if (template === undefined) await migrate(handle.db);
  } catch (error) {
    await handle.close();
    await database.drop();
    throw error;
  }
  return { handle, database };
}

/**
 * Makes the migrated templates for `engines`: a PostgreSQL database no test connects to, and a PGlite data
 * directory as a tarball in a temporary directory. Returns them and a function that removes them.
 */
export async function createTestDatabaseTemplates(
  engines: readonly Engine[] = ENGINES,
): Promise<{ templates: TestDatabaseTemplates; remove: () => Promise<void> }> {
  const templates: TestDatabaseTemplates = {};
  const removals: (() => Promise<void>)[] = [];
  if (engines.includes("postgres")) {
    const { handle, database } = await openMigratedPostgres(undefined);
    // A template may have no other connection while it is copied.
    await handle.close();
    templates.postgresTemplate = new URL(database.url).pathname.slice(1);
    removals.push(database.drop);
  }
  if (engines.includes("pglite")) {
    const handle = await openDb({ kind: "pglite-memory" });
    await migrate(handle.db);
    const snapshot = await handle.dumpDataDir?.();
    await handle.close();
    if (snapshot) {
      const directory = mkdtempSync(join(tmpdir(), "ln-test-pglite-"));
      templates.pgliteSnapshot = join(directory, "migrated.tar");
      writeFileSync(templates.pgliteSnapshot, Buffer.from(await snapshot.arrayBuffer()));
      removals.push(async () => rmSync(directory, { recursive: true, force: true }));
    }
  }
  return { templates, remove: async () => void (await Promise.all(removals.map((remove) => remove()))) };
}

/** The run's templates; none when the file runs without test/db.global-setup.ts (each database is then migrated). */
function templates(): TestDatabaseTemplates {
  return inject("testDatabaseTemplates") ?? {};
}

/** A migrated, empty database of its own: in-memory PGlite, or a new PostgreSQL database dropped on close. */
export async function openTestDb(engine: Engine): Promise<Db> {
  const { postgresTemplate, pgliteSnapshot } = templates();
  if (engine === "pglite") {
    if (pgliteSnapshot) {
      return openDb({ kind: "pglite-memory", snapshot: new Blob([readFileSync(pgliteSnapshot)]) });
    }
    const handle = await openDb({ kind: "pglite-memory" });
    await migrate(handle.db);
    return handle;
  }
  const { handle, database } = await openMigratedPostgres(postgresTemplate);
  return {
    ...handle,
    async close() {
      await handle.close();
      await database.drop();
    },
  };
}
