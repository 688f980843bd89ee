import { sql, type ExpressionBuilder } from "kysely";
import type { Database, Executor } from "../db/index.ts";
import { now as clockNow } from "../calendar/clock.ts";

/** The values of a new opinion row. */
export interface NewOpinionRow {
  trackingCode: string;
  unitId: string;
  channel: string;
  kind: string;
  status: string;
  content: string;
  searchText: string;
  isAnonymous: boolean;
  publicConsent: boolean;
  urgency: string;
  answerDueAt: Date | null;
  receivedAt: Date;
  contentGroup: string | null;
  topics: string[];
  locationUnitId: string | null;
  concernedUnitId: string | null;
  targetOfficer: string | null;
  clientKey: string | null;
  enteredByUserId: string | null;
  /** Set on an imported opinion: the same row imported again by the same unit is refused as a duplicate. */
  importFingerprint?: string | null;
}

/** The audit entry written with a record, as the audit domain builds it (`auditEntryFor`). */
export interface AuditColumns {
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  details: Record<string, unknown>;
  ip: string | null;
}

/** A received opinion with what is stored beside it: encrypted contact details, the actor, the audit entry. */
export type ReceivedOpinionRow = NewOpinionRow & {
  contactCiphertext: string | null;
  audit: AuditColumns;
};

/**
 * Stores received opinions in one statement (atomic, one round trip): each opinion — only if its unit is
 * valid on `day` — its encrypted contact details when given and its audit entry. The first step of its
 * timeline is the opinion's own `received_at` (see listOpinionEvents), not a row of its own. Returns, in input order, the stored id and time, or undefined for an opinion whose unit is
 * unknown or not valid on `day` (nothing of it is stored).
 */
export async function insertReceivedOpinions(
  db: Executor,
  { day, rows }: { day: string; rows: ReceivedOpinionRow[] },
): Promise<({ id: string; created_at: Date } | undefined)[]> {
  const column = <T>(pick: (row: ReceivedOpinionRow) => T) => rows.map(pick);
  const storedAt = clockNow().toISOString();
  const result = await sql<{ id: string; tracking_code: string; created_at: Date }>`/* prepared: insert_received_opinions */
    WITH input AS (
      SELECT * FROM unnest(
        ${column((r) => r.trackingCode)}::text[], ${column((r) => r.unitId)}::uuid[],
        ${column((r) => r.channel)}::text[], ${column((r) => r.kind)}::text[], ${column((r) => r.status)}::text[],
        ${column((r) => r.content)}::text[], ${column((r) => r.searchText)}::text[],
        ${column((r) => r.isAnonymous)}::boolean[], ${column((r) => r.publicConsent)}::boolean[],
        ${column((r) => r.urgency)}::text[], ${column((r) => r.answerDueAt?.toISOString() ?? null)}::timestamptz[],
        ${column((r) => r.receivedAt.toISOString())}::timestamptz[], ${column((r) => r.contentGroup)}::text[],
        ${column((r) => r.topics.join(","))}::text[], ${column((r) => r.locationUnitId)}::uuid[],
        ${column((r) => r.concernedUnitId)}::uuid[], ${column((r) => r.targetOfficer)}::text[],
        ${column((r) => r.clientKey)}::uuid[], ${column((r) => r.enteredByUserId)}::uuid[],
        ${column((r) => r.contactCiphertext)}::text[],
        ${column((r) => r.audit.actorUserId)}::uuid[], ${column((r) => r.audit.actorLabel)}::text[],
        ${column((r) => r.audit.action)}::text[], ${column((r) => r.audit.entityType)}::text[],
        ${column((r) => JSON.stringify(r.audit.details))}::jsonb[], ${column((r) => r.audit.ip)}::text[],
        ${column((r) => r.importFingerprint ?? null)}::text[]
      ) WITH ORDINALITY AS t(tracking_code, unit_id, channel, kind, status, content, search_text, is_anonymous,
        public_consent, urgency, answer_due_at, received_at, content_group, topics, location_unit_id,
        concerned_unit_id, target_officer, client_key, entered_by_user_id, ciphertext,
        audit_actor_user_id, audit_actor_label, audit_action, audit_entity_type, audit_details, audit_ip,
        import_fingerprint, ord)
    ), valid AS (
      SELECT input.* FROM input
      JOIN units u ON u.id = input.unit_id AND u.valid_from <= ${day} AND (u.valid_to IS NULL OR u.valid_to >= ${day})
    ), opinion AS (
      INSERT INTO opinions (tracking_code, unit_id, channel, kind, status, content, search_text, is_anonymous,
        public_consent, urgency, answer_due_at, received_at, content_group, topics, location_unit_id,
        concerned_unit_id, target_officer, client_key, entered_by_user_id, import_fingerprint, created_at, updated_at)
      SELECT tracking_code, unit_id, channel, kind, status, content, search_text, is_anonymous, public_consent,
        urgency, answer_due_at, received_at, content_group, string_to_array(topics, ','), location_unit_id,
        concerned_unit_id, target_officer, client_key, entered_by_user_id, import_fingerprint, ${storedAt}::timestamptz,
        ${storedAt}::timestamptz
      FROM valid ORDER BY ord
      RETURNING id, tracking_code, created_at
    ), contact AS (
      INSERT INTO opinion_contacts (opinion_id, ciphertext)
      SELECT o.id, v.ciphertext FROM opinion o JOIN valid v USING (tracking_code) WHERE v.ciphertext IS NOT NULL
    ), audit AS (
      INSERT INTO audit_log (actor_user_id, actor_label, action, entity_type, entity_id, details, ip, at)
      SELECT v.audit_actor_user_id, v.audit_actor_label, v.audit_action, v.audit_entity_type, o.id::text,
             v.audit_details, v.audit_ip, ${storedAt}::timestamptz
      FROM opinion o JOIN valid v USING (tracking_code)
    )
    SELECT id, tracking_code, created_at FROM opinion`.execute(db);
  const stored = new Map(result.rows.map((r) => [r.tracking_code, { id: r.id, created_at: r.created_at }]));
  return rows.map((row) => stored.get(row.trackingCode));
}

