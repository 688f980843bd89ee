import type { Executor } from "../db/index.ts";
import { now } from "../calendar/clock.ts";

/* The file of a forum's report: SQL only. */

/** Stores (or replaces) the report file of a forum. */
export async function upsertReportFile(
  db: Executor,
  row: { forumId: string; fileName: string; contentType: string; content: Buffer; userId: string },
) {
  const values = {
    file_name: row.fileName,
    content_type: row.contentType,
    content: row.content,
    size: row.content.length,
    uploaded_by: row.userId,
    uploaded_at: now(),
  };
  await db
    .insertInto("forum_report_files")
    .values({ forum_id: row.forumId, ...values })
    .onConflict((oc) => oc.column("forum_id").doUpdateSet(values))
    .execute();
}

/** A forum's report file with its content. */
export async function findReportFile(db: Executor, forumId: string) {
  return db
    .selectFrom("forum_report_files")
    .select(["file_name", "content_type", "content", "size"])
    .where("forum_id", "=", forumId)
    .executeTakeFirst();
}
