import { sql } from "kysely";
import type { Executor } from "../db/index.ts";
import type { ForumKeyFigure } from "../db/schema.forums.ts";
import type { ForumStatus } from "./forums.workflow.ts";
import { now as clockNow } from "../calendar/clock.ts";

/* Forums: SQL only, no business rules. Items, supports and minutes are in forums.items.queries.ts. */

const forumColumns = [
  "f.id",
  "f.unit_id",
  "u.name as unit_name",
  "u.short_name as unit_short_name",
  "u.parent_id as unit_parent_id",
  "f.title",
  "f.co_organisers",
  "f.starts_at",
  "f.planned_end_at",
  "f.location_unit_id",
  "l.name as location_name",
  "f.hamlet",
  "f.place",
  "f.chair_name",
  "f.secretary_name",
  "f.invited_groups",
  "f.expected_attendance",
  "f.attendance",
  "f.report_text",
  "f.key_figures",
  "f.status",
  "f.started_at",
  "f.ended_at",
  "f.current_item_id",
] as const;

/** The values of a forum as the planner writes them. */
export interface ForumValues {
  title: string;
  coOrganisers: string;
  startsAt: Date;
  plannedEndAt: Date | null;
  locationUnitId: string | null;
  hamlet: string | null;
  place: string;
  chairName: string;
  secretaryName: string;
  invitedGroups: string;
  expectedAttendance: number | null;
  reportText: string;
  keyFigures: ForumKeyFigure[];
}

function columnsOf(v: ForumValues) {
  return {
    title: v.title,
    co_organisers: v.coOrganisers,
    starts_at: v.startsAt,
    planned_end_at: v.plannedEndAt,
    location_unit_id: v.locationUnitId,
    hamlet: v.hamlet,
    place: v.place,
    chair_name: v.chairName,
    secretary_name: v.secretaryName,
    invited_groups: v.invitedGroups,
    expected_attendance: v.expectedAttendance,
    report_text: v.reportText,
    key_figures: JSON.stringify(v.keyFigures),
  };
}

