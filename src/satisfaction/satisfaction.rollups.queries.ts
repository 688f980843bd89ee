import { sql } from "kysely";
import type { Executor } from "../db/index.ts";
import type { AnswerSums } from "./satisfaction.intervals.ts";

/** A change of the rating-instance counts of one (campaign, unit, question, month) cell. */
export interface RollupDelta {
  campaignId: string;
  unitId: string;
  questionId: string;
  month: string;
  counts: readonly [number, number, number, number, number];
}

/** Adds deltas to the rating-instance rollups, creating missing cells (one statement; one delta per cell). */
export async function addRollupDeltas(db: Executor, deltas: readonly RollupDelta[]) {
  if (deltas.length === 0) return;
  await db
    .insertInto("survey_rollups")
    .values(
      deltas.map((d) => ({
        campaign_id: d.campaignId,
        unit_id: d.unitId,
        question_id: d.questionId,
        month: d.month,
        n1: d.counts[0],
        n2: d.counts[1],
        n3: d.counts[2],
        n4: d.counts[3],
        n5: d.counts[4],
      })),
    )
    .onConflict((oc) =>
      oc.columns(["campaign_id", "unit_id", "question_id", "month"]).doUpdateSet({
        n1: sql`survey_rollups.n1 + excluded.n1`,
        n2: sql`survey_rollups.n2 + excluded.n2`,
        n3: sql`survey_rollups.n3 + excluded.n3`,
        n4: sql`survey_rollups.n4 + excluded.n4`,
        n5: sql`survey_rollups.n5 + excluded.n5`,
      }),
    )
    .execute();
}

/** A change of one (campaign, unit, month) respondent cell, with its per-respondent answer sums. */
export interface RespondentDelta {
  campaignId: string;
  unitId: string;
  month: string;
  responses: number;
  counts: readonly [number, number, number, number, number];
  sums: AnswerSums;
}