/** The encrypted contact details of an opinion, if any. */
export async function findOpinionContact(db: Executor, opinionId: string) {
  return db
    .selectFrom("opinion_contacts")
    .select("ciphertext")
    .where("opinion_id", "=", opinionId)
    .executeTakeFirst();
}

/** In one of `openStatuses` after its answer deadline at `now` (OVERDUE is computed, never stored). */
function isOverdue(
  eb: ExpressionBuilder<Database & { o: Database["opinions"] }, "o">,
  { now, openStatuses }: { now: Date; openStatuses: readonly string[] },
) {
  return eb.and([eb("o.status", "in", [...openStatuses]), eb("o.answer_due_at", "<", now)]);
}

/** The deadline rules, as configured. */
export async function listDeadlineRules(db: Executor) {
  return db.selectFrom("deadline_rules").select(["kind", "urgency", "stage", "amount", "unit"]).execute();
}

const opinionColumns = [
  "o.id",
  "o.tracking_code",
  "o.unit_id",
  "o.channel",
  "o.kind",
  "o.status",
  "o.content",
  "o.is_anonymous",
  "o.public_consent",
  "o.created_at",
  "o.received_at",
  "o.answered_at",
  "o.urgency",
  "o.answer_due_at",
  "o.content_group",
  "o.topics",
  "o.location_unit_id",
  "o.concerned_unit_id",
  "o.target_officer",
  "o.assigned_user_id",
  "o.answer_method",
  "o.routed_track",
  "o.routed_to",
  "o.transferred_to",
  "o.merged_into_id",
  "o.reopen_count",
  "o.rating",
  "o.rating_comment",
  "o.escalated_at",
  "n.name as unit_name",
] as const;

function selectOpinions(db: Executor) {
  return db
    .selectFrom("opinions as o")
    .innerJoin("units as n", "n.id", "o.unit_id")
    .leftJoin("users as assignee", "assignee.id", "o.assigned_user_id")
    .select(opinionColumns)
    .select("assignee.display_name as assigned_name")
    .select((eb) => [
      eb.exists(eb.selectFrom("opinion_contacts as c").select("c.opinion_id").whereRef("c.opinion_id", "=", "o.id")).as(
        "has_contact",
      ),
      eb.exists(eb.selectFrom("forum_items as fi").select("fi.opinion_id").whereRef("fi.opinion_id", "=", "o.id")).as("raised_at_forum"),
      eb.selectFrom("units as cu").select("cu.name").whereRef("cu.id", "=", "o.concerned_unit_id").as("concerned_unit_name"),
      eb.selectFrom("units as lu").select("lu.name").whereRef("lu.id", "=", "o.location_unit_id").as("location_unit_name"),
      eb
        .selectFrom("opinions as m")
        .select("m.tracking_code")
        .whereRef("m.id", "=", "o.merged_into_id")
        .as("merged_into_code"),
    ]);
}

/** The forum an opinion was raised at, if any. */
export async function findOpinionForum(db: Executor, opinionId: string) {
  return db
    .selectFrom("forum_items as fi")
    .innerJoin("forums as f", "f.id", "fi.forum_id")
    .select(["f.id", "f.title", "f.starts_at"])
    .where("fi.opinion_id", "=", opinionId)
    .executeTakeFirst();
}

/** An opinion as read for display and for the workflow. */
export type OpinionRecord = NonNullable<Awaited<ReturnType<typeof findOpinionById>>>;

/** An opinion by id, with its unit's name. */
export async function findOpinionById(db: Executor, id: string) {
  return selectOpinions(db).where("o.id", "=", id).executeTakeFirst();
}

/** An opinion by its canonical tracking code, with its unit's name. */
export async function findOpinionByTrackingCode(db: Executor, trackingCode: string) {
  return selectOpinions(db).where("o.tracking_code", "=", trackingCode).executeTakeFirst();
}

/** The opinion an officer's entry with this client key created, if any. */
export async function findOpinionByClientKey(db: Executor, clientKey: string) {
  return db
    .selectFrom("opinions")
    .select(["id", "tracking_code", "status", "kind", "entered_by_user_id"])
    .where("client_key", "=", clientKey)
    .executeTakeFirst();
}

