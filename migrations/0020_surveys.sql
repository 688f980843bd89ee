-- Satisfaction surveys (DOMAIN.md §4): campaigns with a frozen copy of their template's questions,
-- evaluated units, one-time contact codes (hashed, never linked to answers), responses, and the rollups
-- the index reads (maintained in the transaction of each response and of each exclusion).
CREATE TABLE survey_campaigns (
  id                  uuid CONSTRAINT survey_campaigns_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  evaluating_unit_id  uuid NOT NULL CONSTRAINT survey_campaigns_unit_fk REFERENCES units (id),
  title               text NOT NULL CONSTRAINT survey_campaigns_title_not_blank CHECK (btrim(title) <> ''),
  family              text NOT NULL CONSTRAINT survey_campaigns_family CHECK (family IN ('perception', 'contact', 'open')),
  template_code       text NOT NULL,
  template_version    int  NOT NULL,
  -- The template's elements and questions (plus custom ones) as they were when the campaign was created.
  elements            jsonb NOT NULL,
  questions           jsonb NOT NULL,
  attributes          text[] NOT NULL DEFAULT '{}',
  channels            text[] NOT NULL,
  starts_on           date NOT NULL,
  ends_on             date NOT NULL,
  forum_id            uuid,
  published_at        timestamptz,
  created_by          uuid CONSTRAINT survey_campaigns_creator_fk REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT survey_campaigns_period CHECK (ends_on >= starts_on)
);
CREATE INDEX survey_campaigns_unit_idx ON survey_campaigns (evaluating_unit_id);

CREATE TABLE survey_campaign_units (
  campaign_id  uuid NOT NULL CONSTRAINT survey_campaign_units_campaign_fk REFERENCES survey_campaigns (id),
  unit_id      uuid NOT NULL CONSTRAINT survey_campaign_units_unit_fk REFERENCES units (id),
  quota        int CONSTRAINT survey_campaign_units_quota_positive CHECK (quota IS NULL OR quota > 0),
  CONSTRAINT survey_campaign_units_pk PRIMARY KEY (campaign_id, unit_id)
);

-- A one-time code proves a real contact; spending it records nothing about the response that spent it.
CREATE TABLE survey_codes (
  code_hash    text CONSTRAINT survey_codes_pk PRIMARY KEY,
  campaign_id  uuid NOT NULL CONSTRAINT survey_codes_campaign_fk REFERENCES survey_campaigns (id),
  unit_id      uuid NOT NULL CONSTRAINT survey_codes_unit_fk REFERENCES units (id),
  is_spent     boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX survey_codes_campaign_unit_idx ON survey_codes (campaign_id, unit_id);

CREATE TABLE survey_responses (
  id            uuid CONSTRAINT survey_responses_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id   uuid NOT NULL CONSTRAINT survey_responses_campaign_fk REFERENCES survey_campaigns (id),
  unit_id       uuid NOT NULL CONSTRAINT survey_responses_unit_fk REFERENCES units (id),
  channel       text NOT NULL,
  client_key    uuid NOT NULL,
  -- SHA-256 of the campaign and the browser's random device id: one response per device per campaign,
  -- and no way to link one device's responses across campaigns.
  device_key    text,
  submitted_at  timestamptz NOT NULL DEFAULT now(),
  -- The day the answers were given (Vietnam), which decides the period: a late paper form counts in its month.
  answered_on   date NOT NULL,
  answers       jsonb NOT NULL,
  attributes    jsonb NOT NULL DEFAULT '{}',
  flags         text[] NOT NULL DEFAULT '{}',
  is_excluded   boolean NOT NULL DEFAULT false,
  CONSTRAINT survey_responses_client_key_uq UNIQUE (campaign_id, client_key),
  CONSTRAINT survey_responses_device_uq UNIQUE (campaign_id, device_key)
);
CREATE INDEX survey_responses_unit_time_idx ON survey_responses (campaign_id, unit_id, submitted_at);
CREATE INDEX survey_responses_flagged_idx ON survey_responses (campaign_id) WHERE flags <> '{}';

-- Rating instances: answers at each level per campaign, unit, Likert question and month.
CREATE TABLE survey_rollups (
  campaign_id  uuid NOT NULL,
  unit_id      uuid NOT NULL,
  question_id  text NOT NULL,
  month        date NOT NULL,
  n1 int NOT NULL DEFAULT 0, n2 int NOT NULL DEFAULT 0, n3 int NOT NULL DEFAULT 0,
  n4 int NOT NULL DEFAULT 0, n5 int NOT NULL DEFAULT 0,
  CONSTRAINT survey_rollups_pk PRIMARY KEY (campaign_id, unit_id, question_id, month)
);

-- Respondents: responses counted, and respondents at each overall level (their mean Likert level, rounded).
CREATE TABLE survey_respondent_rollups (
  campaign_id  uuid NOT NULL,
  unit_id      uuid NOT NULL,
  month        date NOT NULL,
  responses    int NOT NULL DEFAULT 0,
  r1 int NOT NULL DEFAULT 0, r2 int NOT NULL DEFAULT 0, r3 int NOT NULL DEFAULT 0,
  r4 int NOT NULL DEFAULT 0, r5 int NOT NULL DEFAULT 0,
  CONSTRAINT survey_respondent_rollups_pk PRIMARY KEY (campaign_id, unit_id, month)
);

-- An inspector's decision on a flagged response; the last decision holds, all are kept (and audited).
CREATE TABLE survey_decisions (
  id           uuid CONSTRAINT survey_decisions_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  response_id  uuid NOT NULL CONSTRAINT survey_decisions_response_fk REFERENCES survey_responses (id),
  decision     text NOT NULL CONSTRAINT survey_decisions_kind CHECK (decision IN ('exclude', 'include')),
  reason       text NOT NULL,
  decided_by   uuid NOT NULL CONSTRAINT survey_decisions_user_fk REFERENCES users (id),
  decided_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX survey_decisions_response_idx ON survey_decisions (response_id);

-- The honest-measurement settings, as data: one row.
CREATE TABLE satisfaction_settings (
  id                   boolean CONSTRAINT satisfaction_settings_pk PRIMARY KEY DEFAULT true CONSTRAINT satisfaction_settings_one CHECK (id),
  min_n                int NOT NULL CONSTRAINT satisfaction_settings_min_n CHECK (min_n >= 1),
  burst_count          int NOT NULL,
  burst_minutes        int NOT NULL,
  straight_line_min    int NOT NULL
);
INSERT INTO satisfaction_settings (min_n, burst_count, burst_minutes, straight_line_min) VALUES (10, 30, 5, 6);

-- Grading bands (2025: ≥95 excellent, 80–95 good, 70–80 fair, 50–70 pass).
CREATE TABLE satisfaction_bands (
  code      text CONSTRAINT satisfaction_bands_pk PRIMARY KEY,
  min_rate  numeric NOT NULL,
  name_vi   text NOT NULL,
  name_en   text NOT NULL
);
INSERT INTO satisfaction_bands (code, min_rate, name_vi, name_en) VALUES
  ('excellent', 95, 'Xuất sắc', 'Excellent'),
  ('good',      80, 'Tốt',      'Good'),
  ('fair',      70, 'Khá',      'Fair'),
  ('pass',      50, 'Đạt',      'Pass'),
  ('fail',       0, 'Chưa đạt', 'Below pass');
