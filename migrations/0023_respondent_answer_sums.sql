-- Per-respondent sums behind the rating-instance figures: a respondent gives m valid Likert answers, s of
-- them satisfied (level 4 or 5). Rating instances pool the answers of each respondent, so they are clustered;
-- the cluster-robust (ratio-estimator) variance of R = Σs / Σm needs Σs, Σm, Σs², Σsm and Σm² per cell.
-- Kept like the other columns: added or removed with each response in the transaction that stores,
-- excludes or re-includes it. bigint: Σm² of a busy unit's month can pass the range of int.
ALTER TABLE survey_respondent_rollups
  ADD COLUMN sum_s  bigint NOT NULL DEFAULT 0,
  ADD COLUMN sum_m  bigint NOT NULL DEFAULT 0,
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
         count(*) FILTER (WHERE a.value IN ('4', '5')) AS s, count(*) AS m
  FROM survey_responses r
  CROSS JOIN LATERAL jsonb_each_text(r.answers) a
  JOIN likert l ON l.campaign_id = r.campaign_id AND l.question_id = a.key
  WHERE NOT r.is_excluded AND a.value IN ('1', '2', '3', '4', '5')
  GROUP BY r.id, r.campaign_id, r.unit_id, r.answered_on
), per_cell AS (
  SELECT campaign_id, unit_id, month, sum(s) AS s, sum(m) AS m, sum(s * s) AS ss, sum(s * m) AS sm, sum(m * m) AS mm
  FROM per_response GROUP BY 1, 2, 3
)
UPDATE survey_respondent_rollups t
SET sum_s = c.s, sum_m = c.m, sum_ss = c.ss, sum_sm = c.sm, sum_mm = c.mm
FROM per_cell c
WHERE t.campaign_id = c.campaign_id AND t.unit_id = c.unit_id AND t.month = c.month;
