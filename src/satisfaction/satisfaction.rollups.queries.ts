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

/** A change of one attribute cell (respondents and satisfied respondents). */
export interface AttributeDelta {
  campaignId: string;
  unitId: string;
  month: string;
  cell: string;
  respondents: number;
  satisfied: number;
}

/**
 * Adds deltas to the three rollup tables in one prepared statement (unnest arrays, a fixed shape whatever
 * the number of cells), creating missing cells; one delta per cell and table, in a fixed cell order.
 */
export async function addRollupDeltas(
  db: Executor,
  { instances, respondents, attributes }: { instances: readonly RollupDelta[]; respondents: readonly RespondentDelta[]; attributes: readonly AttributeDelta[] },
) {
  if (instances.length + respondents.length + attributes.length === 0) return;
  const of = <D, T>(rows: readonly D[], pick: (d: D) => T) => rows.map(pick);
  const counts = <D>(rows: readonly D[], pick: (d: D) => readonly number[]) => [0, 1, 2, 3, 4].map((i) => rows.map((d) => pick(d)[i] as number));
  const [i1, i2, i3, i4, i5] = counts(instances, (d) => d.counts);
  const [r1, r2, r3, r4, r5] = counts(respondents, (d) => d.counts);
  const [a1, a2, a3, a4, a5] = counts(respondents, (d) => d.answers);
  await sql`/* prepared: add_survey_rollup_deltas */
    WITH instances AS (
      INSERT INTO survey_rollups AS t (campaign_id, unit_id, question_id, month, n1, n2, n3, n4, n5)
      SELECT * FROM unnest(${of(instances, (d) => d.campaignId)}::uuid[], ${of(instances, (d) => d.unitId)}::uuid[],
        ${of(instances, (d) => d.questionId)}::text[], ${of(instances, (d) => d.month)}::date[],
        ${i1}::int[], ${i2}::int[], ${i3}::int[], ${i4}::int[], ${i5}::int[])
      ON CONFLICT (campaign_id, unit_id, question_id, month) DO UPDATE SET
        n1 = t.n1 + excluded.n1, n2 = t.n2 + excluded.n2, n3 = t.n3 + excluded.n3, n4 = t.n4 + excluded.n4, n5 = t.n5 + excluded.n5
    ), respondents AS (
      INSERT INTO survey_respondent_rollups AS t (campaign_id, unit_id, month, responses, r1, r2, r3, r4, r5,
        n1, n2, n3, n4, n5, sum_ss, sum_sm, sum_mm)
      SELECT * FROM unnest(${of(respondents, (d) => d.campaignId)}::uuid[], ${of(respondents, (d) => d.unitId)}::uuid[],
        ${of(respondents, (d) => d.month)}::date[], ${of(respondents, (d) => d.responses)}::int[],
        ${r1}::int[], ${r2}::int[], ${r3}::int[], ${r4}::int[], ${r5}::int[],
        ${a1}::int[], ${a2}::int[], ${a3}::int[], ${a4}::int[], ${a5}::int[],
        ${of(respondents, (d) => d.squares.ss)}::bigint[], ${of(respondents, (d) => d.squares.sm)}::bigint[],
        ${of(respondents, (d) => d.squares.mm)}::bigint[])
      ON CONFLICT (campaign_id, unit_id, month) DO UPDATE SET
        responses = t.responses + excluded.responses,
        r1 = t.r1 + excluded.r1, r2 = t.r2 + excluded.r2, r3 = t.r3 + excluded.r3, r4 = t.r4 + excluded.r4, r5 = t.r5 + excluded.r5,
        n1 = t.n1 + excluded.n1, n2 = t.n2 + excluded.n2, n3 = t.n3 + excluded.n3, n4 = t.n4 + excluded.n4, n5 = t.n5 + excluded.n5,
        sum_ss = t.sum_ss + excluded.sum_ss, sum_sm = t.sum_sm + excluded.sum_sm, sum_mm = t.sum_mm + excluded.sum_mm
    ), attributes AS (
      INSERT INTO survey_attribute_rollups AS t (campaign_id, unit_id, month, cell, respondents, satisfied)
      SELECT * FROM unnest(${of(attributes, (d) => d.campaignId)}::uuid[], ${of(attributes, (d) => d.unitId)}::uuid[],
        ${of(attributes, (d) => d.month)}::date[], ${of(attributes, (d) => d.cell)}::text[],
        ${of(attributes, (d) => d.respondents)}::int[], ${of(attributes, (d) => d.satisfied)}::int[])
      ON CONFLICT (campaign_id, unit_id, month, cell) DO UPDATE SET
        respondents = t.respondents + excluded.respondents, satisfied = t.satisfied + excluded.satisfied
    )
    SELECT 1`.execute(db);
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
