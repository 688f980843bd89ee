-- Paper forms: how many were issued and returned per evaluated unit, and how many were entered as valid
-- (kept in the transaction of each entry), for the "issued / returned / valid" counts and the return rate.
CREATE TABLE survey_paper_counts (
  campaign_id  uuid NOT NULL CONSTRAINT survey_paper_counts_campaign_fk REFERENCES survey_campaigns (id),
  unit_id      uuid NOT NULL CONSTRAINT survey_paper_counts_unit_fk REFERENCES units (id),
  issued       int NOT NULL DEFAULT 0 CONSTRAINT survey_paper_counts_issued CHECK (issued >= 0),
  returned     int NOT NULL DEFAULT 0 CONSTRAINT survey_paper_counts_returned CHECK (returned >= 0),
  valid        int NOT NULL DEFAULT 0,
  CONSTRAINT survey_paper_counts_pk PRIMARY KEY (campaign_id, unit_id)
);

-- Respondents with attributes (given with consent), per attribute cell ("ageBand=30-44;sex=female"):
-- what raking to population margins needs, maintained like the other rollups.
CREATE TABLE survey_attribute_rollups (
  campaign_id  uuid NOT NULL,
  unit_id      uuid NOT NULL,
  month        date NOT NULL,
  cell         text NOT NULL,
  respondents  int NOT NULL DEFAULT 0,
  satisfied    int NOT NULL DEFAULT 0,
  CONSTRAINT survey_attribute_rollups_pk PRIMARY KEY (campaign_id, unit_id, month, cell)
);

-- Population margins to weight to (shares of each attribute's values), as data; a row without a unit is
-- the default for every unit.
CREATE TABLE satisfaction_margins (
  id         uuid CONSTRAINT satisfaction_margins_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id    uuid CONSTRAINT satisfaction_margins_unit_fk REFERENCES units (id),
  attribute  text NOT NULL,
  value      text NOT NULL,
  share      numeric NOT NULL CONSTRAINT satisfaction_margins_share CHECK (share >= 0 AND share <= 1)
);
CREATE UNIQUE INDEX satisfaction_margins_uq ON satisfaction_margins (COALESCE(unit_id, '00000000-0000-0000-0000-000000000000'), attribute, value);

-- Default margins: Vietnam's adult population by sex and age band (2019 census, rounded).
INSERT INTO satisfaction_margins (unit_id, attribute, value, share) VALUES
  (NULL, 'sex', 'male', 0.49), (NULL, 'sex', 'female', 0.51),
  (NULL, 'ageBand', '18-29', 0.26), (NULL, 'ageBand', '30-44', 0.32),
  (NULL, 'ageBand', '45-59', 0.25), (NULL, 'ageBand', '60+', 0.17);