/** Adds deltas to the respondent rollups, creating missing cells (one statement; one delta per cell). */
export async function addRespondentDeltas(db: Executor, deltas: readonly RespondentDelta[]) {
  if (deltas.length === 0) return;
  await db
    .insertInto("survey_respondent_rollups")
    .values(
      deltas.map((d) => ({
        campaign_id: d.campaignId,
        unit_id: d.unitId,
        month: d.month,
        responses: d.responses,
        r1: d.counts[0],
        r2: d.counts[1],
        r3: d.counts[2],
        r4: d.counts[3],
        r5: d.counts[4],
        sum_s: d.sums.s,
        sum_m: d.sums.m,
        sum_ss: d.sums.ss,
        sum_sm: d.sums.sm,
        sum_mm: d.sums.mm,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["campaign_id", "unit_id", "month"]).doUpdateSet({
        responses: sql`survey_respondent_rollups.responses + excluded.responses`,
        r1: sql`survey_respondent_rollups.r1 + excluded.r1`,
        r2: sql`survey_respondent_rollups.r2 + excluded.r2`,
        r3: sql`survey_respondent_rollups.r3 + excluded.r3`,
        r4: sql`survey_respondent_rollups.r4 + excluded.r4`,
        r5: sql`survey_respondent_rollups.r5 + excluded.r5`,
        sum_s: sql`survey_respondent_rollups.sum_s + excluded.sum_s`,
        sum_m: sql`survey_respondent_rollups.sum_m + excluded.sum_m`,
        sum_ss: sql`survey_respondent_rollups.sum_ss + excluded.sum_ss`,
        sum_sm: sql`survey_respondent_rollups.sum_sm + excluded.sum_sm`,
        sum_mm: sql`survey_respondent_rollups.sum_mm + excluded.sum_mm`,
      }),
    )
    .execute();
}

/** A change of one attribute cell (respondents and satisfied respondents). */
export interface AttributeDelta {
  campaignId: string;
  unitId: string;
  month: string;
  cell: string;
  respondents: number;
  satisfied: number;
}

/** Adds deltas to the attribute cells, creating missing ones (one statement; one delta per cell). */
export async function addAttributeDeltas(db: Executor, deltas: readonly AttributeDelta[]) {
  if (deltas.length === 0) return;
  await db
    .insertInto("survey_attribute_rollups")
    .values(
      deltas.map((d) => ({ campaign_id: d.campaignId, unit_id: d.unitId, month: d.month, cell: d.cell, respondents: d.respondents, satisfied: d.satisfied })),
    )
    .onConflict((oc) =>
      oc.columns(["campaign_id", "unit_id", "month", "cell"]).doUpdateSet({
        respondents: sql`survey_attribute_rollups.respondents + excluded.respondents`,
        satisfied: sql`survey_attribute_rollups.satisfied + excluded.satisfied`,
      }),
    )
    .execute();
}

/** Units mapped to the dashboard buckets they count for (two parallel arrays, joined in SQL); a bucket is a unit id or a code. */
export interface BucketMap {
  unitIds: readonly string[];
  bucketIds: readonly string[];
}

const bucketJoin = (map: BucketMap) =>
  sql`unnest(${[...map.unitIds]}::uuid[], ${[...map.bucketIds]}::text[]) AS m(unit_id, bucket_id)`;

/**
 * Rating-instance cells summed per bucket, question and month between two months (inclusive): a province's
 * or the country's dashboard reads a few thousand sums, however many units and responses lie below.
 */
export async function sumRollupsByBucket(db: Executor, campaignId: string, map: BucketMap, fromMonth: string, toMonth: string) {
  const result = await sql<{ unit_id: string; question_id: string; month: string; n1: number; n2: number; n3: number; n4: number; n5: number }>`
    SELECT m.bucket_id AS unit_id, r.question_id, r.month,
           sum(r.n1)::int AS n1, sum(r.n2)::int AS n2, sum(r.n3)::int AS n3, sum(r.n4)::int AS n4, sum(r.n5)::int AS n5
    FROM ${bucketJoin(map)} JOIN survey_rollups r ON r.campaign_id = ${campaignId} AND r.unit_id = m.unit_id
    WHERE r.month BETWEEN ${fromMonth} AND ${toMonth}
    GROUP BY 1, 2, 3
    HAVING sum(r.n1 + r.n2 + r.n3 + r.n4 + r.n5) > 0`.execute(db);
  return result.rows;
}

/**
 * Rating-instance cells of the given questions and respondent cells, summed per bucket for a period and the
 * period before it (the `month` of a row is the first month of its period): the figures by level, by field
 * of work and the ranking within a level need no split by question or month, so a whole country's units
 * come back as two rows each.
 */
export async function sumPeriodsByBucket(
  db: Executor,
  campaignId: string,
  map: BucketMap,
  questionIds: readonly string[],
  { previous, period }: { previous: { from: string }; period: { from: string; to: string } },
) {
  if (map.unitIds.length === 0) return { instances: [], respondents: [] };
  const periodOf = sql`CASE WHEN r.month >= ${period.from} THEN ${period.from} ELSE ${previous.from} END`;
  const [instances, respondents] = await Promise.all([
    questionIds.length === 0
      ? { rows: [] }
      : sql<{ unit_id: string; month: string; n1: number; n2: number; n3: number; n4: number; n5: number }>`
    SELECT m.bucket_id AS unit_id, ${periodOf}::text AS month,
           sum(r.n1)::int AS n1, sum(r.n2)::int AS n2, sum(r.n3)::int AS n3, sum(r.n4)::int AS n4, sum(r.n5)::int AS n5
    FROM ${bucketJoin(map)} JOIN survey_rollups r ON r.campaign_id = ${campaignId} AND r.unit_id = m.unit_id
    WHERE r.month BETWEEN ${previous.from} AND ${period.to} AND r.question_id = ANY(${[...questionIds]}::text[])
    GROUP BY 1, 2
    HAVING sum(r.n1 + r.n2 + r.n3 + r.n4 + r.n5) > 0`.execute(db),
    sql<{ unit_id: string; month: string; responses: number; r1: number; r2: number; r3: number; r4: number; r5: number }>`
    SELECT m.bucket_id AS unit_id, ${periodOf}::text AS month, sum(r.responses)::int AS responses,
           sum(r.r1)::int AS r1, sum(r.r2)::int AS r2, sum(r.r3)::int AS r3, sum(r.r4)::int AS r4, sum(r.r5)::int AS r5
    FROM ${bucketJoin(map)} JOIN survey_respondent_rollups r ON r.campaign_id = ${campaignId} AND r.unit_id = m.unit_id
    WHERE r.month BETWEEN ${previous.from} AND ${period.to}
    GROUP BY 1, 2
    HAVING sum(r.responses) > 0`.execute(db),
  ]);
  return { instances: instances.rows, respondents: respondents.rows };
}

/** Respondent cells summed per bucket and month. */
export async function sumRespondentsByBucket(db: Executor, campaignId: string, map: BucketMap, fromMonth: string, toMonth: string) {
  const result = await sql<{ unit_id: string; month: string; responses: number; r1: number; r2: number; r3: number; r4: number; r5: number }>`
    SELECT m.bucket_id AS unit_id, r.month, sum(r.responses)::int AS responses,
           sum(r.r1)::int AS r1, sum(r.r2)::int AS r2, sum(r.r3)::int AS r3, sum(r.r4)::int AS r4, sum(r.r5)::int AS r5
    FROM ${bucketJoin(map)} JOIN survey_respondent_rollups r ON r.campaign_id = ${campaignId} AND r.unit_id = m.unit_id
    WHERE r.month BETWEEN ${fromMonth} AND ${toMonth}
    GROUP BY 1, 2
    HAVING sum(r.responses) > 0`.execute(db);
  return result.rows;
}

/** Attribute cells summed over a subtree and a period (for weighting). */
export async function sumAttributesOver(db: Executor, campaignId: string, map: BucketMap, fromMonth: string, toMonth: string) {
  const result = await sql<{ cell: string; respondents: number; satisfied: number }>`
    SELECT r.cell, sum(r.respondents)::int AS respondents, sum(r.satisfied)::int AS satisfied
    FROM ${bucketJoin(map)} JOIN survey_attribute_rollups r ON r.campaign_id = ${campaignId} AND r.unit_id = m.unit_id
    WHERE r.month BETWEEN ${fromMonth} AND ${toMonth}
    GROUP BY 1
    HAVING sum(r.respondents) > 0`.execute(db);
  return result.rows;
}

/** The rating-instance cells recomputed from the raw, non-excluded responses (the check of the rollups). */
export async function recomputeRollupsFromResponses(db: Executor, campaignId: string, likertIds: readonly string[]) {
  if (likertIds.length === 0) return [];
  const result = await sql<{ unit_id: string; question_id: string; month: string; level: number; n: number }>`
    SELECT r.unit_id, a.key AS question_id, to_char(date_trunc('month', r.answered_on), 'YYYY-MM-DD') AS month,
           a.value::int AS level, count(*)::int AS n
    FROM survey_responses r CROSS JOIN LATERAL jsonb_each_text(r.answers) a
    WHERE r.campaign_id = ${campaignId} AND NOT r.is_excluded
      AND a.key IN (${sql.join(likertIds)}) AND a.value IN ('1', '2', '3', '4', '5')
    GROUP BY 1, 2, 3, 4`.execute(db);
  return result.rows;
}

/**
 * The respondent cells recomputed from raw responses: responses, respondents by rounded mean level, and the
 * answer sums (Σs, Σm, Σs², Σsm, Σm²) of the respondents at each level.
 */
export async function recomputeRespondentsFromResponses(db: Executor, campaignId: string, likertIds: readonly string[]) {
  const ids = likertIds.length === 0 ? [""] : likertIds;
  const result = await sql<{ unit_id: string; month: string; level: number | null; n: number; s: number; m: number; ss: number; sm: number; mm: number }>`
    WITH per_response AS (
      SELECT r.id, r.unit_id, to_char(date_trunc('month', r.answered_on), 'YYYY-MM-DD') AS month,
             sum(a.value::int) AS total, count(a.key) AS answered, count(a.key) FILTER (WHERE a.value::int >= 4) AS satisfied
      FROM survey_responses r
      LEFT JOIN LATERAL jsonb_each_text(r.answers) a
        ON a.key IN (${sql.join(ids)}) AND a.value IN ('1', '2', '3', '4', '5')
      WHERE r.campaign_id = ${campaignId} AND NOT r.is_excluded
      GROUP BY r.id, r.unit_id, r.answered_on
    )
    SELECT unit_id, month,
           CASE WHEN answered = 0 THEN NULL ELSE ((2 * total + answered) / (2 * answered))::int END AS level,
           count(*)::int AS n, sum(satisfied)::bigint AS s, sum(answered)::bigint AS m, sum(satisfied * satisfied)::bigint AS ss,
           sum(satisfied * answered)::bigint AS sm, sum(answered * answered)::bigint AS mm
    FROM per_response GROUP BY 1, 2, 3`.execute(db);
  return result.rows;
}

/** The attribute cells recomputed from raw responses (respondents with a Likert answer and attributes). */
export async function recomputeAttributesFromResponses(db: Executor, campaignId: string, likertIds: readonly string[]) {
  const ids = likertIds.length === 0 ? [""] : likertIds;
  const result = await sql<{ unit_id: string; month: string; cell: string; respondents: number; satisfied: number }>`
    WITH per_response AS (
      SELECT r.id, r.unit_id, to_char(date_trunc('month', r.answered_on), 'YYYY-MM-DD') AS month,
             (SELECT string_agg(e.key || '=' || e.value, ';' ORDER BY e.key COLLATE "C") FROM jsonb_each_text(r.attributes) e) AS cell,
             sum(a.value::int) AS total, count(a.key) AS answered
      FROM survey_responses r
      JOIN LATERAL jsonb_each_text(r.answers) a
        ON a.key IN (${sql.join(ids)}) AND a.value IN ('1', '2', '3', '4', '5')
      WHERE r.campaign_id = ${campaignId} AND NOT r.is_excluded AND r.attributes <> '{}'::jsonb
      GROUP BY r.id, r.unit_id, r.answered_on, r.attributes
    )
    SELECT unit_id, month, cell, count(*)::int AS respondents,
           count(*) FILTER (WHERE (2 * total + answered) / (2 * answered) >= 4)::int AS satisfied
    FROM per_response GROUP BY 1, 2, 3`.execute(db);
  return result.rows;
}

/** Every rollup cell of a campaign, for comparison with a recomputation. */
export async function listAllRollups(db: Executor, campaignId: string) {
  const attributes = await db.selectFrom("survey_attribute_rollups").selectAll().where("campaign_id", "=", campaignId).execute();
  const instances = await db.selectFrom("survey_rollups").selectAll().where("campaign_id", "=", campaignId).execute();
  const respondents = await db
    .selectFrom("survey_respondent_rollups")
    .selectAll()
    .where("campaign_id", "=", campaignId)
    .execute();
  return { instances, respondents, attributes };
}
