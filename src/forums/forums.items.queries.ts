import { sql } from "kysely";
import type { Executor } from "../db/index.ts";
import type { ForumMark, ModerationState } from "./forums.workflow.ts";
import { now } from "../calendar/clock.ts";

/* The opinions raised at a forum (items), their supports, and the minutes: SQL only. */

const itemColumns = [
  "i.id",
  "i.forum_id",
  "i.opinion_id",
  "i.tracking_code",
  "i.source",
  "i.speaker",
  "i.kind",
  "i.display_text",
  "i.moderation",
  "i.mark",
  "i.mark_note",
  "i.support_count",
  "i.created_at",
] as const;

/** Links an opinion to a forum; nothing happens when it is linked already (a resent entry). Returns the item's id. */
export async function insertForumItem(
  db: Executor,
  row: {
    forumId: string;
    opinionId: string;
    trackingCode: string;
    source: "secretary" | "citizen";
    speaker: string | null;
    kind: string;
    displayText: string;
    moderation: ModerationState;
  },
) {
  await db
    .insertInto("forum_items")
    .values({
      forum_id: row.forumId,
      opinion_id: row.opinionId,
      tracking_code: row.trackingCode,
      source: row.source,
      speaker: row.speaker,
      kind: row.kind,
      display_text: row.displayText,
      moderation: row.moderation,
      moderated_at: row.moderation === "pending" ? null : now(),
    })
    .onConflict((oc) => oc.column("opinion_id").doNothing())
    .execute();
  const item = await db.selectFrom("forum_items").select(["id", "forum_id"]).where("opinion_id", "=", row.opinionId).executeTakeFirstOrThrow();
  return item;
}

/** One item of a forum. */
export async function findForumItem(db: Executor, forumId: string, itemId: string) {
  return db
    .selectFrom("forum_items as i")
    .innerJoin("opinions as o", "o.id", "i.opinion_id")
    .select(itemColumns)
    .select(["o.content as original_text", "o.status as opinion_status"])
    .where("i.forum_id", "=", forumId)
    .where("i.id", "=", itemId)
    .executeTakeFirst();
}

/** Every item of a forum, oldest first, with the opinion's text, status and approved written answer. */
export async function listForumItems(db: Executor, forumId: string, { onlyShown }: { onlyShown: boolean }) {
  let query = db
    .selectFrom("forum_items as i")
    .innerJoin("opinions as o", "o.id", "i.opinion_id")
    .select(itemColumns)
    .select([
      "o.content as original_text",
      "o.status as opinion_status",
      "o.answer_due_at",
      "o.topics",
      (eb) =>
        eb
          .selectFrom("opinion_answers as a")
          .whereRef("a.opinion_id", "=", "i.opinion_id")
          .where("a.status", "=", "approved")
          .select("a.content")
          .orderBy("a.created_at", "desc")
          .limit(1)
          .as("answer_content"),
    ])
    .where("i.forum_id", "=", forumId);
  if (onlyShown) query = query.where("i.moderation", "=", "shown");
  return query.orderBy("i.created_at").orderBy("i.id").limit(2000).execute();
}
export type ForumItemRow = Awaited<ReturnType<typeof listForumItems>>[number];

/** The projector's view: shown items not yet marked, by supports, and the current one. */
export async function listProjectorItems(db: Executor, forumId: string, limit: number) {
  return db
    .selectFrom("forum_items as i")
    .select(["i.id", "i.display_text", "i.kind", "i.support_count", "i.speaker", "i.source", "i.mark", "i.created_at"])
    .where("i.forum_id", "=", forumId)
    .where("i.moderation", "=", "shown")
    .where("i.mark", "is", null)
    .orderBy("i.support_count", "desc")
    .orderBy("i.created_at")
    .limit(limit)
    .execute();
}

