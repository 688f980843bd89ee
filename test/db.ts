import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import pg from "pg";
import { openDb, type Db, type Engine } from "../src/db/index.ts";
import { migrate } from "../src/db/migrate.ts";

/** Both engines: every server suite runs on each. */
export const ENGINES: readonly Engine[] = ["pglite", "postgres"];

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

/** A new, empty PostgreSQL database on the test server: its URL and a function that drops it. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ln_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return {
    url: withDatabase(TEST_DATABASE_URL, name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A migrated, empty database of its own: in-memory PGlite, or a new PostgreSQL database dropped on close. */
export async function openTestDb(engine: Engine): Promise<Db> {
  if (engine === "pglite") {
    const handle = await openDb({ kind: "pglite-memory" });
    await migrate(handle.db);
    return handle;
  }
  const database = await createEmptyPostgresDatabase();
  const handle = await openDb({ kind: "postgres", url: database.url, poolSize: 4 });
  try {
    await migrate(handle.db);
  } catch (error) {
    await handle.close();
    await database.drop();
    throw error;
  }
  return {
    ...handle,
    async close() {
      await handle.close();
      await database.drop();
    },
  };
}
