/**
 * Import of opinions from a CSV/XLSX file (nhập ý kiến từ tệp): the upload is checked in the background
 * (per-row errors, rows imported before, a preview), then committed — every new row in one transaction, or
 * nothing. The file is read again at commit, so no instance has to keep the parsed rows in memory between.
 */
import { recordAudit } from "../audit/audit.service.ts";
import type { UserActor } from "../auth/actor.ts";
import type { Keys } from "../crypto/keys.ts";
import type { Executor } from "../db/index.ts";
import { AppError, badRequest, conflict, forbidden, notFound } from "../http/errors.ts";
import { isInSubtree, requireActiveUnit } from "../units/units.service.ts";
import { analyseImport, checkedState, type ImportPreviewRow, type ImportRecord } from "./opinions.import.analysis.ts";
import { storeImport } from "./opinions.import.commit.ts";
import { inBackground, isImportRunningHere, progressWriter, type ImportLog } from "./opinions.import.progress.ts";
import {
  deleteStaleImportFiles,
  findImportById,
  findImportFile,
  insertImport,
  updateImport,
  type ImportChanges,
  type ImportStatus,
  type StoredRowError,
} from "./opinions.import.queries.ts";
import { ImportFileError, ImportMappingError, type ColumnMapping } from "./opinions.import.ts";
import { canEnterOpinion } from "./opinions.policy.ts";
import type { OpinionChannel } from "./opinions.workflow.ts";
import { now, nowMs } from "../calendar/clock.ts";

export { settleImports, type ImportLog } from "./opinions.import.progress.ts";
export type { ImportPreviewRow } from "./opinions.import.analysis.ts";

const FILE_KEPT_MS = 24 * 60 * 60 * 1000;
/** A check or commit that has written no progress for this long died with its process. */
const STALL_MS = 10 * 60 * 1000;

/** What an import looks like to its officer. */
export interface ImportView {
  id: string;
  status: ImportStatus;
  fileName: string;
  fileSize: number;
  unitId: string;
  unitName: string;
  channel: string;
  /** Which column fills which field: as given, else as guessed (only the columns the file has). */
  mapping: Record<string, string>;
  /** The file's header row as read by the check; empty until then. */
  headers: string[];
  rowsTotal: number | null;
  rowsValid: number | null;
  rowsInvalid: number | null;
  rowsDuplicate: number | null;
  rowsDone: number;
  progress: number;
  errors: StoredRowError[];
  preview: ImportPreviewRow[];
  errorCode: string | null;
  errorParams: Record<string, string | number>;
  createdAt: Date;
  finishedAt: Date | null;
}

/** An import the actor may see and act on: an officer or leader whose subtree holds its unit. */
async function requireImport(db: Executor, actor: UserActor, importId: string) {
  const record = await findImportById(db, importId);
  if (!record) throw notFound("import.not_found");
  if (!canEnterOpinion(actor) || !(await isInSubtree({ db, rootId: actor.unitId, unitId: record.unit_id }))) {
    throw forbidden();
  }
  return record;
}

function recordOf(row: NonNullable<Awaited<ReturnType<typeof findImportById>>>): ImportRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    fileName: row.file_name,
    channel: row.channel as OpinionChannel,
    mapping: (row.mapping ?? undefined) as ColumnMapping | undefined,
  };
}

/**
 * Stores an uploaded file for `unitId` (the actor's unit by default) and checks it in the background: poll
 * `getImport` for its progress and result. Officers and leaders, for a unit of their subtree.
 */
export async function startImport({
  db,
  actor,
  unitId = actor.unitId,
  fileName,
  data,
  mapping,
  channel = "import",
  ip = null,
  log,
}: {
  db: Executor;
  actor: UserActor;
  unitId?: string;
  fileName: string;
  data: Buffer;
  mapping?: ColumnMapping;
  channel?: OpinionChannel;
  ip?: string | null;
  log?: ImportLog;
}): Promise<{ id: string; status: ImportStatus }> {
  if (!canEnterOpinion(actor)) throw forbidden();
  const unit = await requireActiveUnit({ db, unitId });
  if (!(await isInSubtree({ db, rootId: actor.unitId, unitId }))) throw forbidden();
  if (data.length === 0) throw badRequest("import.upload_empty");
  await deleteStaleImportFiles(db, new Date(nowMs() - FILE_KEPT_MS));
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertImport(trx, { unitId, createdBy: actor.id, fileName, data, channel, mapping: mapping ?? null });
    await recordAudit({
      db: trx,
      actor,
      action: "opinion.import.start",
      entityType: "opinion_import",
      entityId: id,
      details: { unitId, fileName, fileSize: data.length, channel },
      ip,
    });
    return id;
  });
  const record: ImportRecord = { id, unitId, unitName: unit.name, fileName, channel, mapping };
  inBackground(db, id, () => checkImport({ db, actor, record, data, log }), log);
  return { id, status: "parsing" };
}

async function checkImport({
  db,
  actor,
  record,
  data,
  log,
}: {
  db: Executor;
  actor: UserActor;
  record: ImportRecord;
  data: Buffer;
  log: ImportLog | undefined;
}) {
  const progress = progressWriter(db, record.id, "parsing", log);
  let outcome: ImportChanges;
  try {
    const analysis = await analyseImport({ db, actor, record, data, onProgress: (rows, share) => progress.report(rows, share) });
    outcome = checkedState(analysis);
  } catch (error) {
    if (!(error instanceof ImportFileError)) log?.error({ err: error, importId: record.id }, "import check failed");
    const isMapping = error instanceof ImportMappingError;
    outcome = {
      status: "failed",
      errorCode: error instanceof ImportFileError ? error.code : "import.parse_failed",
      errorParams: error instanceof ImportFileError ? error.params : {},
      finishedAt: now(),
      // The officer may choose other columns and check the same file again (`remapImport`).
      ...(isMapping && { headers: error.headers, mapping: error.mapping as Record<string, string> }),
      // Otherwise nothing of it can be imported.
      dropFile: !isMapping,
    };
  }
  await progress.close();
  await updateImport(db, record.id, "parsing", outcome);
}

