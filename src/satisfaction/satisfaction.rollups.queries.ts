import { sql } from "kysely";
import type { Executor } from "../db/index.ts";

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

/** Per-respondent sums of squares of a cell (m valid Likert answers, s satisfied): Σs², Σsm, Σm². */
export interface AnswerSquares {
  ss: number;
  sm: number;
  mm: number;
}

/**
 * A change of one (campaign, unit, month) respondent cell: responses, respondents by overall level, their
 * answers at each level (all Likert questions pooled) and their sums of squares.
 */
export interface RespondentDelta {
  campaignId: string;
  unitId: string;
  month: string;
  responses: number;
  counts: readonly [number, number, number, number, number];
  answers: readonly [number, number, number, number, number];
  squares: AnswerSquares;
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
        n1: d.answers[0],
        n2: d.answers[1],
        n3: d.answers[2],
        n4: d.answers[3],
        n5: d.answers[4],
        sum_ss: d.squares.ss,
        sum_sm: d.squares.sm,
        sum_mm: d.squares.mm,
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
        n1: sql`survey_respondent_rollups.n1 + excluded.n1`,
        n2: sql`survey_respondent_rollups.n2 + excluded.n2`,
        n3: sql`survey_respondent_rollups.n3 + excluded.n3`,
        n4: sql`survey_respondent_rollups.n4 + excluded.n4`,
        n5: sql`survey_respondent_rollups.n5 + excluded.n5`,
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
 * answers at each level and sums of squares (Σs², Σsm, Σm²) of the respondents at each level.
 */
export async function recomputeRespondentsFromResponses(db: Executor, campaignId: string, likertIds: readonly string[]) {
  const ids = likertIds.length === 0 ? [""] : likertIds;
  const result = await sql<{ unit_id: string; month: string; level: number | null; n: number; answers: [number, number, number, number, number]; ss: number; sm: number; mm: number }>`
    WITH per_response AS (
      SELECT r.id, r.unit_id, to_char(date_trunc('month', r.answered_on), 'YYYY-MM-DD') AS month,
             sum(a.value::int) AS total, count(a.key) AS answered, count(a.key) FILTER (WHERE a.value::int >= 4) AS satisfied,
             count(a.key) FILTER (WHERE a.value = '1') AS a1, count(a.key) FILTER (WHERE a.value = '2') AS a2,
             count(a.key) FILTER (WHERE a.value = '3') AS a3, count(a.key) FILTER (WHERE a.value = '4') AS a4,
             count(a.key) FILTER (WHERE a.value = '5') AS a5
      FROM survey_responses r
      LEFT JOIN LATERAL jsonb_each_text(r.answers) a
        ON a.key IN (${sql.join(ids)}) AND a.value IN ('1', '2', '3', '4', '5')
      WHERE r.campaign_id = ${campaignId} AND NOT r.is_excluded
      GROUP BY r.id, r.unit_id, r.answered_on
    )
    SELECT unit_id, month,
           CASE WHEN answered = 0 THEN NULL ELSE ((2 * total + answered) / (2 * answered))::int END AS level,
           count(*)::int AS n, ARRAY[sum(a1), sum(a2), sum(a3), sum(a4), sum(a5)]::int[] AS answers,
           sum(satisfied * satisfied)::bigint AS ss, sum(satisfied * answered)::bigint AS sm, sum(answered * answered)::bigint AS mm
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
