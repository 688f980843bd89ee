import { sql } from "kysely";
import type { Executor } from "../db/index.ts";
import type { InstanceRow, RespondentRow } from "./satisfaction.dashboard.build.ts";

/**
 * The units of a dashboard's subtree and the bucket each one's data counts for (the root's child holding it,
 * historical units through their successors); `null` for data counted nowhere on this dashboard.
 */
export interface UnitBuckets {
  unitIds: readonly string[];
  bucketIds: readonly (string | null)[];
}

/** A period and the one before it, as first and last months (yyyy-mm-01). */
export interface Periods {
  previous: { from: string; to: string };
  period: { from: string; to: string };
}

const unitJoin = (units: UnitBuckets) =>
  sql`unnest(${[...units.unitIds]}::uuid[], ${[...units.bucketIds]}::text[]) AS m(unit_id, bucket_id)`;

/**
 * Rating instances of the given questions summed per bucket, question and month over a period and the one
 * before: the figures by question and element, the heat-map and the trend. A province's or the country's
 * dashboard reads a few hundred sums, however many units and responses lie below.
 */
export async function sumInstanceDetails(db: Executor, campaignId: string, units: UnitBuckets, likertIds: readonly string[], { previous, period }: Periods) {
  if (units.unitIds.length === 0 || likertIds.length === 0) return [];
  const result = await sql<InstanceRow>`
    SELECT m.bucket_id AS unit_id, r.question_id, r.month,
           sum(r.n1)::int AS n1, sum(r.n2)::int AS n2, sum(r.n3)::int AS n3, sum(r.n4)::int AS n4, sum(r.n5)::int AS n5
    FROM ${unitJoin(units)} JOIN survey_rollups r ON r.campaign_id = ${campaignId} AND r.unit_id = m.unit_id
    WHERE m.bucket_id IS NOT NULL AND r.month BETWEEN ${previous.from} AND ${period.to} AND r.question_id = ANY(${[...likertIds]}::text[])
    GROUP BY 1, 2, 3
    HAVING sum(r.n1 + r.n2 + r.n3 + r.n4 + r.n5) > 0`.execute(db);
  return result.rows;
}

const RESPONDENT_COLUMNS = ["responses", "r1", "r2", "r3", "r4", "r5", "n1", "n2", "n3", "n4", "n5", "sum_ss", "sum_sm", "sum_mm"] as const;

/**
 * The respondent rollups of the subtree over a period and the one before, read once and summed two ways
 * (grouping sets): per unit and period (`month` is the period's first month) — responses, respondents by
 * level, their answers at each level and sums of squares, the source of every per-unit, per-child,
 * per-level and per-field figure — and per month over the whole subtree (the trend's intervals).
 * A country's units come back as one JSON document: PGlite hands rows over one at a time, and its
 * ~6,600 rows cost more as rows than the query itself.
 */
export async function sumRespondentsForDashboard(db: Executor, campaignId: string, units: UnitBuckets, { previous, period }: Periods) {
  if (units.unitIds.length === 0) return { units: [], months: [] };
  const result = await sql<{ rows: string }>`
    SELECT coalesce(json_agg(json_build_array(unit_id, month, ${sql.join(RESPONDENT_COLUMNS.map((c) => sql.ref(c)))})), '[]')::text AS rows
    FROM (
      SELECT m.unit_id, coalesce(to_char(r.month, 'YYYY-MM-DD'), p.period) AS month, sum(r.responses) AS responses,
             sum(r.r1) AS r1, sum(r.r2) AS r2, sum(r.r3) AS r3, sum(r.r4) AS r4, sum(r.r5) AS r5,
             sum(r.n1) AS n1, sum(r.n2) AS n2, sum(r.n3) AS n3, sum(r.n4) AS n4, sum(r.n5) AS n5,
             sum(r.sum_ss) AS sum_ss, sum(r.sum_sm) AS sum_sm, sum(r.sum_mm) AS sum_mm
      FROM ${unitJoin(units)} JOIN survey_respondent_rollups r ON r.campaign_id = ${campaignId} AND r.unit_id = m.unit_id
      -- The period of a row's month, named by its first month (a lateral column, so that a grouping set names it).
      CROSS JOIN LATERAL (SELECT CASE WHEN r.month >= ${period.from}::date THEN ${period.from} ELSE ${previous.from} END AS period) p
      WHERE r.month BETWEEN ${previous.from} AND ${period.to}
      GROUP BY GROUPING SETS ((m.unit_id, p.period), (r.month))
      HAVING sum(r.responses) > 0
    ) sums`.execute(db);
  const rows = (JSON.parse(result.rows[0]?.rows ?? "[]") as [string | null, string, ...number[]][]).map(([unitId, month, ...values]) => ({
    unitId,
    row: { unit_id: unitId ?? "", month, ...Object.fromEntries(RESPONDENT_COLUMNS.map((c, i) => [c, Number(values[i])])) } as RespondentRow,
  }));
  return {
    units: rows.flatMap((r) => (r.unitId === null ? [] : [r.row])),
    months: rows.flatMap((r) => (r.unitId === null ? [r.row] : [])),
  };
}

/** Attribute cells summed over units and a period (for weighting). */
export async function sumAttributesOver(db: Executor, campaignId: string, unitIds: readonly string[], fromMonth: string, toMonth: string) {
  const result = await sql<{ cell: string; respondents: number; satisfied: number }>`
    SELECT r.cell, sum(r.respondents)::int AS respondents, sum(r.satisfied)::int AS satisfied
    FROM survey_attribute_rollups r
    WHERE r.campaign_id = ${campaignId} AND r.unit_id = ANY(${[...unitIds]}::uuid[]) AND r.month BETWEEN ${fromMonth} AND ${toMonth}
    GROUP BY 1
    HAVING sum(r.respondents) > 0`.execute(db);
  return result.rows;
}
