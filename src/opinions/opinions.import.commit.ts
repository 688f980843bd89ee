/**
 * The commit of a checked import: the file read again, then every new row stored in one transaction — each
 * opinion made by intake as every other channel's (routing, deadline, encrypted contact, audit entry) — or,
 * if anything fails, nothing.
 */
import { recordAudit } from "../audit/audit.service.ts";
import type { UserActor } from "../auth/actor.ts";
import type { Keys } from "../crypto/keys.ts";
import type { Executor } from "../db/index.ts";
import { analyseImport, checkedState, intakeOfRow, type ImportRecord } from "./opinions.import.analysis.ts";
import { progressWriter, type ImportLog } from "./opinions.import.progress.ts";
import { findImportFile, listExistingImportFingerprints, updateImport } from "./opinions.import.queries.ts";
import { ImportFileError } from "./opinions.import.ts";
import { prepareReceivedOpinions, storeReceivedOpinions } from "./opinions.intake.service.ts";
import { now as clockNow } from "../calendar/clock.ts";

/** Rows per INSERT statement (28 parameter arrays each). */
const INSERT_BATCH = 1_000;
/** Fingerprints per look-up of earlier imports. */
const LOOKUP_CHUNK = 5_000;
/** Share of the progress bar given to reading the file again; the rest is storing the rows. */
const READ_SHARE = 0.25;

/** A commit that cannot go on, with the code the officer is shown. */
class CommitStopped extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * Stores every new row of an import that is 'importing', then marks it 'done' and deletes its file, in one
 * transaction. On any failure the transaction rolls back and the import returns to 'ready' with the reason;
 * rows found invalid now (a unit closed since the check) return it to 'ready' with the new errors.
 */
export async function storeImport({
  db,
  keys,
  actor,
  record,
  ip,
  log,
}: {
  db: Executor;
  keys: Keys;
  actor: UserActor;
  record: ImportRecord;
  ip: string | null;
  log: ImportLog | undefined;
}): Promise<void> {
  const progress = progressWriter(db, record.id, "importing", log);
  try {
    const data = await findImportFile(db, record.id);
    if (!data) throw new CommitStopped("import.file_expired");
    const analysis = await analyseImport({ db, actor, record, data, onProgress: (_, share) => progress.report(0, share * READ_SHARE) });
    if (analysis.invalid > 0) {
      await progress.close();
      await updateImport(db, record.id, "importing", { ...checkedState(analysis), errorCode: "import.has_errors" });
      return;
    }
    const total = analysis.valid.length;
    let imported = 0;
    await db.transaction().execute(async (trx) => {
      // Looked up again inside the transaction: another import may have stored some rows since the check.
      const known = new Set<string>();
      for (let start = 0; start < total; start += LOOKUP_CHUNK) {
        const chunk = analysis.valid.slice(start, start + LOOKUP_CHUNK).map((r) => r.fingerprint);
        for (const fingerprint of await listExistingImportFingerprints(trx, chunk)) known.add(fingerprint);
      }
      const fresh = analysis.valid.filter((r) => !known.has(r.fingerprint));
      const now = clockNow();
      // Each batch is prepared (routing, deadlines, encryption) while the database stores the one before.
      let storing: Promise<void> | undefined;
      for (let start = 0; start < fresh.length; start += INSERT_BATCH) {
        const batch = fresh.slice(start, start + INSERT_BATCH);
        const inputs = batch.map((row) => intakeOfRow({ importId: record.id, row, now }));
        const rows = await prepareReceivedOpinions({ db: trx, keys, actor, inputs, ip });
        await storing;
        storing = storeReceivedOpinions(trx, rows).then((stored) => {
          // A unit closed since the check: its rows were not stored, so none may be.
          if (stored.some((s) => s === undefined)) throw new CommitStopped("import.commit_failed");
          imported += rows.length;
          progress.report(known.size + imported, READ_SHARE + ((1 - READ_SHARE) * (known.size + imported)) / total);
        });
        storing.catch(() => {}); // awaited below; this only keeps it from counting as unhandled meanwhile
        // PGlite runs in this thread: let the server answer what needs no database between two statements.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await storing;
      const finished = await updateImport(trx, record.id, "importing", {
        ...checkedState(analysis),
        status: "done",
        rowsDuplicate: known.size,
        rowsDone: total,
        finishedAt: clockNow(),
        dropFile: true,
      });
      if (!finished) throw new CommitStopped("import.commit_failed");
      await recordAudit({
        db: trx,
        actor,
        action: "opinion.import.commit",
        entityType: "opinion_import",
        entityId: record.id,
        details: { rows: analysis.total, imported, duplicates: known.size, unitId: record.unitId },
        ip,
      });
    });
    await progress.close();
  } catch (error) {
    await progress.close();
    const code = error instanceof CommitStopped || error instanceof ImportFileError ? error.code : "import.commit_failed";
    if (!(error instanceof CommitStopped)) log?.error({ err: error, importId: record.id }, "import commit rolled back");
    await updateImport(db, record.id, "importing", { status: "ready", errorCode: code, rowsDone: 0, progress: 0 });
    await recordAudit({
      db,
      actor,
      action: "opinion.import.commit_failed",
      entityType: "opinion_import",
      entityId: record.id,
      details: { code },
      ip,
    });
  }
}
