import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { ForumsTables } from "./schema.forums.ts";
import type { SurveysTables } from "./schema.surveys.ts";
import type { ReportsTables } from "./schema.reports.ts";

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable timestamptz column. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  details: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  ip: string | null;
}

export interface UnitLevelsTable {
  code: string;
  rank: number;
  name_vi: string;
  name_en: string;
}

export interface UnitsTable {
  id: Generated<string>;
  name: string;
  short_name: string;
  level_code: string;
  parent_id: string | null;
  area_code: string | null;
  /** yyyy-mm-dd */
  valid_from: string;
  /** yyyy-mm-dd, last day of validity; null while the unit exists. */
  valid_to: string | null;
  search_key: string;
  created_at: Timestamp;
}

export interface UnitSuccessorsTable {
  unit_id: string;
  successor_id: string;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  unit_id: string;
  role: "admin" | "leader" | "officer" | "inspector";
  is_active: Generated<boolean>;
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface OpinionsTable {
  id: Generated<string>;
  tracking_code: string;
  unit_id: string;
  channel: string;
  kind: string;
  status: string;
  content: string;
  search_text: string;
  is_anonymous: boolean;
  public_consent: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  answered_at: NullableTimestamp;
  urgency: Generated<string>;
  answer_due_at: NullableTimestamp;
  received_at: Timestamp;
  content_group: string | null;
  topics: ColumnType<string[], string[] | undefined, string[]>;
  location_unit_id: string | null;
  concerned_unit_id: string | null;
  target_officer: string | null;
  assigned_user_id: string | null;
  answer_method: string | null;
  routed_track: string | null;
  routed_to: string | null;
  routed_outcome: string | null;
  transferred_to: string | null;
  merged_into_id: string | null;
  reopen_count: Generated<number>;
  closed_at: NullableTimestamp;
  rating: number | null;
  rating_comment: string | null;
  rated_at: NullableTimestamp;
  client_key: string | null;
  entered_by_user_id: string | null;
  reminded_at: NullableTimestamp;
  escalated_at: NullableTimestamp;
  escalated_to_unit_id: string | null;
  notified_at: NullableTimestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  opinion_id: string;
  channel: "email" | "sms" | "zalo";
  recipient_ciphertext: string;
  template: "answer";
  language: Generated<"vi" | "en">;
  status: Generated<"pending" | "sending" | "sent" | "failed">;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  claimed_at: NullableTimestamp;
  sent_at: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
}

export interface TopicsTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort_order: Generated<number>;
  is_active: Generated<boolean>;
}

export interface RoutingRulesTable {
  id: Generated<string>;
  location_unit_id: string | null;
  topic: string | null;
  kind: string | null;
  target_unit_id: string;
  priority: Generated<number>;
  created_at: Timestamp;
}

export interface DeadlineRulesTable {
  kind: string;
  urgency: string;
  stage: string;
  amount: number;
  unit: "working_hours" | "working_days";
}

export interface OpinionContactsTable {
  opinion_id: string;
  ciphertext: string;
  created_at: Timestamp;
}

export interface OpinionEventsTable {
  id: Generated<number>;
  opinion_id: string;
  type: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string | null;
  at: Timestamp;
  note: string | null;
  details: JSONColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface OpinionAnswersTable {
  id: Generated<string>;
  opinion_id: string;
  content: string;
  author_id: string;
  created_at: Timestamp;
  status: ColumnType<"pending" | "approved" | "returned", "pending" | "approved" | "returned" | undefined, "pending" | "approved" | "returned">;
  method: ColumnType<"written" | "on_spot", "written" | "on_spot" | undefined, "written" | "on_spot">;
  reviewer_id: string | null;
  reviewed_at: NullableTimestamp;
  review_comment: string | null;
}

/** A CSV/XLSX import of opinions: the uploaded file until committed, and the state of its check and commit. */
export interface OpinionImportsTable {
  id: Generated<string>;
  unit_id: string;
  created_by: string | null;
  file_name: string;
  file_size: number;
  file_data: Buffer | null;
  channel: Generated<string>;
  mapping: JSONColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  headers: JSONColumnType<string[] | null, string | null | undefined, string | null>;
  status: ColumnType<
    "parsing" | "ready" | "failed" | "importing" | "done",
    "parsing" | "ready" | "failed" | "importing" | "done" | undefined,
    "parsing" | "ready" | "failed" | "importing" | "done"
  >;
  rows_total: number | null;
  rows_valid: number | null;
  rows_invalid: number | null;
  rows_duplicate: number | null;
  rows_done: Generated<number>;
  progress: Generated<number>;
  errors: JSONColumnType<{ rowNumber: number; field: string | null; code: string }[], string | undefined, string>;
  preview: JSONColumnType<Record<string, unknown>[], string | undefined, string>;
  error_code: string | null;
  error_params: JSONColumnType<Record<string, string | number>, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface RemedialActionsTable {
  id: Generated<string>;
  opinion_id: string;
  unit_id: string;
  title: string;
  owner_name: string;
  /** yyyy-mm-dd */
  due_date: string;
  status: ColumnType<RemedialStatus, RemedialStatus | undefined, RemedialStatus>;
  evidence: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  done_at: NullableTimestamp;
  verified_at: NullableTimestamp;
  verified_by: string | null;
}
type RemedialStatus = "planned" | "in_progress" | "done" | "verified";

/** Every table, as Kysely sees it (snake_case, as in the migrations). */
export interface Database extends ForumsTables, SurveysTables, ReportsTables {
  audit_log: AuditLogTable;
  unit_levels: UnitLevelsTable;
  units: UnitsTable;
  unit_successors: UnitSuccessorsTable;
  users: UsersTable;
  sessions: SessionsTable;
  opinions: OpinionsTable;
  opinion_contacts: OpinionContactsTable;
  opinion_events: OpinionEventsTable;
  opinion_answers: OpinionAnswersTable;
  deadline_rules: DeadlineRulesTable;
  topics: TopicsTable;
  routing_rules: RoutingRulesTable;
  notifications: NotificationsTable;
  remedial_actions: RemedialActionsTable;
  opinion_imports: OpinionImportsTable;
  schema_migrations: SchemaMigrationsTable;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Timestamp;
}
