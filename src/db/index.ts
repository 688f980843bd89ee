import { chmodSync, mkdirSync, readdirSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
import pg from "pg";
import { acquireDataDirLock } from "./lock.ts";
import type { Database } from "./schema.ts";

export type { Database } from "./schema.ts";

/** Which engine runs: the only place in the code base that knows. */
export type Engine = "pglite" | "postgres";

/** A query executor: the database or an open transaction. Every query function takes one. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** An open database with its engine and a way to close it (and release the data-directory lock). */
export interface Db {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
  /** PGlite only: its data directory as a tarball, from which `pglite-memory` opens copies (tests). */
  dumpDataDir?(): Promise<Blob>;
}

/**
 * Where to open the database: a PostgreSQL URL, a PGlite data directory, or an in-memory PGlite (tests), empty or
 * a copy of a `dumpDataDir` tarball.
 */
export type DbTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory"; snapshot?: Blob };

// DATE columns stay "yyyy-mm-dd" strings: pg's default turns them into local-midnight Dates.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint counters fit in a JS number for every table we have (ids and counts below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Marks a hot statement: `/* prepared: name *\/` at the start of its text (see PreparingClient). */
const PREPARED_MARK = /^\/\* prepared: ([a-z][a-z0-9_]*) \*\//;

/**
 * A connection that sends each statement marked `/* prepared: name *\/` as a named prepared statement: the
 * connection parses and plans it once, then only binds and executes it. For a hot write whose planning costs
 * more than its execution (the citizen's submission: three inserts in one statement) this halves the database's
 * work per row (docs/PERFORMANCE.md). The text of a marked statement must never vary, only its parameters.
 */
class PreparingClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((text: unknown, values?: unknown, ...rest: unknown[]) => {
      const name = typeof text === "string" && rest.length === 0 ? PREPARED_MARK.exec(text)?.[1] : undefined;
      return name ? query({ name, text, values }) : query(text, values, ...rest);
    }) as pg.Client["query"];
  }
}

// The server each PostgreSQL database was opened on: a live bus (live-bus.ts) opens its LISTEN connection there.
const postgresUrls = new WeakMap<Kysely<Database>, string>();

/** The connection URL of a database opened on PostgreSQL; undefined on PGlite (one process, no LISTEN needed). */
export function postgresUrlOf(db: Kysely<Database>): string | undefined {
  return postgresUrls.get(db);
}

/** Makes `dir` and everything under it the owner's only: directories 0700, files 0600 (symbolic links are left alone). */
function restrictToOwner(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) restrictToOwner(path);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}

/** Thrown when the PostgreSQL database cannot be reached at open; names it without the credentials. */
export class DatabaseUnreachableError extends Error {
  constructor(
    /** host:port/database, or DATABASE_URL when the URL itself is not valid. */
    readonly target: string,
    readonly reason: string,
  ) {
    super(`Cannot connect to the PostgreSQL database ${target}: ${reason}`);
    this.name = "DatabaseUnreachableError";
  }
}

/** Opens a PostgreSQL pool and checks that it connects, so that a wrong URL or a stopped server is told at once. */
async function openPostgres(target: Extract<DbTarget, { kind: "postgres" }>): Promise<Db> {
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    // The URL's text is not repeated: it may hold a password.
    throw new DatabaseUnreachableError("DATABASE_URL", "not a valid URL");
  }
  // Like libpq, a URL without a user name connects as the operating-system user.
  if (!url.username) url.username = userInfo().username;
  const pool = new pg.Pool({ connectionString: url.toString(), max: target.poolSize ?? 10, Client: PreparingClient });
  // An idle connection the server ended (restart, failover, pg_terminate_backend) is already dropped
  // from the pool and the next query opens a new one; unheard, this event would crash the process.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await pingDb(db);
  } catch (error) {
    await db.destroy();
    const { message, code } = error as { message?: string; code?: string };
    throw new DatabaseUnreachableError(`${url.host}${url.pathname}`, message || code || String(error));
  }
  postgresUrls.set(db, url.toString());
  return { db, engine: "postgres", close: () => db.destroy() };
}

/** Opens the database named by `target`; the embedded data directory is locked against a second process. */
export async function openDb(target: DbTarget): Promise<Db> {
  if (target.kind === "postgres") return openPostgres(target);
  let release = (): void => {};
  let dataDir: string | undefined;
  if (target.kind === "pglite") {
    // The data directory holds citizens' opinions and the secret: nothing this process writes there from now
    // on (new tables, the write-ahead log) may be readable by the machine's other users.
    process.umask(0o077);
    mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });
    release = acquireDataDirLock(target.dataDir);
    dataDir = join(target.dataDir, "pgdata");
  }
  try {
    const loadDataDir = target.kind === "pglite-memory" ? target.snapshot : undefined;
    const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent }, loadDataDir });
    // PGlite copies its initial files as 0666 and rewrites a few on every start whatever the umask.
    if (target.kind === "pglite") restrictToOwner(target.dataDir);
    // One PGlite connection for the whole process: the pool serialises queries and transactions on it.
    const { connection } = createPgConfig(pglite);
    const pool = new pg.Pool({ connection, max: 1, idleTimeoutMillis: 0, Client: PreparingClient } as pg.PoolConfig);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: "pglite",
      async close() {
        await db.destroy();
        await pglite.close();
        release();
      },
      // Uncompressed: loading it is about twice as fast as a gzipped one (measured for test databases).
      dumpDataDir: () => pglite.dumpDataDir("none"),
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Throws unless the database answers a trivial query (for health checks). */
export async function pingDb(db: Executor): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
