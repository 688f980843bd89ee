import { sql } from "kysely";
import type { Executor } from "../db/index.ts";

/* Document numbers: SQL only. */

/**
 * Takes the next number of a unit's documents of a kind in a year, in one statement: the upsert locks the
 * sequence's row until the transaction ends, so concurrent callers get distinct consecutive numbers.
 */
export async function takeNextNumber(db: Executor, key: { unitId: string; year: number; kind: string }): Promise<number> {
  const row = await db
    .insertInto("document_sequences")
    .values({ unit_id: key.unitId, year: key.year, kind: key.kind, last_number: 1 })
    .onConflict((oc) => oc.columns(["unit_id", "year", "kind"]).doUpdateSet({ last_number: sql<number>`document_sequences.last_number + 1` }))
    .returning("last_number")
    .executeTakeFirstOrThrow();
  return row.last_number;
}

const issuedColumns = ["kind", "subject_id", "unit_id", "year", "number", "issued_on"] as const;

/** The number given to a subject's document of a kind, or undefined. */
export async function findIssuedNumber(db: Executor, kind: string, subjectId: string) {
  return db.selectFrom("document_numbers").select(issuedColumns).where("kind", "=", kind).where("subject_id", "=", subjectId).executeTakeFirst();
}

/** Records a subject's number; undefined when the subject already has one (a concurrent request gave it). */
export async function insertIssuedNumber(
  db: Executor,
  row: { kind: string; subjectId: string; unitId: string; year: number; number: number; issuedOn: string },
) {
  return db
    .insertInto("document_numbers")
    .values({ kind: row.kind, subject_id: row.subjectId, unit_id: row.unitId, year: row.year, number: row.number, issued_on: row.issuedOn })
    .onConflict((oc) => oc.columns(["kind", "subject_id"]).doNothing())
    .returning(issuedColumns)
    .executeTakeFirst();
}
