import { sql } from "kysely";
import type { Executor } from "../db/index.ts";

/** The values of a new response. */
export interface NewResponseRow {
  campaignId: string;
  unitId: string;
  channel: string;
  clientKey: string;
  deviceKey: string | null;
  submittedAt: Date;
  answeredOn: string;
  answers: Record<string, unknown>;
  attributes: Record<string, string>;
  flags: string[];
  /** Flag as a burst when this response makes at least `count` for the unit since `since` (none: never). */
  burst: { since: Date; count: number } | null;
}

/**
 * Inserts responses in one statement, each unless its client key or device already answered the campaign;
 * the new ids in the rows' order (undefined on such a conflict). A response is flagged "burst" when it and
 * the unit's responses since the burst window opened (stored ones, and earlier rows of this batch) reach the
 * burst count; paper forms keyed in by an officer neither count nor are counted.
 */
export async function insertResponses(db: Executor, rows: readonly NewResponseRow[]): Promise<(string | undefined)[]> {
  const column = <T>(pick: (row: NewResponseRow) => T) => rows.map(pick);
  const result = await sql<{ id: string; campaign_id: string; client_key: string }>`/* prepared: insert_survey_responses */
    WITH input AS (
      SELECT * FROM unnest(
        ${column((r) => r.campaignId)}::uuid[], ${column((r) => r.unitId)}::uuid[], ${column((r) => r.channel)}::text[],
        ${column((r) => r.clientKey)}::uuid[], ${column((r) => r.deviceKey)}::text[],
        ${column((r) => r.submittedAt.toISOString())}::timestamptz[], ${column((r) => r.answeredOn)}::date[],
        ${column((r) => JSON.stringify(r.answers))}::jsonb[], ${column((r) => JSON.stringify(r.attributes))}::jsonb[],
        ${column((r) => r.flags.join(","))}::text[],
        ${column((r) => r.burst?.since.toISOString() ?? null)}::timestamptz[], ${column((r) => r.burst?.count ?? null)}::int[]
      ) WITH ORDINALITY AS t(campaign_id, unit_id, channel, client_key, device_key, submitted_at, answered_on, answers,
        attributes, flags, burst_since, burst_count, ord)
    ), counted AS (
      SELECT input.*,
        CASE WHEN burst_count IS NULL THEN NULL ELSE
          (SELECT count(*) FROM survey_responses r
           WHERE r.campaign_id = input.campaign_id AND r.unit_id = input.unit_id AND r.channel <> 'paper'
             AND r.submitted_at >= input.burst_since AND r.submitted_at <= input.submitted_at)
          + count(*) FILTER (WHERE burst_count IS NOT NULL) OVER (PARTITION BY campaign_id, unit_id ORDER BY ord)
        END AS recent
      FROM input
    )
    INSERT INTO survey_responses (campaign_id, unit_id, channel, client_key, device_key, submitted_at, answered_on,
      answers, attributes, flags)
    SELECT campaign_id, unit_id, channel, client_key, device_key, submitted_at, answered_on, answers, attributes,
      CASE WHEN recent >= burst_count THEN array_append(string_to_array(flags, ','), 'burst') ELSE string_to_array(flags, ',') END
    FROM counted ORDER BY ord
    ON CONFLICT DO NOTHING
    RETURNING id, campaign_id, client_key`.execute(db);
  const keyOf = (campaignId: string, clientKey: string) => `${campaignId}|${clientKey}`.toLowerCase();
  const stored = new Map(result.rows.map((r) => [keyOf(r.campaign_id, r.client_key), r.id]));
  // A key sent twice in one batch (a retry racing its first try) was stored once: only its first row gets the id.
  return rows.map((r) => {
    const key = keyOf(r.campaignId, r.clientKey);
    const id = stored.get(key);
    stored.delete(key);
    return id;
  });
}

/** Whether a response with this client key exists for the campaign. */
export async function hasResponseWithClientKey(db: Executor, campaignId: string, clientKey: string) {
  const row = await db
    .selectFrom("survey_responses")
    .select("id")
    .where("campaign_id", "=", campaignId)
    .where("client_key", "=", clientKey)
    .executeTakeFirst();
  return row !== undefined;
}

/** One response, or undefined. */
export async function findResponseById(db: Executor, id: string) {
  return db.selectFrom("survey_responses").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Locks a response row for a decision (the rollups change with it). */
export async function lockResponse(db: Executor, id: string) {
  return db.selectFrom("survey_responses").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Sets whether a response is excluded from the index. */
export async function setResponseExcluded(db: Executor, id: string, isExcluded: boolean) {
  await db.updateTable("survey_responses").set({ is_excluded: isExcluded }).where("id", "=", id).execute();
}

/** Records an inspector's decision. */
export async function insertDecision(
  db: Executor,
  d: { responseId: string; decision: "exclude" | "include"; reason: string; decidedBy: string },
) {
  await db
    .insertInto("survey_decisions")
    .values({ response_id: d.responseId, decision: d.decision, reason: d.reason, decided_by: d.decidedBy })
    .execute();
}

/** Flagged responses of a campaign, newest first, with the latest decision on each. */
export async function listFlaggedResponses(db: Executor, campaignId: string) {
  return db
    .selectFrom("survey_responses as r")
    .innerJoin("units as u", "u.id", "r.unit_id")
    .select([
      "r.id",
      "r.unit_id",
      "u.name as unit_name",
      "r.channel",
      "r.submitted_at",
      "r.answers",
      "r.flags",
      "r.is_excluded",
      (eb) =>
        eb
          .selectFrom("survey_decisions as d")
          .select("d.reason")
          .whereRef("d.response_id", "=", "r.id")
          .orderBy("d.decided_at", "desc")
          .limit(1)
          .as("last_reason"),
    ])
    .where("r.campaign_id", "=", campaignId)
    .where("r.flags", "<>", sql<string[]>`'{}'`)
    .orderBy("r.submitted_at", "desc")
    .limit(500)
    .execute();
}

/** Responses per unit of a campaign, and how many are flagged or excluded. */
export async function countResponsesByUnit(db: Executor, campaignId: string) {
  return db
    .selectFrom("survey_responses")
    .select([
      "unit_id",
      sql<number>`count(*)::int`.as("received"),
      sql<number>`count(*) FILTER (WHERE flags <> '{}')::int`.as("flagged"),
      sql<number>`count(*) FILTER (WHERE is_excluded)::int`.as("excluded"),
    ])
    .where("campaign_id", "=", campaignId)
    .groupBy("unit_id")
    .execute();
}
