import { extname } from "node:path";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.ts";
import type { UserActor } from "../auth/actor.ts";
import type { Database, Executor } from "../db/index.ts";
import { AppError, badRequest, notFound } from "../http/errors.ts";
import { findReportFile, upsertReportFile } from "./forums.report.queries.ts";
import { loadForumToRun, loadPublicForum } from "./forums.service.ts";

/** The largest report file accepted. */
export const MAX_REPORT_FILE_BYTES = 10 * 1024 * 1024;

/** The kinds of file a report may be, by extension, with the bytes each must start with. */
const KINDS: Record<string, { type: string; magic: number[] }> = {
  ".pdf": { type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46] },
  ".docx": { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: [0x50, 0x4b, 0x03, 0x04] },
  ".pptx": { type: "application/vnd.openxmlformats-officedocument.presentationml.presentation", magic: [0x50, 0x4b, 0x03, 0x04] },
  ".xlsx": { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: [0x50, 0x4b, 0x03, 0x04] },
  ".png": { type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47] },
  ".jpg": { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  ".jpeg": { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
};

/**
 * Attaches the unit's report (PDF, Word, PowerPoint, Excel, PNG or JPEG) to a forum the actor runs, replacing
 * the previous one; the name's extension must match the file's first bytes. Audited.
 */
export async function attachReportFile({
  db,
  actor,
  forumId,
  fileName,
  data,
}: {
  db: Kysely<Database>;
  actor: UserActor;
  forumId: string;
  fileName: string;
  data: Buffer;
}) {
  await loadForumToRun(db, actor, forumId);
  const name = fileName.normalize("NFC").trim();
  if (data.length === 0) throw badRequest("forum.report_file_empty");
  const kind = KINDS[extname(name).toLowerCase()];
  if (!kind || !kind.magic.every((byte, i) => data[i] === byte)) throw new AppError(415, "forum.report_file_type", { field: "fileName" });
  await db.transaction().execute(async (trx) => {
    await upsertReportFile(trx, { forumId, fileName: name, contentType: kind.type, content: data, userId: actor.id });
    await recordAudit({ db: trx, actor, action: "forum.report_file", entityType: "forum", entityId: forumId, details: { fileName: name, size: data.length } });
  });
  return { name, size: data.length };
}

/** The report file of a forum, for its public page. */
export async function getReportFile({ db, forumId }: { db: Executor; forumId: string }) {
  await loadPublicForum(db, forumId);
  const file = await findReportFile(db, forumId);
  if (!file) throw notFound("forum.report_file_missing");
  return { name: file.file_name, contentType: file.content_type, content: file.content };
}