/**
 * The timeline of an opinion, oldest first, with the acting user's display name. Its first step, "received",
 * is read from the opinion itself (when it was received, who entered it): intake writes no event row for it.
 */
export async function listOpinionEvents(db: Executor, opinionId: string) {
  const { rows } = await sql<{
    type: string;
    from_status: string | null;
    to_status: string;
    at: Date;
    note: string | null;
    details: Record<string, unknown>;
    actor_name: string | null;
  }>`
    SELECT type, from_status, to_status, at, note, details, actor_name FROM (
      SELECT 0 AS step, 0::bigint AS id, 'received' AS type, NULL::text AS from_status, 'RECEIVED' AS to_status,
             o.received_at AS at, NULL::text AS note, '{}'::jsonb AS details, u.display_name AS actor_name
      FROM opinions o LEFT JOIN users u ON u.id = o.entered_by_user_id
      WHERE o.id = ${opinionId}
      UNION ALL
      SELECT 1, e.id, e.type, e.from_status, e.to_status, e.at, e.note, e.details, u.display_name
      FROM opinion_events e LEFT JOIN users u ON u.id = e.actor_user_id
      WHERE e.opinion_id = ${opinionId}
    ) timeline
    ORDER BY step, at, id`.execute(db);
  return rows;
}

/** The answers to an opinion, oldest first, with the author's and the reviewer's names. */
export async function listOpinionAnswers(db: Executor, opinionId: string) {
  return db
    .selectFrom("opinion_answers as a")
    .innerJoin("users as u", "u.id", "a.author_id")
    .leftJoin("users as r", "r.id", "a.reviewer_id")
    .select([
      "a.id",
      "a.content",
      "a.created_at",
      "a.status",
      "a.method",
      "a.review_comment",
      "a.reviewed_at",
      "u.display_name as author_name",
      "r.display_name as reviewer_name",
    ])
    .where("a.opinion_id", "=", opinionId)
    .orderBy("a.created_at")
    .orderBy("a.id")
    .execute();
}

/** What the inbox can be filtered by; every filter is optional but the unit set. */
export interface OpinionFilter {
  unitIds: string[];
  status?: string;
  kind?: string;
  channel?: string;
  topic?: string;
  /** Folded search words (letters and digits only): every one must occur as a whole word in the folded content. */
  words?: string[];
  receivedFrom?: Date;
  receivedBefore?: Date;
  assignedUserId?: string;
  escalated?: boolean;
  overdue?: { now: Date; openStatuses: readonly string[] };
}

/**
 * A page of opinions of the given units, newest first; with `afterId`, the page after that opinion
 * (keyset on `(created_at, id)`, compared in SQL so that microseconds are not lost).
 */
export async function listOpinionsOfUnits(db: Executor, filter: OpinionFilter & { afterId?: string; limit: number }) {
  // One unit (most officers' inbox) by `=`: PostgreSQL then reads that unit's index in order and stops at the
  // page; with `= ANY` it reads all the unit's opinions and sorts them (bench/inbox). A subtree walks the index
  // on (created_at, id) newest first and stops once the page is full.
  const [onlyUnit] = filter.unitIds;
  let query = (
    filter.unitIds.length === 1 && onlyUnit
      ? selectOpinions(db).where("o.unit_id", "=", onlyUnit)
      : selectOpinions(db).where("o.unit_id", "=", sql<string>`ANY(${sql.val(filter.unitIds)}::uuid[])`)
  )
    .orderBy("o.created_at", "desc")
    .orderBy("o.id", "desc")
    .limit(filter.limit);
  if (filter.status) query = query.where("o.status", "=", filter.status);
  if (filter.kind) query = query.where("o.kind", "=", filter.kind);
  if (filter.channel) query = query.where("o.channel", "=", filter.channel);
  if (filter.topic) query = query.where(sql<boolean>`o.topics @> ARRAY[${filter.topic}]::text[]`);
  if (filter.assignedUserId) query = query.where("o.assigned_user_id", "=", filter.assignedUserId);
  if (filter.escalated) query = query.where("o.escalated_at", "is not", null);
  if (filter.receivedFrom) query = query.where("o.received_at", ">=", filter.receivedFrom);
  if (filter.receivedBefore) query = query.where("o.received_at", "<", filter.receivedBefore);
  for (const word of filter.words ?? []) {
    // Whole words of the folded text ("hac" finds "Hạc", not "hách"): a regular expression with word
    // boundaries, which the trigram index serves. Words hold only letters and digits: nothing to escape.
    query = query.where(sql<boolean>`o.search_text ~ ${`\\m${word}\\M`}`);
  }
  if (filter.overdue) {
    const overdue = filter.overdue;
    query = query.where((eb) => isOverdue(eb, overdue));
  }
  if (filter.afterId) {
    query = query.where(
      sql<boolean>`(o.created_at, o.id) < (SELECT p.created_at, p.id FROM opinions p WHERE p.id = ${filter.afterId})`,
    );
  }
  return query.execute();
}
