import { sql } from "kysely";
import type { Executor } from "../db/index.ts";
import { now } from "../calendar/clock.ts";

/** A state of an import: checked in the background, then ready (or failed), then imported. */
export type ImportStatus = "parsing" | "ready" | "failed" | "importing" | "done";

/** A per-row error as stored: the row number a person sees in the spreadsheet, the field, the code. */
export interface StoredRowError {
  rowNumber: number;
  field: string | null;
  code: string;
}

/** Stores a new upload, status 'parsing', and returns its id. */
export async function insertImport(
  db: Executor,
  row: {
    unitId: string;
    createdBy: string;
    fileName: string;
    data: Buffer;
    channel: string;
    mapping: Record<string, string> | null;
  },
): Promise<string> {
  const inserted = await db
    .insertInto("opinion_imports")
    .values({
      unit_id: row.unitId,
      created_by: row.createdBy,
      file_name: row.fileName,
      file_size: row.data.length,
      file_data: row.data,
      channel: row.channel,
      mapping: row.mapping === null ? null : JSON.stringify(row.mapping),
      created_at: now(),
      updated_at: now(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** An import's state (never its bytes), with the name of its unit and whether its file is still kept. */
export async function findImportById(db: Executor, id: string) {
  return db
    .selectFrom("opinion_imports as i")
    .innerJoin("units as u", "u.id", "i.unit_id")
    .select([
      "i.id",
      "i.unit_id",
      "u.name as unit_name",
      "i.created_by",
      "i.file_name",
      "i.file_size",
      "i.channel",
      "i.mapping",
      "i.headers",
      "i.status",
      "i.rows_total",
      "i.rows_valid",
      "i.rows_invalid",
      "i.rows_duplicate",
      "i.rows_done",
      "i.progress",
      "i.errors",
      "i.preview",
      "i.error_code",
      "i.error_params",
      "i.created_at",
      "i.updated_at",
      "i.finished_at",
    ])
    .select(sql<boolean>`i.file_data IS NOT NULL`.as("has_file"))
    .where("i.id", "=", id)
    .executeTakeFirst();
}

/** An import's stored file, or undefined once it has been deleted. */
export async function findImportFile(db: Executor, id: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom("opinion_imports").select("file_data").where("id", "=", id).executeTakeFirst();
  return row?.file_data ?? undefined;
}

/** What a step of an import writes; every step also marks the import as alive (`updated_at`). */
export interface ImportChanges {
  status?: ImportStatus;
  rowsTotal?: number | null;
  rowsValid?: number | null;
  rowsInvalid?: number | null;
  rowsDuplicate?: number | null;
  rowsDone?: number;
  progress?: number;
  mapping?: Record<string, string>;
  /** The file's header row as read. */
  headers?: string[];
  errors?: StoredRowError[];
  preview?: readonly object[];
  errorCode?: string | null;
  errorParams?: Record<string, string | number>;
  finishedAt?: Date | null;
  dropFile?: boolean;
}

/**
 * Changes an import that is in `from` (and, with `withoutInvalidRows`, has no invalid row); returns
 * whether it was. The condition makes each transition happen once even when two requests race.
 */
export async function updateImport(
  db: Executor,
  id: string,
  from: ImportStatus | readonly ImportStatus[],
  changes: ImportChanges,
  { withoutInvalidRows = false }: { withoutInvalidRows?: boolean } = {},
): Promise<boolean> {
  let query = db
    .updateTable("opinion_imports")
    .set({
      updated_at: now(),
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.rowsTotal !== undefined && { rows_total: changes.rowsTotal }),
      ...(changes.rowsValid !== undefined && { rows_valid: changes.rowsValid }),
      ...(changes.rowsInvalid !== undefined && { rows_invalid: changes.rowsInvalid }),
      ...(changes.rowsDuplicate !== undefined && { rows_duplicate: changes.rowsDuplicate }),
      ...(changes.rowsDone !== undefined && { rows_done: changes.rowsDone }),
      ...(changes.progress !== undefined && { progress: changes.progress }),
      ...(changes.mapping !== undefined && { mapping: JSON.stringify(changes.mapping) }),
      ...(changes.headers !== undefined && { headers: JSON.stringify(changes.headers) }),
      ...(changes.errors !== undefined && { errors: JSON.stringify(changes.errors) }),
      ...(changes.preview !== undefined && { preview: JSON.stringify(changes.preview) }),
      ...(changes.errorCode !== undefined && { error_code: changes.errorCode }),
      ...(changes.errorParams !== undefined && { error_params: JSON.stringify(changes.errorParams) }),
      ...(changes.finishedAt !== undefined && { finished_at: changes.finishedAt }),
      ...(changes.dropFile && { file_data: null }),
    })
    .where("id", "=", id)
    .where("status", "in", typeof from === "string" ? [from] : [...from]);
  if (withoutInvalidRows) query = query.where("rows_invalid", "=", 0).where("file_data", "is not", null);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes the bytes of uploads older than `before` that are not being imported; returns how many. */
export async function deleteStaleImportFiles(db: Executor, before: Date): Promise<number> {
  const result = await db
    .updateTable("opinion_imports")
    .set({ file_data: null })
    .where("file_data", "is not", null)
    .where("created_at", "<", before)
    .where("status", "<>", "importing")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Which of these import fingerprints some opinion already carries. */
export async function listExistingImportFingerprints(db: Executor, fingerprints: readonly string[]): Promise<Set<string>> {
  if (fingerprints.length === 0) return new Set();
  const result = await sql<{ import_fingerprint: string }>`
    SELECT import_fingerprint FROM opinions WHERE import_fingerprint = ANY(${sql.val(fingerprints)}::text[])`.execute(db);
  return new Set(result.rows.map((r) => r.import_fingerprint));
}

/** The active topics, with their names (an import may name a topic by its code or its name). */
export async function listActiveTopics(db: Executor) {
  return db.selectFrom("topics").select(["code", "name_vi", "name_en"]).where("is_active", "=", true).execute();
}
