/**
 * Loads the data set into a migrated database: the unit tree, the opinions in batches (the secondary indexes
 * of `opinions` dropped first and rebuilt from their own definitions afterwards, as a bulk load does),
 * contact details for part of them, then VACUUM ANALYZE. Checks what it loaded.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../../src/db/index.ts";
import { foldForSearch } from "../../src/text/vietnamese.ts";
import { createUnits, opinionBatchSql, secondaryIndexes, SPAN_DAYS, type UnitTree } from "./dataset.ts";
import { progress } from "./measure.ts";
import { RARE_ONE_IN } from "./vocabulary.ts";

/** Measured where something does not hold: the benchmark fails. */
export class CheckFailure extends Error {}

export interface LoadResult {
  tree: UnitTree;
  rows: number;
  contacts: number;
  rareRows: number;
  /** Shares of the loaded opinions: answered (answered_at set), routed, still open, open and past due. */
  shares: { answered: number; routed: number; open: number; overdue: number };
  insertSeconds: number;
  contactSeconds: number;
  indexSeconds: number;
  indexes: { name: string; seconds: number }[];
  vacuumSeconds: number;
  totalSeconds: number;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

export async function loadDataSet(
  db: Kysely<Database>,
  { rows, batch, engine }: { rows: number; batch: number; engine: string },
): Promise<LoadResult> {
  const started = performance.now();
  return db.connection().execute(async (conn) => {
    const tree = await createUnits(conn);
    const indexes = await secondaryIndexes(conn);
    for (const index of indexes) await sql.raw(`DROP INDEX ${index.name}`).execute(conn);

    const start = new Date(Date.now() - SPAN_DAYS * 86400_000);
    let t = performance.now();
    for (let from = 1; from <= rows; from += batch) {
      const to = Math.min(rows, from + batch - 1);
      await sql.raw(opinionBatchSql(tree, { from, to, total: rows, start })).execute(conn);
      progress(`${engine}: ${to.toLocaleString("en-US")} of ${rows.toLocaleString("en-US")} opinions (${seconds(t).toFixed(0)} s)`);
    }
    const insertSeconds = seconds(t);

    // Contact details (encrypted in the product; here a ciphertext-sized string) for about half of the
    // opinions that are not anonymous: the inbox reads whether each opinion has some.
    t = performance.now();
    const contacts = await sql`
      INSERT INTO opinion_contacts (opinion_id, ciphertext, created_at)
      SELECT id, 'v1.' || encode(sha256(convert_to(tracking_code, 'UTF8')), 'base64') || '.'
               || encode(sha256(convert_to(id::text, 'UTF8')), 'base64'), created_at
      FROM opinions
      WHERE NOT is_anonymous AND get_byte(decode(md5(tracking_code), 'hex'), 0) < 128`.execute(conn);
    const contactSeconds = seconds(t);

    t = performance.now();
    await sql.raw(`SET maintenance_work_mem = '${engine === "pglite" ? "256MB" : "512MB"}'`).execute(conn);
    const built: { name: string; seconds: number }[] = [];
    for (const index of indexes) {
      const t0 = performance.now();
      await sql.raw(index.definition).execute(conn);
      built.push({ name: index.name, seconds: seconds(t0) });
    }
    await sql`RESET maintenance_work_mem`.execute(conn);
    const indexSeconds = seconds(t);
    progress(`${engine}: rebuilt ${indexes.length} indexes in ${indexSeconds.toFixed(0)} s`);

    t = performance.now();
    await sql`VACUUM ANALYZE`.execute(conn);
    const vacuumSeconds = seconds(t);

    // Checks: the count, the folded text as the product computes it, the rare word's rows.
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM opinions`.execute(conn);
    if (count.rows[0]?.n !== rows) throw new CheckFailure(`${engine}: ${count.rows[0]?.n} opinions loaded, ${rows} expected`);
    const sample = await sql<{ content: string; search_text: string }>`
      SELECT content, search_text FROM opinions TABLESAMPLE SYSTEM (1) LIMIT 500`.execute(conn);
    for (const row of sample.rows) {
      if (foldForSearch(row.content) !== row.search_text) {
        throw new CheckFailure(`${engine}: search_text is not foldForSearch(content) for "${row.content}"`);
      }
    }
    const rare = await sql<{ n: number }>`SELECT count(*)::int AS n FROM opinions WHERE search_text ~ '\\mphao\\M'`.execute(conn);
    const rareRows = rare.rows[0]?.n ?? 0;
    if (rows >= RARE_ONE_IN * 10 && rareRows === 0) throw new CheckFailure(`${engine}: no opinion holds the rare word`);

    const shares = await sql<{ answered: number; routed: number; open: number; overdue: number }>`
      SELECT avg((answered_at IS NOT NULL)::int)::float8 AS answered,
             avg((status = 'ROUTED')::int)::float8 AS routed,
             avg((status IN ('RECEIVED','CLASSIFIED','ASSIGNED','IN_PROGRESS'))::int)::float8 AS open,
             avg((status IN ('RECEIVED','CLASSIFIED','ASSIGNED','IN_PROGRESS') AND answer_due_at < now())::int)::float8 AS overdue
      FROM opinions`.execute(conn);

    return {
      tree,
      rows,
      shares: shares.rows[0]!,
      contacts: Number(contacts.numAffectedRows ?? 0),
      rareRows,
      insertSeconds,
      contactSeconds,
      indexSeconds,
      indexes: built,
      vacuumSeconds,
      totalSeconds: seconds(started),
    };
  });
}

/** Sizes in bytes: the whole database, the opinions table, its indexes. */
export async function sizes(db: Kysely<Database>) {
  const result = await sql<{ database: number; heap: number; indexes: number; contacts: number }>`
    SELECT pg_database_size(current_database())::float8 AS database,
           pg_table_size('opinions')::float8 AS heap,
           pg_indexes_size('opinions')::float8 AS indexes,
           pg_total_relation_size('opinion_contacts')::float8 AS contacts`.execute(db);
  return result.rows[0]!;
}

/** Each index of `opinions` with its size in bytes. */
export async function indexSizes(db: Kysely<Database>) {
  const result = await sql<{ name: string; bytes: number }>`
    SELECT c.relname AS name, pg_relation_size(c.oid)::float8 AS bytes
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = 'opinions'::regclass ORDER BY 2 DESC`.execute(db);
  return result.rows;
}
