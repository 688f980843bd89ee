import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql, type Kysely } from "kysely";
import type { Database } from "./schema.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));
// Any fixed number: instances starting together take turns applying migrations.
const MIGRATION_LOCK_KEY = 7_310_410_317;

/** A migration file that failed, with the database's reason. */
export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`Migration ${migration} failed: ${(cause as Error).message}`, { cause });
    this.name = "MigrationError";
  }
}

/** The migration files in order: `NNNN_name.sql`, forward-only. */
export function listMigrations(dir: string = MIGRATIONS_DIR): { name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(`${dir}${name}`, "utf8") }));
}

/**
 * Applies every migration not yet applied, each in its own transaction, under an advisory lock so that
 * several instances starting at once apply each file exactly once. Returns the names applied.
 */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text CONSTRAINT schema_migrations_pk PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`.execute(conn);
      const done = new Set(
        (await conn.selectFrom("schema_migrations").select("name").execute()).map((r) => r.name),
      );
      const applied: string[] = [];
      for (const migration of listMigrations()) {
        if (done.has(migration.name)) continue;
        try {
          await conn.transaction().execute(async (trx) => {
            await sql.raw(migration.sql).execute(trx);
            await trx.insertInto("schema_migrations").values({ name: migration.name }).execute();
          });
        } catch (error) {
          throw new MigrationError(migration.name, error);
        }
        applied.push(migration.name);
      }
      return applied;
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}
