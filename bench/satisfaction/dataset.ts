/**
 * The benchmark's data: a country-like unit tree (34 provinces, N commune-level units), one campaign of
 * the 3104 template evaluating every commune, N responses over 14 months generated in SQL with
 * generate_series, and the rollups built from them by one full recomputation (INSERT … SELECT).
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Executor } from "../../src/db/index.ts";
import { findTemplate } from "../../src/surveys/surveys.templates.ts";

export const PROVINCES = 34;
/** Responses are dated from this day on (so a quarter has a previous quarter with data). */
export const FIRST_DAY = "2025-10-01";
export const DAYS = 421;

/** Creates the ministry, provinces and communes; returns their ids. */
export async function createTree(db: Executor, communes: number) {
  const ministry = randomUUID();
  await sql`INSERT INTO units (id, name, short_name, level_code, parent_id, valid_from, search_key)
            VALUES (${ministry}, 'Bộ Công an', 'BCA', 'ministry', NULL, '1976-01-01', 'bo cong an')`.execute(db);
  const provinces = Array.from({ length: PROVINCES }, () => randomUUID());
  for (const [i, id] of provinces.entries()) {
    await sql`INSERT INTO units (id, name, short_name, level_code, parent_id, valid_from, search_key)
              VALUES (${id}, ${`Công an tỉnh ${i + 1}`}, ${`CAT${i + 1}`}, 'province', ${ministry}, '1976-01-01', ${`cong an tinh ${i + 1}`})`.execute(db);
  }
  await sql`INSERT INTO units (name, short_name, level_code, parent_id, valid_from, search_key)
            SELECT 'Công an xã ' || c, 'CAX' || c, 'commune', (${provinces}::uuid[])[1 + (c % ${PROVINCES})], '2025-07-01', 'cong an xa ' || c
            FROM generate_series(1, ${communes}) c`.execute(db);
  const rows = await sql<{ id: string }>`SELECT id FROM units WHERE level_code = 'commune' ORDER BY id`.execute(db);
  return { ministry, provinces, communes: rows.rows.map((r) => r.id) };
}

/** The campaign (template cand-3104, 4 Likert questions) evaluating every commune; returns its id. */
export async function createCampaign(db: Executor, ministry: string) {
  const template = findTemplate("cand-3104")!;
  const row = await db
    .insertInto("survey_campaigns")
    .values({
      evaluating_unit_id: ministry,
      title: "Khảo sát đo hiệu năng",
      family: "perception",
      template_code: template.code,
      template_version: template.version,
      elements: JSON.stringify(template.elements),
      questions: JSON.stringify(template.questions),
      channels: ["qr"],
      starts_on: "2025-01-01",
      ends_on: "2099-12-31",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`INSERT INTO survey_campaign_units (campaign_id, unit_id) SELECT ${row.id}, id FROM units WHERE level_code = 'commune'`.execute(db);
  return row.id;
}

// Mostly satisfied, as real police surveys are: 5 ×7, 4 ×8, 3 ×3, 2, 1 out of 20.
const LEVEL = sql`(ARRAY[5,5,5,5,5,5,5,4,4,4,4,4,4,4,4,3,3,3,2,1])[1 + floor(random() * 20)::int]`;

/** Inserts `count` responses in batches; calls `onBatch` with the running total. */
export async function loadResponses(
  db: Executor,
  { campaignId, communes, count, batch, onBatch }: { campaignId: string; communes: string[]; count: number; batch: number; onBatch: (done: number) => void },
) {
  for (let done = 0; done < count; done += batch) {
    const n = Math.min(batch, count - done);
    await sql`
      INSERT INTO survey_responses (campaign_id, unit_id, channel, client_key, submitted_at, answered_on, answers)
      SELECT ${campaignId}, (${communes}::uuid[])[1 + floor(random() * ${communes.length})::int], 'qr', gen_random_uuid(),
             d + time '03:00', d,
             jsonb_build_object('security', ${LEVEL}, 'duties', ${LEVEL}, 'conduct', ${LEVEL}, 'force', ${LEVEL})
      FROM (SELECT DATE ${sql.lit(FIRST_DAY)} + floor(random() * ${DAYS})::int AS d FROM generate_series(1, ${n})) days`.execute(db);
    onBatch(done + n);
  }
}

/** Builds every rollup of the campaign from the raw rows: the full recomputation, timed by the caller. */
export async function buildRollups(db: Executor, campaignId: string) {
  await sql`
    INSERT INTO survey_rollups (campaign_id, unit_id, question_id, month, n1, n2, n3, n4, n5)
    SELECT r.campaign_id, r.unit_id, a.key, date_trunc('month', r.answered_on)::date,
           count(*) FILTER (WHERE a.value = '1'), count(*) FILTER (WHERE a.value = '2'), count(*) FILTER (WHERE a.value = '3'),
           count(*) FILTER (WHERE a.value = '4'), count(*) FILTER (WHERE a.value = '5')
    FROM survey_responses r CROSS JOIN LATERAL jsonb_each_text(r.answers) a
    WHERE r.campaign_id = ${campaignId} AND NOT r.is_excluded
    GROUP BY 1, 2, 3, 4`.execute(db);
  // Each response answers the 4 Likert questions: m = 4, and its answers at each level (s = those at 4 or 5).
  const at = (level: number) => sql.raw(`(v.a = ${level})::int + (v.b = ${level})::int + (v.c = ${level})::int + (v.d = ${level})::int`);
  await sql`
    INSERT INTO survey_respondent_rollups (campaign_id, unit_id, month, responses, r1, r2, r3, r4, r5, n1, n2, n3, n4, n5, sum_ss, sum_sm, sum_mm)
    SELECT campaign_id, unit_id, month, count(*),
           count(*) FILTER (WHERE level = 1), count(*) FILTER (WHERE level = 2), count(*) FILTER (WHERE level = 3),
           count(*) FILTER (WHERE level = 4), count(*) FILTER (WHERE level = 5),
           sum(a1), sum(a2), sum(a3), sum(a4), sum(a5), sum((a4 + a5) * (a4 + a5)), 4 * sum(a4 + a5), 16 * count(*)
    FROM (
      SELECT r.campaign_id, r.unit_id, date_trunc('month', r.answered_on)::date AS month,
             (2 * (v.a + v.b + v.c + v.d) + 4) / 8 AS level, ${at(1)} AS a1, ${at(2)} AS a2, ${at(3)} AS a3, ${at(4)} AS a4, ${at(5)} AS a5
      FROM survey_responses r
      CROSS JOIN LATERAL (SELECT (r.answers->>'security')::int AS a, (r.answers->>'duties')::int AS b,
                                 (r.answers->>'conduct')::int AS c, (r.answers->>'force')::int AS d) v
      WHERE r.campaign_id = ${campaignId} AND NOT r.is_excluded
    ) per_response
    GROUP BY 1, 2, 3`.execute(db);
}

/** Responses stored, and responses the respondent rollups count (they must agree). */
export async function countCheck(db: Executor, campaignId: string) {
  const raw = await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM survey_responses WHERE campaign_id = ${campaignId}`.execute(db);
  const rolled = await sql<{ n: number }>`SELECT coalesce(sum(responses), 0)::bigint AS n FROM survey_respondent_rollups WHERE campaign_id = ${campaignId}`.execute(db);
  return { raw: Number(raw.rows[0]?.n ?? 0), rolledUp: Number(rolled.rows[0]?.n ?? 0) };
}