/** Stores a new forum; returns its id. */
export async function insertForum(db: Executor, row: ForumValues & { unitId: string; createdBy: string; id?: string }) {
  const inserted = await db
    .insertInto("forums")
    .values({ ...columnsOf(row), ...(row.id ? { id: row.id } : {}), unit_id: row.unitId, created_by: row.createdBy })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Rewrites a forum's details while its status is `status`; false when it changed meanwhile. */
export async function updateForum(db: Executor, id: string, status: ForumStatus, row: ForumValues & { attendance: number | null }) {
  const result = await db
    .updateTable("forums")
    .set({ ...columnsOf(row), attendance: row.attendance, updated_at: clockNow() })
    .where("id", "=", id)
    .where("status", "=", status)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Forums with their unit's and place's names and their number of opinions. */
function selectForums(db: Executor) {
  return db
    .selectFrom("forums as f")
    .innerJoin("units as u", "u.id", "f.unit_id")
    .leftJoin("units as l", "l.id", "f.location_unit_id")
    .leftJoin("forum_report_files as r", "r.forum_id", "f.id")
    .select(forumColumns)
    .select(["r.file_name as report_file_name", "r.size as report_file_size"])
    .select((eb) =>
      eb.selectFrom("forum_items as i").whereRef("i.forum_id", "=", "f.id").select(sql<number>`count(*)::int`.as("n")).as("opinion_count"),
    );
}

/** One forum with its unit's and place's names. */
export async function findForumById(db: Executor, id: string) {
  return selectForums(db)
    .where("f.id", "=", id)
    .executeTakeFirst();
}
export type ForumRecord = NonNullable<Awaited<ReturnType<typeof findForumById>>>;

/** The forums of `unitIds` starting in [from, to), by start time. */
export async function listForumsOfUnits(db: Executor, { unitIds, from, to }: { unitIds: string[]; from: Date; to: Date }) {
  if (unitIds.length === 0) return [];
  return selectForums(db)
    .where("f.unit_id", "in", unitIds)
    .where("f.starts_at", ">=", from)
    .where("f.starts_at", "<", to)
    .orderBy("f.starts_at")
    .orderBy("f.id")
    .limit(1000)
    .execute();
}

/** Moves a forum from `from` to `to`, stamping the start or the end; false when its status changed meanwhile. */
export async function updateForumStatus(db: Executor, { id, from, to, at }: { id: string; from: ForumStatus; to: ForumStatus; at: Date }) {
  const result = await db
    .updateTable("forums")
    .set({
      status: to,
      updated_at: at,
      ...(to === "live" ? { started_at: at } : {}),
      ...(to === "ended" ? { ended_at: at } : {}),
    })
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Puts an item on the projector (or none). */
export async function setCurrentItem(db: Executor, forumId: string, itemId: string | null) {
  await db.updateTable("forums").set({ current_item_id: itemId }).where("id", "=", forumId).execute();
}

/** Active commune-level units among `unitIds` on `day`, with the forums held there in [from, to). */
export async function coverageOfCommunes(
  db: Executor,
  { unitIds, day, from, to }: { unitIds: string[]; day: string; from: Date; to: Date },
) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom("units as c")
    .leftJoin("forums as f", (join) =>
      join
        .onRef("f.location_unit_id", "=", "c.id")
        .on("f.status", "in", ["live", "ended"])
        .on("f.starts_at", ">=", from)
        .on("f.starts_at", "<", to),
    )
    .select([
      "c.id",
      "c.name",
      sql<number>`count(f.id)::int`.as("forum_count"),
      sql<string[]>`coalesce(array_agg(DISTINCT f.hamlet) FILTER (WHERE f.hamlet IS NOT NULL), '{}')`.as("hamlets"),
      sql<Date | null>`max(f.starts_at)`.as("last_held_at"),
    ])
    .where("c.id", "in", unitIds)
    .where("c.level_code", "=", "commune")
    .where("c.valid_from", "<=", day)
    .where((eb) => eb.or([eb("c.valid_to", "is", null), eb("c.valid_to", ">=", day)]))
    .groupBy(["c.id", "c.name"])
    .execute();
}

/**
 * The figures of the forums held by `unitIds` in [from, to) (DOMAIN.md §5). Written answers count as due once
 * answered or past their deadline at `now`.
 */
export async function summariseForums(db: Executor, { unitIds, from, to, now }: { unitIds: string[]; from: Date; to: Date; now: Date }) {
  if (unitIds.length === 0) return undefined;
  const result = await sql<{
    forums_held: number;
    attendees: number;
    opinions: number;
    on_spot: number;
    written: number;
    written_answered: number;
    written_on_time: number;
    written_due: number;
  }>`
    WITH ${heldItems(unitIds, from, to)}
    SELECT
      (SELECT count(*)::int FROM held) AS forums_held,
      (SELECT coalesce(sum(attendance), 0)::int FROM held) AS attendees,
      (SELECT count(*)::int FROM items) AS opinions,
      (SELECT count(*)::int FROM items WHERE mark = 'on_spot') AS on_spot,
      (SELECT count(*)::int FROM items WHERE mark = 'written') AS written,
      (SELECT count(*)::int FROM items WHERE mark = 'written' AND answered_at IS NOT NULL) AS written_answered,
      (SELECT count(*)::int FROM items WHERE mark = 'written' AND answered_at IS NOT NULL
         AND (answer_due_at IS NULL OR answered_at <= answer_due_at)) AS written_on_time,
      (SELECT count(*)::int FROM items WHERE mark = 'written' AND (answered_at IS NOT NULL OR answer_due_at < ${now})) AS written_due`.execute(db);
  return result.rows[0];
}

// The forums held in the period and the opinions raised at them that count (a hidden phone opinion does not).
function heldItems(unitIds: string[], from: Date, to: Date) {
  return sql`held AS (
      SELECT id, coalesce(attendance, 0) AS attendance FROM forums
      WHERE unit_id IN (${sql.join(unitIds)}) AND status IN ('live', 'ended') AND starts_at >= ${from} AND starts_at < ${to}
    ), items AS (
      SELECT i.mark, o.answered_at, o.answer_due_at, o.topics
      FROM forum_items i JOIN held h ON h.id = i.forum_id JOIN opinions o ON o.id = i.opinion_id
      WHERE i.moderation <> 'hidden' OR i.source = 'secretary'
    )`;
}

/** The counted opinions of the forums held in the period per topic code; `topic` null counts those with none. */
export async function countForumOpinionsByTopic(db: Executor, { unitIds, from, to }: { unitIds: string[]; from: Date; to: Date }) {
  if (unitIds.length === 0) return [];
  const result = await sql<{ topic: string | null; count: number }>`
    WITH ${heldItems(unitIds, from, to)}
    SELECT t.topic, count(*)::int AS count
    FROM items LEFT JOIN LATERAL unnest(items.topics) AS t(topic) ON true
    GROUP BY t.topic`.execute(db);
  return result.rows;
}
