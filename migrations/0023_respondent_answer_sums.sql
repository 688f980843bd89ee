-- Per-respondent sums behind the rating-instance figures: a respondent gives m valid Likert answers, s of
-- them satisfied (level 4 or 5). Rating instances pool the answers of each respondent, so they are clustered;
-- the cluster-robust (ratio-estimator) variance of R = Σs / Σm needs Σs, Σm, Σs², Σsm and Σm² per cell.
-- Σs and Σm are kept as the cell's answers at each level (n1..n5, all Likert questions pooled: Σm = n1 + … + n5,
-- Σs = n4 + n5), which also gives a unit's rating-instance figure from this one row per month instead of one
-- row per question and month. Kept like the other columns: added or removed with each response in the
-- transaction that stores, excludes or re-includes it. bigint: Σm² of a busy unit's month can pass int.
ALTER TABLE survey_respondent_rollups
  ADD COLUMN n1 int NOT NULL DEFAULT 0,
  ADD COLUMN n2 int NOT NULL DEFAULT 0,
  ADD COLUMN n3 int NOT NULL DEFAULT 0,
  ADD COLUMN n4 int NOT NULL DEFAULT 0,
  ADD COLUMN n5 int NOT NULL DEFAULT 0,
  ADD COLUMN sum_ss bigint NOT NULL DEFAULT 0,
  ADD COLUMN sum_sm bigint NOT NULL DEFAULT 0,
  ADD COLUMN sum_mm bigint NOT NULL DEFAULT 0;

-- Backfill from the stored, non-excluded responses: the campaign's Likert questions answered 1..5.
WITH likert AS (
  SELECT c.id AS campaign_id, q->>'id' AS question_id
  FROM survey_campaigns c CROSS JOIN LATERAL jsonb_array_elements(c.questions) q
  WHERE q->>'type' = 'likert'
), per_response AS (
  SELECT r.campaign_id, r.unit_id, date_trunc('month', r.answered_on)::date AS month,
         count(*) FILTER (WHERE a.value = '1') AS n1, count(*) FILTER (WHERE a.value = '2') AS n2,
         count(*) FILTER (WHERE a.value = '3') AS n3, count(*) FILTER (WHERE a.value = '4') AS n4,
         count(*) FILTER (WHERE a.value = '5') AS n5,
         count(*) FILTER (WHERE a.value IN ('4', '5')) AS s, count(*) AS m
  FROM survey_responses r
  CROSS JOIN LATERAL jsonb_each_text(r.answers) a
  JOIN likert l ON l.campaign_id = r.campaign_id AND l.question_id = a.key
  WHERE NOT r.is_excluded AND a.value IN ('1', '2', '3', '4', '5')
  GROUP BY r.id, r.campaign_id, r.unit_id, r.answered_on
), per_cell AS (
  SELECT campaign_id, unit_id, month, sum(n1) AS n1, sum(n2) AS n2, sum(n3) AS n3, sum(n4) AS n4, sum(n5) AS n5,
         sum(s * s) AS ss, sum(s * m) AS sm, sum(m * m) AS mm
  FROM per_response GROUP BY 1, 2, 3
)
UPDATE survey_respondent_rollups t
SET n1 = c.n1, n2 = c.n2, n3 = c.n3, n4 = c.n4, n5 = c.n5, sum_ss = c.ss, sum_sm = c.sm, sum_mm = c.mm
FROM per_cell c
WHERE t.campaign_id = c.campaign_id AND t.unit_id = c.unit_id AND t.month = c.month;
