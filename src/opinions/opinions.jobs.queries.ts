import { sql } from "kysely";
import type { AuditColumns } from "./opinions.queries.ts";
import type { Executor } from "../db/index.ts";

/**
 * `status IN (…)` over the open states, written out as literals: the partial index opinions_open_due_idx
 * (migration 0006) serves a sweep only when the planner can prove its own predicate from the query's.
 */
function isOpen(openStatuses: readonly string[], column: "status" | "o.status") {
  return sql`${sql.ref(column)} IN (${sql.join(openStatuses.map((status) => sql.lit(status)))})`;
}

/**
 * Marks the open opinions (in one of `openStatuses`) whose deadline falls within `lead` of `now` as reminded, each once (the
 * conditional UPDATE re-checks `reminded_at` under the row lock, so two sweeps never remind twice), with a
 * timeline step and an audit entry each. Returns how many were reminded.
 */
export async function remindDueOpinions(
  db: Executor,
  { now, leadMs, openStatuses, audit }: { now: Date; leadMs: number; openStatuses: readonly string[]; audit: AuditColumns },
) {
  const until = new Date(now.getTime() + leadMs);
  const result = await sql<{ n: number }>`
    WITH due AS (
      UPDATE opinions SET reminded_at = ${now}
      WHERE ${isOpen(openStatuses, "status")} AND reminded_at IS NULL AND answer_due_at > ${now} AND answer_due_at <= ${until}
      RETURNING id, status, answer_due_at
    ), event AS (
      INSERT INTO opinion_events (opinion_id, type, from_status, to_status, at, details)
      SELECT id, 'reminder', status, status, ${now}, jsonb_build_object('dueAt', answer_due_at) FROM due
    ), audit AS (
      INSERT INTO audit_log (actor_user_id, actor_label, action, entity_type, entity_id, details, at)
      SELECT NULL, ${audit.actorLabel}, 'opinion.remind', 'opinion', id::text, jsonb_build_object('dueAt', answer_due_at), ${now} FROM due
    )
    SELECT count(*)::int AS n FROM due`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/**
 * Escalates the open opinions (in one of `openStatuses`) past their deadline to their unit's superior, each once, with a timeline
 * step and an audit entry. A unit without a superior (a province) keeps it, still marked escalated.
 */
export async function escalateOverdueOpinions(
  db: Executor,
  { now, openStatuses, audit }: { now: Date; openStatuses: readonly string[]; audit: AuditColumns },
) {
  const result = await sql<{ n: number }>`
    WITH late AS (
      UPDATE opinions o SET escalated_at = ${now}, escalated_to_unit_id = coalesce(u.parent_id, u.id)
      FROM units u
      WHERE u.id = o.unit_id AND ${isOpen(openStatuses, "o.status")} AND o.escalated_at IS NULL AND o.answer_due_at < ${now}
      RETURNING o.id, o.status, o.escalated_to_unit_id, o.answer_due_at
    ), event AS (
      INSERT INTO opinion_events (opinion_id, type, from_status, to_status, at, details)
      SELECT id, 'escalated', status, status, ${now}, jsonb_build_object('toUnitId', escalated_to_unit_id, 'dueAt', answer_due_at)
      FROM late
    ), audit AS (
      INSERT INTO audit_log (actor_user_id, actor_label, action, entity_type, entity_id, details, at)
      SELECT NULL, ${audit.actorLabel}, 'opinion.escalate', 'opinion', id::text, jsonb_build_object('toUnitId', escalated_to_unit_id), ${now}
      FROM late
    )
    SELECT count(*)::int AS n FROM late`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** The facts of an answer message: the opinion's code and unit, and its (or its primary's) approved answer. */
export async function findAnswerMessageFacts(db: Executor, opinionId: string) {
  const result = await sql<{ tracking_code: string; unit_name: string; status: string; answer: string | null }>`
    SELECT o.tracking_code, n.name AS unit_name, o.status,
      (SELECT a.content FROM opinion_answers a
        WHERE a.opinion_id = coalesce(o.merged_into_id, o.id) AND a.status = 'approved'
        ORDER BY a.created_at DESC, a.id DESC LIMIT 1) AS answer
    FROM opinions o JOIN units n ON n.id = o.unit_id
    WHERE o.id = ${opinionId}`.execute(db);
  return result.rows[0];
}

/**
 * Records that the contributor was sent the answer: ANSWERED becomes NOTIFIED (other states keep theirs,
 * e.g. a merged duplicate), with a timeline step; false when nothing changed.
 */
export async function markOpinionNotified(db: Executor, { opinionId, at, channel }: { opinionId: string; at: Date; channel: string }) {
  const result = await sql<{ id: string }>`
    WITH changed AS (
      UPDATE opinions SET notified_at = ${at}, updated_at = ${at},
        status = CASE WHEN status = 'ANSWERED' THEN 'NOTIFIED' ELSE status END
      WHERE id = ${opinionId} AND notified_at IS NULL
      RETURNING id, status
    ), event AS (
      INSERT INTO opinion_events (opinion_id, type, from_status, to_status, at, details)
      SELECT id, 'notified', CASE WHEN status = 'NOTIFIED' THEN 'ANSWERED' ELSE status END, status, ${at},
        jsonb_build_object('channel', ${channel}::text)
      FROM changed
    )
    SELECT id FROM changed`.execute(db);
  return result.rows.length > 0;
}
