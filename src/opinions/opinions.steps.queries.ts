import { sql } from "kysely";
import type { Executor } from "../db/index.ts";
import { now as clockNow } from "../calendar/clock.ts";

/** The columns a workflow step may change besides the status. */
export interface OpinionChanges {
  unit_id?: string;
  kind?: string;
  content_group?: string | null;
  topics?: string[];
  urgency?: string;
  answer_due_at?: Date | null;
  assigned_user_id?: string | null;
  answered_at?: Date;
  answer_method?: "written" | "on_spot";
  routed_track?: string;
  routed_to?: string;
  transferred_to?: string;
  merged_into_id?: string;
  reopen_count?: number;
  closed_at?: Date | null;
  rating?: number;
  rating_comment?: string | null;
  rated_at?: Date;
}

/**
 * Moves an opinion from `fromStatus` to `toStatus` with `changes`; false when its status changed meanwhile
 * (another officer's step won the race), so the caller can refuse rather than overwrite.
 */
export async function updateOpinionInStatus(
  db: Executor,
  change: { id: string; fromStatus: string; toStatus: string; changes?: OpinionChanges },
): Promise<boolean> {
  const result = await db
    .updateTable("opinions")
    .set({ ...change.changes, status: change.toStatus, updated_at: clockNow() })
    .where("id", "=", change.id)
    .where("status", "=", change.fromStatus)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Replaces an opinion's topics, whatever its status. */
export async function updateOpinionTopics(db: Executor, id: string, topics: string[]) {
  await db.updateTable("opinions").set({ topics, updated_at: clockNow() }).where("id", "=", id).execute();
}

/** Appends a step to the opinion's timeline. */
export async function insertOpinionEvent(
  db: Executor,
  event: {
    opinionId: string;
    type: string;
    fromStatus: string | null;
    toStatus: string;
    actorUserId: string | null;
    note?: string | null;
    details?: Record<string, unknown>;
  },
) {
  await db
    .insertInto("opinion_events")
    .values({
      opinion_id: event.opinionId,
      type: event.type,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      actor_user_id: event.actorUserId,
      note: event.note ?? null,
      details: JSON.stringify(event.details ?? {}),
      at: clockNow(),
    })
    .execute();
}

/** Stores an answer (a draft awaiting approval, or approved at once); returns its id and time. */
export async function insertOpinionAnswer(
  db: Executor,
  answer: {
    opinionId: string;
    content: string;
    authorId: string;
    status: "pending" | "approved";
    method: "written" | "on_spot";
  },
) {
  const approved = answer.status === "approved";
  return db
    .insertInto("opinion_answers")
    .values({
      opinion_id: answer.opinionId,
      content: answer.content,
      author_id: answer.authorId,
      status: answer.status,
      method: answer.method,
      reviewer_id: approved ? answer.authorId : null,
      reviewed_at: approved ? clockNow() : null,
      created_at: clockNow(),
    })
    .returning(["id", "created_at"])
    .executeTakeFirstOrThrow();
}

/** The draft answer awaiting approval, if any. */
export async function findPendingAnswer(db: Executor, opinionId: string) {
  return db
    .selectFrom("opinion_answers")
    .select(["id", "content", "author_id", "created_at"])
    .where("opinion_id", "=", opinionId)
    .where("status", "=", "pending")
    .executeTakeFirst();
}

/** A leader's decision on a pending answer; false when it was no longer pending. */
export async function reviewAnswer(
  db: Executor,
  review: { answerId: string; opinionId: string; status: "approved" | "returned"; reviewerId: string; comment: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable("opinion_answers")
    .set({ status: review.status, reviewer_id: review.reviewerId, reviewed_at: clockNow(), review_comment: review.comment })
    .where("id", "=", review.answerId)
    .where("opinion_id", "=", review.opinionId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The approved answer of an opinion that others were merged into, for the merged ones' tracking pages. */
export async function findLatestApprovedAnswer(db: Executor, opinionId: string) {
  return db
    .selectFrom("opinion_answers")
    .select(["id", "content", "created_at", "method"])
    .where("opinion_id", "=", opinionId)
    .where("status", "=", "approved")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Opinions merged into `opinionId` that are still MERGED: they follow the primary's answer. */
export async function listMergedOpinionIds(db: Executor, opinionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("opinions")
    .select("id")
    .where("merged_into_id", "=", opinionId)
    .execute();
  return rows.map((r) => r.id);
}

/** The active topic codes, in their configured order. */
export async function listTopics(db: Executor) {
  return db
    .selectFrom("topics")
    .select(["code", "name_vi", "name_en"])
    .where("is_active", "=", true)
    .orderBy("sort_order")
    .orderBy("code")
    .execute();
}

/** Every routing rule, most specific and highest priority first. */
export async function listRoutingRules(db: Executor) {
  return db
    .selectFrom("routing_rules")
    .select(["id", "location_unit_id", "topic", "kind", "target_unit_id", "priority"])
    .orderBy("priority", "desc")
    .orderBy("created_at")
    .execute();
}

/** Stores a routing rule; returns its id. */
export async function insertRoutingRule(
  db: Executor,
  rule: { locationUnitId: string | null; topic: string | null; kind: string | null; targetUnitId: string; priority: number },
) {
  const row = await db
    .insertInto("routing_rules")
    .values({
      location_unit_id: rule.locationUnitId,
      topic: rule.topic,
      kind: rule.kind,
      target_unit_id: rule.targetUnitId,
      priority: rule.priority,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The least trigram similarity of two folded texts for them to be offered as possible duplicates. */
const MIN_SIMILARITY = 0.4;

/**
 * Open opinions of the same unit whose folded text is similar to `searchText`, most similar first: the `%`
 * operator (pg_trgm's threshold, 0.3) lets the trigram index find candidates, and a similarity of at least
 * MIN_SIMILARITY keeps out long texts that merely share common words.
 */
export async function listSimilarOpinions(
  db: Executor,
  { opinionId, unitId, searchText, openStatuses, limit }: { opinionId: string; unitId: string; searchText: string; openStatuses: readonly string[]; limit: number },
) {
  return db
    .selectFrom("opinions as o")
    .select(["o.id", "o.tracking_code", "o.status", "o.content", "o.created_at"])
    .select(sql<number>`similarity(o.search_text, ${searchText})::float8`.as("similarity"))
    .where("o.unit_id", "=", unitId)
    .where("o.id", "!=", opinionId)
    .where("o.status", "in", [...openStatuses])
    .where(sql<boolean>`o.search_text % ${searchText}`)
    .where(sql<boolean>`similarity(o.search_text, ${searchText}) >= ${MIN_SIMILARITY}`)
    .orderBy("similarity", "desc")
    .orderBy("o.created_at", "desc")
    .limit(limit)
    .execute();
}

/** Adds a topic to the configured list, or renames an existing one (and makes it active again). */
export async function upsertTopic(db: Executor, topic: { code: string; nameVi: string; nameEn: string; sortOrder: number }) {
  await db
    .insertInto("topics")
    .values({ code: topic.code, name_vi: topic.nameVi, name_en: topic.nameEn, sort_order: topic.sortOrder })
    .onConflict((oc) =>
      oc.column("code").doUpdateSet({ name_vi: topic.nameVi, name_en: topic.nameEn, sort_order: topic.sortOrder, is_active: true }),
    )
    .execute();
}

/** Sets the deadline of a kind, urgency and stage (replacing the rule there was). */
export async function upsertDeadlineRule(
  db: Executor,
  rule: { kind: string; urgency: string; stage: string; amount: number; unit: "working_hours" | "working_days" },
) {
  await db
    .insertInto("deadline_rules")
    .values(rule)
    .onConflict((oc) => oc.columns(["kind", "urgency", "stage"]).doUpdateSet({ amount: rule.amount, unit: rule.unit }))
    .execute();
}
