import type { ColumnType, Generated, JSONColumnType } from "kysely";

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Json<T extends object> = JSONColumnType<T, string, string>;

export interface SurveyCampaignsTable {
  id: Generated<string>;
  evaluating_unit_id: string;
  title: string;
  family: "perception" | "contact" | "open";
  template_code: string;
  template_version: number;
  elements: Json<unknown[]>;
  questions: Json<unknown[]>;
  attributes: TextArray;
  channels: TextArray;
  /** yyyy-mm-dd */
  starts_on: string;
  ends_on: string;
  forum_id: string | null;
  published_at: NullableTimestamp;
  created_by: string | null;
  created_at: Timestamp;
}

export interface SurveyCampaignUnitsTable {
  campaign_id: string;
  unit_id: string;
  quota: number | null;
  field_code: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Fields of work (migrations/0022_fields_of_work.sql). */
export interface FieldsOfWorkTable {
  code: string;
  rank: number;
  name_vi: string;
  name_en: string;
}

export interface SurveyCodesTable {
  code_hash: string;
  campaign_id: string;
  unit_id: string;
  is_spent: Generated<boolean>;
  created_at: Timestamp;
}

export interface SurveyResponsesTable {
  id: Generated<string>;
  campaign_id: string;
  unit_id: string;
  channel: string;
  client_key: string;
  device_key: string | null;
  submitted_at: Timestamp;
  answered_on: string;
  answers: JSONColumnType<Record<string, unknown>, string, string>;
  attributes: JSONColumnType<Record<string, string>, string | undefined, string>;
  flags: TextArray;
  is_excluded: Generated<boolean>;
}

export interface SurveyRollupsTable {
  campaign_id: string;
  unit_id: string;
  question_id: string;
  month: string;
  n1: Generated<number>;
  n2: Generated<number>;
  n3: Generated<number>;
  n4: Generated<number>;
  n5: Generated<number>;
}

export interface SurveyRespondentRollupsTable {
  campaign_id: string;
  unit_id: string;
  month: string;
  responses: Generated<number>;
  r1: Generated<number>;
  r2: Generated<number>;
  r3: Generated<number>;
  r4: Generated<number>;
  r5: Generated<number>;
  /** The respondents' Likert answers at each level (Σm = n1 + … + n5, Σs = n4 + n5; migration 0023). */
  n1: Generated<number>;
  n2: Generated<number>;
  n3: Generated<number>;
  n4: Generated<number>;
  n5: Generated<number>;
  /** Per-respondent sums of squares (m valid Likert answers, s satisfied): Σs², Σsm, Σm². */
  sum_ss: Generated<number>;
  sum_sm: Generated<number>;
  sum_mm: Generated<number>;
}

export interface SurveyDecisionsTable {
  id: Generated<string>;
  response_id: string;
  decision: "exclude" | "include";
  reason: string;
  decided_by: string;
  decided_at: Timestamp;
}

export interface SatisfactionSettingsTable {
  id: Generated<boolean>;
  min_n: number;
  burst_count: number;
  burst_minutes: number;
  straight_line_min: number;
}

export interface SatisfactionBandsTable {
  code: string;
  min_rate: ColumnType<string, string | number, string | number>;
  name_vi: string;
  name_en: string;
}

export interface SurveyPaperCountsTable {
  campaign_id: string;
  unit_id: string;
  issued: Generated<number>;
  returned: Generated<number>;
  valid: Generated<number>;
}

export interface SurveyAttributeRollupsTable {
  campaign_id: string;
  unit_id: string;
  month: string;
  cell: string;
  respondents: Generated<number>;
  satisfied: Generated<number>;
}

export interface SatisfactionMarginsTable {
  id: Generated<string>;
  unit_id: string | null;
  attribute: string;
  value: string;
  share: ColumnType<string, string | number, string | number>;
}

/** The tables of the surveys and satisfaction domains. */
export interface SurveysTables {
  survey_paper_counts: SurveyPaperCountsTable;
  survey_attribute_rollups: SurveyAttributeRollupsTable;
  satisfaction_margins: SatisfactionMarginsTable;
  survey_campaigns: SurveyCampaignsTable;
  survey_campaign_units: SurveyCampaignUnitsTable;
  fields_of_work: FieldsOfWorkTable;
  survey_codes: SurveyCodesTable;
  survey_responses: SurveyResponsesTable;
  survey_rollups: SurveyRollupsTable;
  survey_respondent_rollups: SurveyRespondentRollupsTable;
  survey_decisions: SurveyDecisionsTable;
  satisfaction_settings: SatisfactionSettingsTable;
  satisfaction_bands: SatisfactionBandsTable;
}
