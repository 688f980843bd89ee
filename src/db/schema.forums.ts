import type { ColumnType, Generated, JSONColumnType } from "kysely";

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable timestamptz column. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** A key figure of the unit's report at a forum ("Tiếp nhận tin báo": "100%"). */
export interface ForumKeyFigure {
  label: string;
  value: string;
}

/** Forum "Công an lắng nghe ý kiến Nhân dân" (migrations/0014_forums.sql). */
export interface ForumsTable {
  id: Generated<string>;
  unit_id: string;
  title: string;
  co_organisers: Generated<string>;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  planned_end_at: NullableTimestamp;
  location_unit_id: string | null;
  hamlet: string | null;
  place: string;
  chair_name: string;
  secretary_name: string;
  invited_groups: Generated<string>;
  expected_attendance: number | null;
  attendance: number | null;
  report_text: Generated<string>;
  key_figures: JSONColumnType<ForumKeyFigure[], string | undefined, string>;
  status: Generated<"planned" | "live" | "ended" | "cancelled">;
  started_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  current_item_id: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An opinion raised at a forum, with what the forum's screens and minutes need. */
export interface ForumItemsTable {
  id: Generated<string>;
  forum_id: string;
  opinion_id: string;
  tracking_code: string;
  source: "secretary" | "citizen";
  speaker: string | null;
  kind: string;
  display_text: string;
  moderation: Generated<"pending" | "shown" | "hidden">;
  moderated_at: NullableTimestamp;
  mark: "on_spot" | "written" | "transferred" | "out_of_scope" | null;
  mark_note: string | null;
  marked_at: NullableTimestamp;
  support_count: Generated<number>;
  created_at: Timestamp;
}

/** One "+1" of one device on one item. */
export interface ForumSupportsTable {
  item_id: string;
  device_hash: string;
  created_at: Timestamp;
}

/** The minutes of a forum: a draft, then final and immutable. */
export interface ForumMinutesTable {
  forum_id: string;
  attendees: Generated<string>;
  proceedings: Generated<string>;
  closing_note: Generated<string>;
  ended_at: NullableTimestamp;
  status: Generated<"draft" | "final">;
  document: Buffer | null;
  content_hash: string | null;
  finalised_at: NullableTimestamp;
  finalised_by: string | null;
  updated_at: Timestamp;
}

/** The file of the unit's report at a forum (migrations/0015_forum_report_files.sql). */
export interface ForumReportFilesTable {
  forum_id: string;
  file_name: string;
  content_type: string;
  content: Buffer;
  size: number;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

/** The forums domain's tables; `Database` extends this. */
export interface ForumsTables {
  forums: ForumsTable;
  forum_report_files: ForumReportFilesTable;
  forum_items: ForumItemsTable;
  forum_supports: ForumSupportsTable;
  forum_minutes: ForumMinutesTable;
}