/**
 * The state of an import: status, counts, progress, the first per-row errors and a preview. A check or a
 * commit that stopped reporting long ago died with its process: it is marked interrupted.
 */
export async function getImport({ db, actor, importId }: { db: Executor; actor: UserActor; importId: string }): Promise<ImportView> {
  let row = await requireImport(db, actor, importId);
  const isBusy = row.status === "parsing" || row.status === "importing";
  if (isBusy && !isImportRunningHere(db, importId) && nowMs() - row.updated_at.getTime() > STALL_MS) {
    await updateImport(
      db,
      importId,
      row.status,
      row.status === "parsing"
        ? { status: "failed", errorCode: "import.interrupted", finishedAt: now(), dropFile: true }
        : { status: "ready", errorCode: "import.interrupted", rowsDone: 0, progress: 0 },
    );
    row = await requireImport(db, actor, importId);
  }
  return {
    id: row.id,
    status: row.status,
    fileName: row.file_name,
    fileSize: row.file_size,
    unitId: row.unit_id,
    unitName: row.unit_name,
    channel: row.channel,
    mapping: row.mapping ?? {},
    headers: row.headers ?? [],
    rowsTotal: row.rows_total,
    rowsValid: row.rows_valid,
    rowsInvalid: row.rows_invalid,
    rowsDuplicate: row.rows_duplicate,
    rowsDone: row.rows_done,
    progress: row.progress,
    errors: row.errors,
    preview: row.preview as unknown as ImportPreviewRow[],
    errorCode: row.error_code,
    errorParams: row.error_params,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Checks the stored file again with the columns the officer chose (field → header as read), in the
 * background as at upload: for an export of another system whose headers the guess does not know. From
 * 'ready' or 'failed' only (never while checking or importing, nor once imported), while the file is kept.
 */
export async function remapImport({
  db,
  actor,
  importId,
  mapping,
  ip = null,
  log,
}: {
  db: Executor;
  actor: UserActor;
  importId: string;
  mapping: ColumnMapping;
  ip?: string | null;
  log?: ImportLog;
}): Promise<{ id: string; status: ImportStatus }> {
  const row = await requireImport(db, actor, importId);
  if (row.status !== "ready" && row.status !== "failed") throw conflict("import.not_ready", { status: row.status });
  if (!row.has_file || row.headers === null) {
    throw conflict(row.status === "ready" ? "import.file_expired" : "import.not_ready", { status: row.status });
  }
  const headers = row.headers;
  const chosen = Object.fromEntries(Object.entries(mapping).filter(([, header]) => header !== undefined && header !== ""));
  if (chosen.content === undefined) throw badRequest("import.content_column_missing", "mapping.content");
  for (const [field, header] of Object.entries(chosen)) {
    if (!headers.includes(header)) {
      throw new AppError(400, "import.mapping_unknown_column", { field: `mapping.${field}`, params: { column: header } });
    }
  }
  const data = await findImportFile(db, importId);
  if (!data) throw conflict("import.file_expired");
  const claimed = await db.transaction().execute(async (trx) => {
    const changed = await updateImport(trx, importId, ["ready", "failed"], {
      status: "parsing",
      mapping: chosen,
      rowsTotal: null,
      rowsValid: null,
      rowsInvalid: null,
      rowsDuplicate: null,
      rowsDone: 0,
      progress: 0,
      errors: [],
      preview: [],
      errorCode: null,
      errorParams: {},
      finishedAt: null,
    });
    if (!changed) return false;
    await recordAudit({
      db: trx,
      actor,
      action: "opinion.import.remap",
      entityType: "opinion_import",
      entityId: importId,
      details: { mapping: chosen, from: row.status },
      ip,
    });
    return true;
  });
  if (!claimed) throw conflict("import.not_ready", { status: row.status });
  const record: ImportRecord = { ...recordOf(row), mapping: chosen };
  inBackground(db, importId, () => checkImport({ db, actor, record, data, log }), log);
  return { id: importId, status: "parsing" };
}

/**
 * Imports every new row of a checked file without errors, in the background: one transaction, so either
 * all of them are stored (each with its first timeline step and audit entry) or none. Rows imported before
 * by the same unit are skipped. Only from 'ready' with no invalid row: otherwise the officer fixes the file
 * and uploads it again.
 */
export async function commitImport({
  db,
  keys,
  actor,
  importId,
  ip = null,
  log,
}: {
  db: Executor;
  keys: Keys;
  actor: UserActor;
  importId: string;
  ip?: string | null;
  log?: ImportLog;
}): Promise<{ id: string; status: ImportStatus }> {
  const row = await requireImport(db, actor, importId);
  if (row.status !== "ready") throw conflict("import.not_ready");
  if ((row.rows_invalid ?? 0) > 0) throw conflict("import.has_errors");
  if (!row.has_file) throw conflict("import.file_expired");
  const claimed = await updateImport(
    db,
    importId,
    "ready",
    { status: "importing", rowsDone: 0, progress: 0, errorCode: null, errorParams: {} },
    { withoutInvalidRows: true },
  );
  if (!claimed) throw conflict("import.not_ready");
  inBackground(db, importId, () => storeImport({ db, keys, actor, record: recordOf(row), ip, log }), log);
  return { id: importId, status: "importing" };
}
