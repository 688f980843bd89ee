import { sql, type ExpressionBuilder } from "kysely";
import type { Database, Executor } from "../db/index.ts";

/** The latest approved answer of the opinion `o` (content, method), for a lateral join named `answer`. */
export function latestApprovedAnswer(eb: ExpressionBuilder<Database & { o: Database["opinions"] }, "o">) {
  return eb
    .selectFrom("opinion_answers as a")
    .select(["a.content as answer_content", "a.method as answer_method"])
    .whereRef("a.opinion_id", "=", "o.id")
    .where("a.status", "=", "approved")
    .orderBy("a.created_at", "desc")
    .limit(1)
    .as("answer");
}

/**
 * A unit's figures over a period of receipt [from, to): received, answered, answered on time, mean
 * handling time in hours, open (in one of `openStatuses`) and overdue now, the citizens' ratings. One pass over
 * the unit's opinions of the period (served by the index on unit and creation time).
 */
export async function summariseUnitOpinions(
  db: Executor,
  { unitIds, openStatuses, from, to, now }: { unitIds: string[]; openStatuses: readonly string[]; from: Date; to: Date; now: Date },
) {
  const isOpen = sql`status = ANY(${sql.val([...openStatuses])}::text[])`;
  const result = await sql<{
    received: number;
    answered: number;
    answered_on_time: number;
    mean_handling_hours: number | null;
    open: number;
    overdue: number;
    rated: number;
    mean_rating: number | null;
    routed: number;
  }>`
    SELECT
      count(*)::int AS received,
      count(*) FILTER (WHERE answered_at IS NOT NULL)::int AS answered,
      count(*) FILTER (WHERE answered_at IS NOT NULL AND (answer_due_at IS NULL OR answered_at <= answer_due_at))::int
        AS answered_on_time,
      (avg(extract(epoch FROM answered_at - received_at)) FILTER (WHERE answered_at IS NOT NULL) / 3600)::float8
        AS mean_handling_hours,
      count(*) FILTER (WHERE ${isOpen})::int AS open,
      count(*) FILTER (WHERE ${isOpen} AND answer_due_at < ${now})::int AS overdue,
      count(rating)::int AS rated,
      avg(rating)::float8 AS mean_rating,
      count(*) FILTER (WHERE status = 'ROUTED')::int AS routed
    FROM opinions
    WHERE unit_id = ANY(${sql.val(unitIds)}::uuid[]) AND created_at >= ${from} AND created_at < ${to}`.execute(db);
  return result.rows[0];
}

/**
 * A page of a unit's answered opinions (in one of `answeredStatuses`) that their contributors agreed to publish,
 * newest answer first, with the approved answer. Routing kinds (crime reports, denunciations…) are never published.
 */
export async function listPublishedOpinions(
  db: Executor,
  {
    unitIds,
    answeredStatuses,
    workflowKinds,
    afterId,
    limit,
    receivedFrom,
    receivedBefore,
  }: {
    unitIds: string[];
    answeredStatuses: readonly string[];
    workflowKinds: readonly string[];
    afterId?: string;
    limit: number;
    receivedFrom?: Date;
    receivedBefore?: Date;
  },
) {
  let query = db
    .selectFrom("opinions as o")
    .innerJoin("units as n", "n.id", "o.unit_id")
    .innerJoinLateral(latestApprovedAnswer, (join) => join.onTrue())
    .select([
      "o.id",
      "o.kind",
      "o.topics",
      "o.content",
      "o.received_at",
      "o.answered_at",
      "o.answer_due_at",
      "n.name as unit_name",
      "answer.answer_content",
      "answer.answer_method",
    ])
    .where("o.unit_id", "=", sql<string>`ANY(${sql.val(unitIds)}::uuid[])`)
    .where("o.public_consent", "=", true)
    .where("o.status", "in", [...answeredStatuses])
    .where("o.kind", "in", [...workflowKinds])
    .where("o.answered_at", "is not", null)
    .orderBy("o.answered_at", "desc")
    .orderBy("o.id", "desc")
    .limit(limit);
  // The period counts receipt (created_at), as the unit's figures do, so that both downloads cover the same opinions.
  if (receivedFrom) query = query.where("o.created_at", ">=", receivedFrom);
  if (receivedBefore) query = query.where("o.created_at", "<", receivedBefore);
  if (afterId) {
    query = query.where(
      sql<boolean>`(o.answered_at, o.id) < (SELECT p.answered_at, p.id FROM opinions p WHERE p.id = ${afterId})`,
    );
  }
  return query.execute();
}