/** The items the chair showed last, newest first (the projector's "just in" list). */
export async function listLatestShown(db: Executor, forumId: string, limit: number) {
  return db
    .selectFrom("forum_items as i")
    .select(["i.id", "i.display_text", "i.kind", "i.support_count"])
    .where("i.forum_id", "=", forumId)
    .where("i.moderation", "=", "shown")
    .orderBy("i.moderated_at", "desc")
    .orderBy("i.id")
    .limit(limit)
    .execute();
}

/** Counts of a forum's items for its screens. */
export async function countForumItems(db: Executor, forumId: string) {
  const row = await db
    .selectFrom("forum_items")
    .select([
      sql<number>`count(*) FILTER (WHERE moderation = 'shown')::int`.as("shown"),
      sql<number>`count(*) FILTER (WHERE moderation = 'pending')::int`.as("pending"),
      sql<number>`count(*) FILTER (WHERE mark = 'on_spot')::int`.as("on_spot"),
      sql<number>`count(*) FILTER (WHERE mark IS NOT NULL)::int`.as("marked"),
    ])
    .where("forum_id", "=", forumId)
    .executeTakeFirstOrThrow();
  return row;
}

/** Sets an item's moderation state. */
export async function updateModeration(db: Executor, itemId: string, moderation: ModerationState) {
  await db.updateTable("forum_items").set({ moderation, moderated_at: now() }).where("id", "=", itemId).execute();
}

/** Records the chair's mark once; false when the item was marked meanwhile. */
export async function updateMark(db: Executor, itemId: string, mark: ForumMark, note: string | null) {
  const result = await db
    .updateTable("forum_items")
    .set({ mark, mark_note: note, marked_at: now() })
    .where("id", "=", itemId)
    .where("mark", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * One device's support of a shown item, counted once: the support row and the counter change together.
 * Returns the item's count and whether this call added the support.
 */
export async function addSupport(db: Executor, itemId: string, deviceHash: string) {
  const result = await sql<{ support_count: number; added: boolean }>`
    WITH added AS (
      INSERT INTO forum_supports (item_id, device_hash) VALUES (${itemId}, ${deviceHash})
      ON CONFLICT DO NOTHING RETURNING item_id
    ), bumped AS (
      UPDATE forum_items SET support_count = support_count + 1
      WHERE id = ${itemId} AND EXISTS (SELECT 1 FROM added) RETURNING support_count
    )
    SELECT coalesce((SELECT support_count FROM bumped), (SELECT support_count FROM forum_items WHERE id = ${itemId}))::int AS support_count,
           EXISTS (SELECT 1 FROM added) AS added`.execute(db);
  const row = result.rows[0];
  return { supportCount: row?.support_count ?? 0, added: row?.added === true };
}

/** A forum's minutes, if any were written. */
export async function findMinutes(db: Executor, forumId: string) {
  return db.selectFrom("forum_minutes").selectAll().where("forum_id", "=", forumId).executeTakeFirst();
}

/** Writes the draft minutes (creating them the first time); false when they are final. */
export async function upsertMinutesDraft(
  db: Executor,
  row: { forumId: string; attendees: string; proceedings: string; closingNote: string; endedAt: Date | null },
) {
  const values = {
    attendees: row.attendees,
    proceedings: row.proceedings,
    closing_note: row.closingNote,
    ended_at: row.endedAt,
    updated_at: now(),
  };
  const result = await db
    .insertInto("forum_minutes")
    .values({ forum_id: row.forumId, ...values })
    .onConflict((oc) => oc.column("forum_id").doUpdateSet(values).where("forum_minutes.status", "=", "draft"))
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Makes the minutes final with their document and its hash; false when they were final already. */
export async function finaliseMinutes(db: Executor, row: { forumId: string; document: Buffer; contentHash: string; userId: string }) {
  const result = await db
    .updateTable("forum_minutes")
    .set({ status: "final", document: row.document, content_hash: row.contentHash, finalised_at: now(), finalised_by: row.userId })
    .where("forum_id", "=", row.forumId)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
